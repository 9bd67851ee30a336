package io.boat.attestation.service.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class ContainerErrorPageTest {

    /** A request that answers only what the error page asks: its dispatch type and the status attribute. */
    private static HttpServletRequest request(DispatcherType type, Object statusAttribute) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getDispatcherType" -> type;
                case "getAttribute" -> RequestDispatcher.ERROR_STATUS_CODE.equals(args[0]) ? statusAttribute : null;
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    @Test
    void errorDispatch_keepsTheContainersStatus_otherwise500() {
        assertThat(ContainerErrorPage.status(request(DispatcherType.ERROR, 403))).isEqualTo(403);
        assertThat(ContainerErrorPage.status(request(DispatcherType.ERROR, 405))).isEqualTo(405);
        assertThat(ContainerErrorPage.status(request(DispatcherType.ERROR, null))).isEqualTo(500);
        assertThat(ContainerErrorPage.status(request(DispatcherType.ERROR, 200))).isEqualTo(500);
        assertThat(ContainerErrorPage.status(request(DispatcherType.ERROR, "403"))).isEqualTo(500);
    }

    @Test
    void askedForDirectly_isAPathThatDoesNotExist() {
        assertThat(ContainerErrorPage.status(request(DispatcherType.REQUEST, 403))).isEqualTo(404);
        assertThat(ContainerErrorPage.status(request(DispatcherType.FORWARD, null))).isEqualTo(404);
    }

    @Test
    void bodies_areTheJaxRsErrorsAndSayNoMoreThanTheStatus() {
        assertThat(ContainerErrorPage.body(404))
            .isEqualTo("{\"code\":\"http_404\",\"description\":\"Not Found\",\"title\":\"Not Found\"}");
        assertThat(ContainerErrorPage.body(403))
            .isEqualTo("{\"code\":\"http_403\",\"description\":\"Forbidden\",\"title\":\"Forbidden\"}");
        assertThat(ContainerErrorPage.body(499))
            .isEqualTo("{\"code\":\"http_499\",\"description\":\"Client error\",\"title\":\"Client error\"}");
        assertThat(ContainerErrorPage.body(503)).isEqualTo("{\"code\":\"internal_error\",\"description\":"
            + "\"the attestation service failed; see its log\",\"title\":\"Internal error\"}");
    }
}
