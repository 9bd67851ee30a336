/** Failed-login defences: Keystone's account lockout, a per-source throttle, and the record of failures. */
package io.boat.kms.identity.lockout;
