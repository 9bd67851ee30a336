/** The audit of attested key release over REST: {@code /v1/release-events}. */
package io.boat.kms.web.release;
