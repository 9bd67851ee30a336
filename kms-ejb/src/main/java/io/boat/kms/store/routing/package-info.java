/** Which store a secret goes to and comes from: the configured store for new secrets, the recorded one for existing secrets, and the persisted form of store metadata. */
package io.boat.kms.store.routing;
