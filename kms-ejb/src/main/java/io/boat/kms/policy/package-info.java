/** Who may do what: the caller a token proves, Barbican's roles and actions, and the checks services make before touching data. */
package io.boat.kms.policy;
