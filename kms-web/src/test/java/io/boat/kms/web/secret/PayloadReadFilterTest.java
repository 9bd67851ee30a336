package io.boat.kms.web.secret;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which requests the payload filter serves itself; every other one must reach JAX-RS untouched. */
class PayloadReadFilterTest {

    private static final String ID = "6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab";
    private static final String PATH = "/v1/secrets/" + ID + "/payload";

    /** A request with what the filter reads: method, URI, context path, query, body length, headers. */
    private static HttpServletRequest request(String method, String context, String uri, String query,
                                              long contentLength, String... headers) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.computeIfAbsent(headers[i], k -> new ArrayList<>()).add(headers[i + 1]);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> context + uri;
                    case "getContextPath" -> context;
                    case "getQueryString" -> query;
                    case "getContentLengthLong" -> contentLength;
                    case "getHeader" -> h.getOrDefault((String) args[0], List.of()).stream().findFirst().orElse(null);
                    case "getHeaders" -> Collections.enumeration(h.getOrDefault((String) args[0], List.of()));
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static HttpServletRequest get(String uri, String... headers) {
        return request("GET", "", uri, null, -1, headers);
    }

    @Test
    void plainRead_isServed_atTheRootAndUnderAContextPath() {
        assertThat(PayloadReadFilter.plainRead(get(PATH, "X-Auth-Token", "t", "Accept", "*/*"))).isEqualTo(ID);
        assertThat(PayloadReadFilter.plainRead(request("GET", "/kms", PATH, null, 0, "X-Auth-Token", "t"))).isEqualTo(ID);
    }

    @Test
    void otherMethodsQueriesAndBodies_goToJaxRs() {
        for (String method : new String[] {"HEAD", "POST", "PUT", "DELETE", "OPTIONS", "get"}) {
            assertThat(PayloadReadFilter.plainRead(request(method, "", PATH, null, -1))).as(method).isNull();
        }
        assertThat(PayloadReadFilter.plainRead(request("GET", "", PATH, "", -1))).isNull();
        assertThat(PayloadReadFilter.plainRead(request("GET", "", PATH, "via=jax-rs", -1))).isNull();
        assertThat(PayloadReadFilter.plainRead(request("GET", "", PATH, null, 5))).isNull();
        assertThat(PayloadReadFilter.plainRead(get(PATH, "Transfer-Encoding", "chunked"))).isNull();
    }

    @Test
    void otherPathShapes_goToJaxRs() {
        for (String uri : new String[] {"/v1/secrets/" + ID, "/v1/secrets/" + ID + "/payload/",
            "/v1/secrets/" + ID.toUpperCase(Locale.ROOT) + "/payload", "/v1/secrets/%36" + ID.substring(1) + "/payload",
            "/v1/secrets/" + ID + "/payloadx", "/v1/secrets//" + ID.substring(1) + "/payload",
            "/v1/secrets/" + ID.substring(0, 35) + "g/payload", "/v1/secrets/" + ID + ";x/payload",
            "/v1/secrets/" + ID + "/metadata", "/v1/orders/" + ID + "/payload", "/v1/secretsx" + ID + "/payload"}) {
            assertThat(PayloadReadFilter.plainRead(get(uri))).as(uri).isNull();
        }
        assertThat(PayloadReadFilter.plainRead(request("GET", "/kms", "/v2" + PATH.substring(3), null, -1))).isNull();
    }

    @Test
    void releasesAndRepeatedHeaders_goToJaxRs() {
        assertThat(PayloadReadFilter.plainRead(get(PATH, "X-BOAT-AK-Name", "000b" + "5a".repeat(32)))).isNull();
        assertThat(PayloadReadFilter.plainRead(get(PATH, "X-BOAT-AK-Name", ""))).isNull();
        assertThat(PayloadReadFilter.plainRead(get(PATH, "X-Auth-Token", "a", "X-Auth-Token", "b"))).isNull();
        assertThat(PayloadReadFilter.plainRead(get(PATH, "Authorization", "Bearer a", "Authorization", "Bearer b"))).isNull();
        assertThat(PayloadReadFilter.plainRead(get(PATH, "Accept", "text/plain", "Accept", "*/*"))).isNull();
    }
}
