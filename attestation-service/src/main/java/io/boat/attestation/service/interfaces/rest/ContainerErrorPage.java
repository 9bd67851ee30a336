package io.boat.attestation.service.interfaces.rest;

import jakarta.json.Json;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The web module's error page (WEB-INF/web.xml): renders the errors that the servlet container answers
 * itself, outside the JAX-RS resources, as the service's JSON {@link ErrorBody} with the same code and
 * words as a JAX-RS 404 or 405. Without it the container writes an HTML page that names the server and
 * its version, for an unknown path, one under WEB-INF or META-INF, the disabled /metrics endpoint and an
 * exception that escapes a servlet. The container's own message (for /metrics, which feature is off) is
 * not repeated.
 *
 * <p>Asked for directly, outside an error dispatch, it answers as a path that does not exist.
 */
@WebServlet(urlPatterns = ContainerErrorPage.PATH)
public class ContainerErrorPage extends HttpServlet {

    static final String PATH = "/_boat/error";

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = status(request);
        byte[] body = body(status).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        // Written and committed for HEAD too: an answer left uncommitted gets the container's HTML
        // report after all.
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    static int status(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            return 404;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer c && c >= 400 && c <= 599 ? c : 500;
    }

    static String body(int status) {
        if (status >= 500) {
            return json(ErrorBody.INTERNAL.code(), ErrorBody.INTERNAL.title(), ErrorBody.INTERNAL.description());
        }
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Client error";
        return json("http_" + status, title, title);
    }

    private static String json(String code, String title, String description) {
        return Json.createObjectBuilder().add("code", code).add("description", description).add("title", title)
            .build().toString();
    }
}
