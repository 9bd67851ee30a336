/** The built-in Keystone-compatible identity: users, projects, role assignments, and the signed tokens that prove them. */
package io.boat.kms.identity;
