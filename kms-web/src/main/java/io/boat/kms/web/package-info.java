/** The KMS's REST interface: the JAX-RS application, version discovery, and the request filters and error mapping it shares. */
package io.boat.kms.web;
