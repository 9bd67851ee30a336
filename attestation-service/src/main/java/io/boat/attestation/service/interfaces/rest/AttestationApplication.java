package io.boat.attestation.service.interfaces.rest;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** REST root {@code /attestation-service/api}; the web module itself is served at / (glassfish-web.xml) so
 * that no path falls outside it. Also defines the data source from environment variables
 * BOAT_ATTESTATION_JDBC_CLASS/URL/USER/PASSWORD (default: H2 file ./var/attestation-db; PostgreSQL: class
 * org.postgresql.ds.PGSimpleDataSource, url jdbc:postgresql://HOST:5432/DB). */
@ApplicationPath("/attestation-service/api")
@DataSourceDefinition(name = "java:app/jdbc/attestation",
    className = "${ENV=BOAT_ATTESTATION_JDBC_CLASS:org.h2.jdbcx.JdbcDataSource}",
    url = "${ENV=BOAT_ATTESTATION_JDBC_URL:jdbc:h2:file:./var/attestation-db}",
    user = "${ENV=BOAT_ATTESTATION_JDBC_USER:sa}",
    password = "${ENV=BOAT_ATTESTATION_JDBC_PASSWORD:sa}")
public class AttestationApplication extends Application {
}
