/** What applications compile against: the connection factory, the connection, its value types and exceptions. */
package io.boat.kmip.api;
