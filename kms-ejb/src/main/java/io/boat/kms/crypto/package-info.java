/** Cryptographic building blocks on the JDK: AES-GCM, the master key store, password hashing, the one SecureRandom, and key material that wipes itself. */
package io.boat.kms.crypto;
