package io.boat.it;

import jakarta.json.Json;
import java.util.UUID;

/**
 * One embedded-default server on H2 shared by the API test classes (a start costs ~20 s), and
 * helpers to give each test its own project and users so tests never see each other's data.
 */
public final class SharedServer {

    private static BoatServer server;

    private SharedServer() {
    }

    public static synchronized BoatServer get() {
        if (server == null) {
            server = BoatServer.h2("shared", ExternalIssuer.serverOptions()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static Api admin() {
        Api api = get().api();
        return api.withToken(api.token("admin", BoatServer.ADMIN_PASSWORD, "admin"));
    }

    /** A new project with one user per role given; returns tokens keyed by role. */
    public static Tenant tenant(String... roles) {
        Api admin = admin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String projectName = "p-" + suffix;
        String projectId = admin.postJson("/v3/projects", Json.createObjectBuilder().add("project",
                Json.createObjectBuilder().add("name", projectName)).build().toString())
                .json().getJsonObject("project").getString("id");
        java.util.Map<String, String> tokens = new java.util.HashMap<>();
        java.util.Map<String, Tenant.Member> members = new java.util.HashMap<>();
        for (String role : roles) {
            String user = role + "-" + suffix;
            String password = "pw-" + UUID.randomUUID();
            String userId = admin.postJson("/v3/users", Json.createObjectBuilder().add("user",
                    Json.createObjectBuilder().add("name", user).add("password", password)).build().toString())
                    .json().getJsonObject("user").getString("id");
            var grant = admin.send("PUT", "/v3/projects/" + projectId + "/users/" + userId + "/roles/" + role, null);
            if (grant.status() != 204) {
                throw new IllegalStateException("grant failed: " + grant);
            }
            tokens.put(role, get().api().token(user, password, projectName));
            members.put(role, new Tenant.Member(userId, user, password));
        }
        return new Tenant(projectId, projectName, tokens, members);
    }

    /** A project, its users (by role) and their tokens. */
    public record Tenant(String projectId, String projectName, java.util.Map<String, String> tokens,
                         java.util.Map<String, Member> members) {
        public Api as(String role) {
            return get().api().withToken(tokens.get(role));
        }

        public Member member(String role) {
            return members.get(role);
        }

        /** A fresh token for the member holding {@code role}. */
        public String newToken(String role) {
            Member m = members.get(role);
            return get().api().token(m.name(), m.password(), projectName);
        }

        /** A user of the tenant. */
        public record Member(String id, String name, String password) {
        }
    }
}
