package io.boat.kms.web.support;

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
    void errorDispatch_keepsTheContainersStatus() {
        assertThat(ContainerErrorPage.status(request(DispatcherType.ERROR, 403))).isEqualTo(403);
        assertThat(ContainerErrorPage.status(request(DispatcherType.ERROR, 404))).isEqualTo(404);
        assertThat(ContainerErrorPage.status(request(DispatcherType.ERROR, 503))).isEqualTo(503);
    }

    @Test
    void errorDispatch_withoutAnErrorStatus_is500() {
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
    void descriptions_sayNoMoreThanTheStatus() {
        assertThat(Errors.barbicanBody(403, ContainerErrorPage.description(403), null))
                .isEqualTo("{\"code\":403,\"title\":\"Forbidden\",\"description\":\"Access to this resource is not allowed.\"}");
        assertThat(ContainerErrorPage.description(404)).isEqualTo("The resource could not be found.");
        assertThat(ContainerErrorPage.description(500)).isEqualTo("The server could not complete the request.");
        assertThat(ContainerErrorPage.description(400)).isEqualTo("Bad Request.");
    }
}
