/** Persistence shared by the KMS packages: the group commit that lets concurrent callers share one durable transaction. */
package io.boat.kms.persistence;
