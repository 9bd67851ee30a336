/** Test fixtures shared by every module: free loopback ports, swtpm, Payara Micro. */
package io.boat.testing;
