/** The secret-store contract (Barbican's): stores generate, keep, return and destroy material and hand back metadata the core persists; they never touch the database. */
package io.boat.kms.store;
