package io.boat.kms.web.support;

import io.boat.kms.KmsException;
import io.boat.kms.identity.TokenVerifier;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps slow request bodies from holding the server's worker threads. A thread that reads a body
 * blocks until the client sends it, so a few hundred clients sending one byte every few seconds
 * would otherwise hold every worker. Two limits apply before any body is read:
 * <ul>
 *   <li>every body must arrive within {@code boat.http.body-timeout-ms} (else 408 and the
 *       connection is closed), whoever sends it;</li>
 *   <li>requests without a valid token (token issuing, or anything an attacker sends) may hold at most
 *       {@code boat.http.unauthenticated-body-readers} threads at once; more are refused with 503
 *       and {@code Connection: close} at once, their bodies unread.</li>
 * </ul>
 * Together with the listener's read timeout (deploy/preboot.sh) a slow client costs a thread for at
 * most the body timeout, and only a bounded number of them can do so without a token.
 *
 * <p>Being around every request, it also clears the request thread's {@link CurrentCaller} when
 * the request ends, and leaves the servlet request where {@link PublicUrlFilter} reads the listener's
 * address.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SlowBodyGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TokenVerifier tokens;

    @Inject
    transient CurrentCaller current;

    @Inject
    @ConfigProperty(name = "boat.http.body-timeout-ms", defaultValue = "10000")
    long bodyTimeoutMillis;

    @Inject
    @ConfigProperty(name = "boat.http.unauthenticated-body-readers", defaultValue = "8")
    int unauthenticatedReaders;

    private transient Semaphore unauthenticated;

    @Override
    public void init() {
        unauthenticated = new Semaphore(unauthenticatedReaders);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(PublicUrlFilter.SERVLET_REQUEST, request);
        try {
            guard(request, response, chain);
        } finally {
            // The pool's thread serves other requests next: it keeps no caller between them.
            current.clear();
        }
    }

    private void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest timed = new Deadline(request, response, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(bodyTimeoutMillis));
        if (authenticated(request)) {
            chain.doFilter(timed, response);
            return;
        }
        if (!unauthenticated.tryAcquire()) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(timed, response);
        } finally {
            unauthenticated.release();
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private boolean authenticated(HttpServletRequest request) {
        String token = TokenAuthFilter.token(request.getHeader(TokenAuthFilter.X_AUTH_TOKEN),
                request.getHeader("Authorization"));
        if (token == null) {
            return false;
        }
        try {
            request.setAttribute(TokenAuthFilter.VERIFIED_CLAIMS, tokens.verify(token));
            return true;
        } catch (KmsException e) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        byte[] body = ("{\"error\": {\"code\": 503, \"title\": \"Service Unavailable\", \"message\": "
                + "\"Too many unauthenticated requests are sending their bodies; retry later.\"}}")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(503);
        response.setHeader("Retry-After", "1");
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The request with a body that must be complete by a deadline. */
    private static final class Deadline extends HttpServletRequestWrapper {

        private final HttpServletResponse response;
        private final long deadlineNanos;
        private ServletInputStream stream;

        Deadline(HttpServletRequest request, HttpServletResponse response, long deadlineNanos) {
            super(request);
            this.response = response;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new TimedStream(super.getInputStream(), response, deadlineNanos);
            }
            return stream;
        }
    }

    private static final class TimedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final HttpServletResponse response;
        private final long deadlineNanos;

        TimedStream(ServletInputStream in, HttpServletResponse response, long deadlineNanos) {
            this.in = in;
            this.response = response;
            this.deadlineNanos = deadlineNanos;
        }

        private void check() {
            if (System.nanoTime() - deadlineNanos > 0) {
                // The rest of the body is never read: the connection cannot carry another request.
                response.setHeader("Connection", "close");
                throw new SlowBodyException("The request body was not received in time.");
            }
        }

        @Override
        public int read() throws IOException {
            check();
            int b = in.read();
            check();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            int n = in.read(b, off, len);
            check();
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
