package io.boat.kms.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.DependsOn;

/**
 * Creates the bootstrap admin on the first start. A generated password is printed exactly once,
 * to standard output (never to the log files), because there is no other way to hand it over.
 */
@Singleton
@Startup
@DependsOn("TokenService")
public class IdentityBootstrap {

    @EJB
    IdentityService identity;

    @PostConstruct
    void bootstrap() {
        identity.bootstrap().filter(p -> !p.isEmpty()).ifPresent(password -> System.out.println(
                "\n==== BOAT bootstrap admin created: user 'admin', project 'admin', password: " + password
                        + " (shown once; set BOAT_ADMIN_PASSWORD to choose it) ====\n"));
    }
}
