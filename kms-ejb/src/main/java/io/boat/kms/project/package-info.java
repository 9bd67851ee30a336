/** The key hierarchy above secrets: the master KEK, and one KEK per project wrapped by it. */
package io.boat.kms.project;
