package io.boat.bench.bare;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's floor: {@code GET /servlet} answers what {@link BareResource} answers, from a plain
 * servlet, so the cost of JAX-RS itself shows as the difference between the two paths of one server
 * (bench/RESULTS.md, "The payload read outside JAX-RS"). Not used by compare.sh's scenarios.
 */
@WebServlet("/servlet")
public class BareServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] BODY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
