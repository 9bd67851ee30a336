/** BOAT's settings, read once from MicroProfile Config. */
package io.boat.kms.config;
