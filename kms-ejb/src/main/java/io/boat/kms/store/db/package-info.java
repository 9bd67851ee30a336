/** The embedded default store: each secret AES-256-GCM encrypted under its project's KEK, ciphertext kept as store metadata. */
package io.boat.kms.store.db;
