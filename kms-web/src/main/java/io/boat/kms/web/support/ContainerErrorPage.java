package io.boat.kms.web.support;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The web application's error page (WEB-INF/web.xml): renders the errors that the servlet container
 * answers itself, outside BOAT's resources, as Barbican's JSON error. Without it the container writes
 * an HTML page that names the server and its version, for a path under WEB-INF or META-INF, for
 * Payara's MicroProfile endpoints that BOAT disables (/metrics, /openapi) and for an exception that
 * escapes a servlet. The page says no more than the status: the container's own message (for Payara's
 * endpoints, which feature is off) is not repeated.
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
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        byte[] body = Errors.barbicanBody(status, description(status), null).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        // Written and committed for HEAD too (the listener drops a HEAD answer's body): an answer left
        // uncommitted would get the container's HTML report after all.
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

    static String description(int status) {
        return switch (status) {
            case 404 -> Errors.NOT_FOUND;
            case 405 -> Errors.NOT_ALLOWED;
            case 403 -> "Access to this resource is not allowed.";
            default -> status >= 500 ? "The server could not complete the request." : Errors.title(status) + ".";
        };
    }
}
