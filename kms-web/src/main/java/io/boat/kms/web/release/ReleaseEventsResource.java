package io.boat.kms.web.release;

import io.boat.kms.InvalidRequestException;
import io.boat.kms.release.ReleaseAudit;
import io.boat.kms.release.ReleaseEvent;
import io.boat.kms.secret.Page;
import io.boat.kms.secret.SecretId;
import io.boat.kms.web.secret.ListParams;
import io.boat.kms.web.support.CurrentCaller;
import io.boat.kms.web.support.Links;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;

import static io.boat.kms.web.support.CachedJsonProvider.JSON;

/**
 * {@code GET /v1/release-events}: the audit of attested releases, refusals and release policy
 * changes of the caller's project's secrets, newest first, for the project admin; filter
 * {@code secret_id}, paging {@code offset}/{@code limit} as for secrets.
 */
@ApplicationScoped
@Path("v1/release-events")
@Produces(MediaType.APPLICATION_JSON)
public class ReleaseEventsResource {

    @EJB
    ReleaseAudit audit;

    @Inject
    CurrentCaller current;

    @Context
    UriInfo uri;

    @GET
    public String list(@QueryParam("secret_id") SecretId secretId) {
        var caller = current.caller();
        int offset = ListParams.offset(uri);
        int limit = ListParams.limit(uri);
        if (secretId != null && !secretId.isWellFormed()) {
            throw new InvalidRequestException("Invalid value for 'secret_id': a secret id is required");
        }
        String filter = secretId == null ? null : secretId.value();
        Page<ReleaseEvent> page = audit.list(caller, filter, offset, limit);
        JsonArrayBuilder items = JSON.createArrayBuilder();
        page.items().forEach(e -> items.add(json(e)));
        var b = JSON.createObjectBuilder().add("release_events", items);
        ListParams.paging(b, Links.base(uri) + "/v1/release-events", offset, limit, page.total());
        return b.build().toString();
    }

    private JsonObjectBuilder json(ReleaseEvent e) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("id", e.id()).add("secret_id", e.secretId())
                .add("secret_ref", Links.secret(uri, e.secretId())).add("decision", e.decision().name().toLowerCase(Locale.ROOT)).add("at", e.at().toString());
        optional(b, "reason", e.reason());
        optional(b, "ak_name", e.akName());
        optional(b, "host_group", e.hostGroup());
        optional(b, "report_id", e.reportId());
        optional(b, "actor_id", e.actorId());
        optional(b, "detail", e.detail());
        return b;
    }

    private static void optional(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
