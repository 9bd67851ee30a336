/** The secret store that keeps material in a KMIP server; BOAT keeps only the KMIP unique identifier. */
package io.boat.kms.store.kmip;
