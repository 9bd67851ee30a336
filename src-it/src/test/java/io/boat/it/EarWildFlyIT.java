package io.boat.it;

/** The EAR on WildFly 38, standalone.xml (deploy/wildfly/), Hibernate, H2 under standalone/data. */
class EarWildFlyIT extends EarServerTests {

    @Override
    EarServer.Kind kind() {
        return EarServer.Kind.WILDFLY;
    }

    /**
     * Not yet run against an attestation service: whether WildFly's standalone.xml gives the EAR a
     * MicroProfile Rest Client is unverified, so here the attested read is checked to answer 500.
     */
    @Override
    boolean attestedRelease() {
        return false;
    }
}
