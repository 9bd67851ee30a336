/** JMH benchmarks of attestation: JCE quote verification, and one full agent attest round trip on a swtpm. */
package io.boat.bench.attestation;
