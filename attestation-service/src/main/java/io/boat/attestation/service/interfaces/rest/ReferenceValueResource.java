package io.boat.attestation.service.interfaces.rest;

import io.boat.attestation.service.application.AttestationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Operator: a host group's PCR policy (accepted SHA-256 values per PCR). */
@Path("/v1/host-groups/{group}/reference-values")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceValueResource {
    @Inject
    AttestationService service;

    @PUT
    @OperatorOnly
    @Transactional
    public Response replace(@PathParam("group") String group, JsonBodies.ReferenceValuesRequest body) {
        RequestFields.body(body);
        String g = RequestFields.text("group", group, true);
        if (body.pcrs() == null || body.pcrs().size() > 24) {
            throw new BadInputException("pcrs must map up to 24 PCR indexes to lists of hex values");
        }
        Map<Integer, Set<String>> policy = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : body.pcrs().entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty() || e.getValue().size() > 32) {
                throw new BadInputException("PCR " + e.getKey() + " needs 1..32 accepted values");
            }
            Set<String> values = new HashSet<>();
            e.getValue().forEach(v -> values.add(HexFormat.of().formatHex(RequestFields.hex("pcrs." + e.getKey(), v, 32))));
            policy.put(RequestFields.pcr(e.getKey()), values);
        }
        service.setReferenceValues(g, policy);
        return Response.noContent().build();
    }
}
