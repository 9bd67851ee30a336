package io.boat.agent.image;

import io.boat.agent.HostOptions;
import io.boat.agent.service.KeyManagerClient;
import io.boat.agent.service.TlsFiles;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How the image commands authenticate to BOAT: the OpenStack client's options and environment
 * variables ({@code OS_AUTH_URL}, {@code OS_USERNAME}, {@code OS_PASSWORD}, ...), so an owner's
 * existing openrc works. A token, when given, is used as is; otherwise a password login.
 */
public final class KeyManagerOptions {
    @Option(names = "--os-token", defaultValue = "${env:OS_TOKEN}", description = "Token to use as is (env OS_TOKEN)")
    String token;

    @Option(names = "--os-auth-url", defaultValue = "${env:OS_AUTH_URL}",
        description = "Identity v3 endpoint, e.g. http://localhost:8080/v3 (env OS_AUTH_URL)")
    String authUrl;

    @Option(names = "--os-username", defaultValue = "${env:OS_USERNAME}", description = "User name (env OS_USERNAME)")
    String username;

    @Option(names = "--os-password", defaultValue = "${env:OS_PASSWORD}", arity = "0..1", interactive = true,
        description = "Password (env OS_PASSWORD; prefer the environment or the prompt: arguments show in ps)")
    char[] password;

    @Option(names = "--os-project-name", defaultValue = "${env:OS_PROJECT_NAME}", description = "Project (env OS_PROJECT_NAME)")
    String project;

    @Option(names = "--os-user-domain-name", defaultValue = "${env:OS_USER_DOMAIN_NAME:-Default}",
        description = "User's domain (env OS_USER_DOMAIN_NAME, default Default)")
    String userDomain;

    @Option(names = "--os-project-domain-name", defaultValue = "${env:OS_PROJECT_DOMAIN_NAME:-Default}",
        description = "Project's domain (env OS_PROJECT_DOMAIN_NAME, default Default)")
    String projectDomain;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** A client for BOAT with these credentials and the command's TLS options. */
    public KeyManagerClient client() {
        TlsFiles tls = HostOptions.tls(command);
        if (token != null && !token.isBlank()) {
            return KeyManagerClient.withToken(token, tls);
        }
        if (authUrl == null || username == null || password == null) {
            throw new IllegalArgumentException("no credentials: give --os-token, or --os-auth-url, --os-username and "
                + "--os-password (or OS_TOKEN / OS_AUTH_URL, OS_USERNAME, OS_PASSWORD)");
        }
        try {
            return KeyManagerClient.withPassword(authUrl, username, userDomain, password, project, projectDomain, tls);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }
}
