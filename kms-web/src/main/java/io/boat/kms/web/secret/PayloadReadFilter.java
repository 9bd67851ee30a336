package io.boat.kms.web.secret;

import io.boat.kms.identity.TokenVerifier;
import io.boat.kms.policy.Caller;
import io.boat.kms.release.AkName;
import io.boat.kms.release.ReleaseRequest;
import io.boat.kms.secret.Payload;
import io.boat.kms.secret.SecretId;
import io.boat.kms.secret.SecretService;
import io.boat.kms.web.support.CurrentCaller;
import io.boat.kms.web.support.ErrorMapper;
import io.boat.kms.web.support.PublicUrlFilter;
import io.boat.kms.web.support.ResponseHeadersFilter;
import io.boat.kms.web.support.TokenAuthFilter;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves the hottest request, {@code GET /v1/secrets/{id}/payload} with a valid token, without
 * JAX-RS: Jersey's routing, filters and writers cost about 0.05 ms of CPU per request on this
 * container, as much as everything BOAT itself does for the read (bench/RESULTS.md, issue 11).
 *
 * <p>It does what {@link SecretsResource#payload} does, through the same service call (and so the
 * same release policy, audit and store), the same caller rules ({@link CurrentCaller#callerOf}),
 * the same error answers ({@link ErrorMapper#respond}) and headers
 * ({@link ResponseHeadersFilter#add}). Anything out of the ordinary goes on to JAX-RS untouched,
 * before anything has been done for it: another method or path shape, a query string, a body, a
 * release to a host ({@value AkName#HEADER}), a repeated header, or a token that is missing or
 * does not verify (so the 401 and its {@code WWW-Authenticate} stay JAX-RS's). A request sent
 * with a query string is served by JAX-RS, which ignores the query: the two can be compared
 * (PayloadFastPathIT).
 */
@WebFilter(filterName = "PayloadReadFilter", urlPatterns = "/v1/secrets/*", asyncSupported = true)
public class PayloadReadFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "/v1/secrets/";
    private static final String SUFFIX = "/payload";
    private static final int ID_LENGTH = 36;
    private static final List<String> SINGLE_HEADERS = List.of(TokenAuthFilter.X_AUTH_TOKEN, HttpHeaders.AUTHORIZATION,
            HttpHeaders.ACCEPT);

    @EJB
    transient SecretService secrets;

    @Inject
    transient TokenVerifier tokens;

    @Inject
    @ConfigProperty(name = "boat.public-url")
    transient Optional<String> publicUrl;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = plainRead(request);
        Caller caller = id == null ? null : caller(request);
        if (caller == null) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length() + 1);
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        Payload payload;
        try {
            payload = secrets.payload(caller, new SecretId(id), stored -> ContentTypes.responseType(accept, stored),
                    ReleaseRequest.PLAIN);
        } catch (RuntimeException e) {
            error(response, path, ErrorMapper.respond(e, path,
                    () -> PublicUrlFilter.base(publicUrl, request) + "v3"));
            return;
        }
        try (payload) {
            ResponseHeadersFilter.add(path, response::setHeader);
            response.setHeader(HttpHeaders.CONTENT_TYPE, payload.contentType());
            response.setContentLength(payload.bytes().length());
            payload.bytes().writeTo(response.getOutputStream());
        }
    }

    /**
     * The secret id of a plain payload read with nothing unusual about it, else null: exactly
     * {@code GET <context>/v1/secrets/<canonical UUID>/payload}, no query, no body, no release header,
     * no header that JAX-RS would read differently when repeated.
     */
    static String plainRead(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null
                || request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null
                || request.getHeader(AkName.HEADER) != null) {
            return null;
        }
        String uri = request.getRequestURI();
        int start = request.getContextPath().length() + PREFIX.length();
        if (uri.length() != start + ID_LENGTH + SUFFIX.length() || !uri.startsWith(PREFIX, start - PREFIX.length())
                || !uri.endsWith(SUFFIX)) {
            return null;
        }
        String id = uri.substring(start, start + ID_LENGTH);
        if (!new SecretId(id).isWellFormed()) {
            return null;
        }
        for (String name : SINGLE_HEADERS) {
            Enumeration<String> values = request.getHeaders(name);
            if (values != null && values.hasMoreElements()) {
                values.nextElement();
                if (values.hasMoreElements()) {
                    return null;
                }
            }
        }
        return id;
    }

    /** The caller of a valid project-scoped token, or null: JAX-RS answers the rest with its 401. */
    private Caller caller(HttpServletRequest request) {
        String token = TokenAuthFilter.token(request.getHeader(TokenAuthFilter.X_AUTH_TOKEN),
                request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return null;
        }
        try {
            return CurrentCaller.callerOf(tokens.verify(token));
        } catch (RuntimeException e) {
            // Refused, or the check itself failed: JAX-RS checks again and answers as it always does.
            return null;
        }
    }

    private static void error(HttpServletResponse response, String path, Response answer) throws IOException {
        byte[] body = String.valueOf(answer.getEntity()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.getStatus());
        ResponseHeadersFilter.add(path, response::setHeader);
        answer.getStringHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
