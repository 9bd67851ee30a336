/**
 * Grizzly extensions that Payara Micro loads into its HTTP listener (post-boot port unification):
 * connection openings that are not HTTP/1.x are answered at once instead of being held.
 */
package io.boat.listener;
