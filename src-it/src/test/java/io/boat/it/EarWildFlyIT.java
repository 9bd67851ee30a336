package io.boat.it;

/**
 * The EAR on WildFly 38, standalone.xml (deploy/wildfly/), Hibernate, H2 under standalone/data. The
 * attested release's MicroProfile Rest Client is WildFly's own (RESTEasy's, which its jaxrs subsystem
 * gives deployments); the EAR carries none.
 */
class EarWildFlyIT extends EarServerTests {

    @Override
    EarServer.Kind kind() {
        return EarServer.Kind.WILDFLY;
    }
}
