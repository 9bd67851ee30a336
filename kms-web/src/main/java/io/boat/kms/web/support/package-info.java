/** What every resource shares: the current caller, body reading, field validation, links, error bodies and the one exception mapper. */
package io.boat.kms.web.support;
