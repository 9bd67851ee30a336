/** Keystone v3 and v2.0 token endpoints and identity administration, in Keystone's JSON shapes. */
package io.boat.kms.web.identity;
