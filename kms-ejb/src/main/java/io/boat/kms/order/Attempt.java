package io.boat.kms.order;

import io.boat.kms.project.ProjectId;
import io.boat.kms.store.KeySpec;

/**
 * One processing attempt of an order as {@link OrderProcessor#beginAttempt} found it: the key to
 * generate, or the key an earlier attempt already generated and recorded; {@code exhausted} when
 * the order has just been failed for running out of attempts.
 */
public record Attempt(String orderId, ProjectId projectId, KeySpec spec, GeneratedKeyRef recorded, boolean exhausted) {
}
