/** Token revocation: events recorded in the database, indexed in memory on every node, checked on each request. */
package io.boat.kms.identity.revocation;
