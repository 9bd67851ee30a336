/** The agent's view of the attestation service's REST API, and its HTTP/JSON implementation. */
package io.boat.agent.service;
