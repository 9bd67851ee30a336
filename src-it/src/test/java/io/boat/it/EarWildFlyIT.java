package io.boat.it;

/** The EAR on WildFly 38, standalone.xml (deploy/wildfly/), Hibernate, H2 under standalone/data. */
class EarWildFlyIT extends EarServerTests {

    @Override
    EarServer.Kind kind() {
        return EarServer.Kind.WILDFLY;
    }
}
