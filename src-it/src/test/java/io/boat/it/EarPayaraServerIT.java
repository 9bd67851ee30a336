package io.boat.it;

/** The EAR on Payara Server 6 (deploy/payara-server/), EclipseLink, H2 under the domain. */
class EarPayaraServerIT extends EarServerTests {

    @Override
    EarServer.Kind kind() {
        return EarServer.Kind.PAYARA_SERVER;
    }
}
