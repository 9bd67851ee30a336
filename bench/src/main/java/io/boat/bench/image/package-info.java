/** Throughput and memory of the agent's encrypted-image format (bench/image/run.sh). */
package io.boat.bench.image;
