/** Faults that tests inject into a running server from outside BOAT's code (test-only jars). */
package io.boat.it.faults;
