/** Test fixtures shared by every module: free loopback ports, swtpm, Payara Micro, a test PKI. */
package io.boat.testing;
