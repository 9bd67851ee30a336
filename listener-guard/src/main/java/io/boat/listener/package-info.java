/**
 * Grizzly filters that BOAT adds to Payara's HTTP listeners: requests that Payara would hold for the
 * idle timeout or answer with an empty 200 get an immediate 4xx with Barbican's JSON error instead.
 */
package io.boat.listener;
