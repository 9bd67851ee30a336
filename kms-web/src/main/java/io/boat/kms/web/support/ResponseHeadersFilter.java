package io.boat.kms.web.support;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;

/**
 * Barbican's response headers: {@code openstack-api-version}, {@code vary} and a
 * {@code x-openstack-request-id}; the identity API gets Keystone's {@code Vary: X-Auth-Token}.
 */
@Provider
public class ResponseHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        var headers = response.getHeaders();
        if (path.startsWith("v3") || path.startsWith("/v3") || path.contains("v2.0")) {
            headers.putSingle("Vary", "X-Auth-Token");
        } else {
            headers.putSingle("openstack-api-version", "key-manager 1.0");
            headers.putSingle("vary", "openstack-api-version");
        }
        headers.putSingle("x-openstack-request-id", "req-" + UUID.randomUUID());
    }
}
