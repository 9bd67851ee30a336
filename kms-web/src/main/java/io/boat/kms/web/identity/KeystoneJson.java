package io.boat.kms.web.identity;

import io.boat.kms.identity.Identity;
import io.boat.kms.web.support.Links;
import static io.boat.kms.web.support.CachedJsonProvider.JSON;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Keystone v3 (and v2.0) JSON bodies: tokens, catalogs, users, projects. */
final class KeystoneJson {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private KeystoneJson() {
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    static JsonObjectBuilder domain() {
        return JSON.createObjectBuilder().add("id", Identity.DEFAULT_DOMAIN_ID).add("name", Identity.DEFAULT_DOMAIN_NAME);
    }

    /** The body of a v3 token: who, scope, roles and (unless {@code nocatalog}) the catalog. */
    static JsonObjectBuilder token(UriInfo uri, Identity.User user, Identity.Project project, List<String> roles,
                                   boolean system, List<String> methods, List<String> auditIds, Instant issuedAt,
                                   Instant expiresAt, boolean withCatalog) {
        JsonObjectBuilder t = JSON.createObjectBuilder()
                .add("methods", JSON.createArrayBuilder(methods))
                .add("user", JSON.createObjectBuilder().add("domain", domain()).add("id", user.id())
                        .add("name", user.name()).addNull("password_expires_at"))
                .add("audit_ids", JSON.createArrayBuilder(auditIds))
                .add("expires_at", time(expiresAt))
                .add("issued_at", time(issuedAt));
        if (project != null || system) {
            JsonArrayBuilder r = JSON.createArrayBuilder();
            roles.forEach(role -> r.add(JSON.createObjectBuilder().add("id", role).add("name", role)));
            if (project != null) {
                t.add("project", project(project)).add("is_domain", false);
            } else {
                t.add("system", JSON.createObjectBuilder().add("all", true));
            }
            t.add("roles", r);
            if (withCatalog) {
                t.add("catalog", catalog(uri));
            }
        }
        return JSON.createObjectBuilder().add("token", t);
    }

    static JsonObjectBuilder project(Identity.Project p) {
        return JSON.createObjectBuilder().add("domain", domain()).add("id", p.id()).add("name", p.name());
    }

    /** The service catalog: this server is both the identity and the key-manager endpoint. */
    static JsonArrayBuilder catalog(UriInfo uri) {
        String base = Links.base(uri);
        return JSON.createArrayBuilder()
                .add(service("identity", "keystone", base + "/v3/", "1d0e5a0c6a7e4d3f8c2b9a1e0f7d6c5b"))
                .add(service("key-manager", "barbican", base, "6d696b05bc3f40e1bf2c453426d93986"));
    }

    private static JsonObjectBuilder service(String type, String name, String url, String id) {
        JsonArrayBuilder endpoints = JSON.createArrayBuilder();
        for (String iface : List.of("public", "internal", "admin")) {
            endpoints.add(JSON.createObjectBuilder().add("id", id + "-" + iface)
                    .add("interface", iface).add("region_id", "RegionOne").add("url", url).add("region", "RegionOne"));
        }
        return JSON.createObjectBuilder().add("endpoints", endpoints).add("id", id).add("type", type).add("name", name);
    }

    static JsonObjectBuilder user(Identity.User u) {
        return JSON.createObjectBuilder().add("id", u.id()).add("name", u.name()).add("domain_id", u.domainId())
                .add("enabled", u.enabled()).addNull("password_expires_at");
    }

    static JsonObjectBuilder projectEntry(Identity.Project p) {
        return JSON.createObjectBuilder().add("id", p.id()).add("name", p.name()).add("domain_id", p.domainId())
                .add("enabled", p.enabled()).add("is_domain", false).add("description", "")
                .add("parent_id", p.domainId());
    }

    /** A v2.0 access body, for the 2014 report's {@code POST /v2.0/tokens}. */
    static JsonObjectBuilder access(UriInfo uri, String token, Identity.User user, Identity.Project project,
                                    List<String> roles, Instant issuedAt, Instant expiresAt) {
        String base = Links.base(uri);
        JsonArrayBuilder roleNames = JSON.createArrayBuilder();
        roles.forEach(r -> roleNames.add(JSON.createObjectBuilder().add("name", r)));
        JsonArrayBuilder catalog = JSON.createArrayBuilder();
        for (String[] s : new String[][] {{"key-manager", "barbican", base}, {"identity", "keystone", base + "/v2.0"}}) {
            catalog.add(JSON.createObjectBuilder()
                    .add("endpoints", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                            .add("adminURL", s[2]).add("internalURL", s[2]).add("publicURL", s[2])
                            .add("region", "RegionOne")))
                    .add("endpoints_links", JSON.createArrayBuilder()).add("type", s[0]).add("name", s[1]));
        }
        return JSON.createObjectBuilder().add("access", JSON.createObjectBuilder()
                .add("token", JSON.createObjectBuilder().add("issued_at", time(issuedAt)).add("expires", time(expiresAt))
                        .add("id", token).add("tenant", JSON.createObjectBuilder().addNull("description")
                                .add("enabled", true).add("id", project.id()).add("name", project.name())))
                .add("serviceCatalog", catalog)
                .add("user", JSON.createObjectBuilder().add("username", user.name()).add("roles_links",
                        JSON.createArrayBuilder()).add("id", user.id()).add("roles", roleNames).add("name", user.name()))
                .add("metadata", JSON.createObjectBuilder().add("is_admin", 0)
                        .add("roles", JSON.createArrayBuilder(roles))));
    }
}
