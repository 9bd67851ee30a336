/**
 * Projects as owners: the {@link io.boat.kms.project.ProjectId} that carries a project from the
 * token to the stores, and the key hierarchy above secrets (the master KEK, and one KEK per project
 * wrapped by it).
 */
package io.boat.kms.project;
