/** The KMS core's shared vocabulary: the domain exception family every service throws, and id checks. */
package io.boat.kms;
