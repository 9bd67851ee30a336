package io.boat.kms.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.kms.AlreadyExistsException;
import io.boat.kms.InvalidRequestException;
import io.boat.kms.KmsException;
import io.boat.kms.NotPermittedException;
import io.boat.kms.PayloadTooLargeException;
import io.boat.kms.crypto.CryptoException;
import io.boat.kms.identity.lockout.LoginsThrottledException;
import io.boat.kms.order.UnknownOrderException;
import io.boat.kms.secret.UnacceptablePayloadTypeException;
import io.boat.kms.secret.UnknownSecretException;
import io.boat.kms.store.StoreException;
import io.boat.kms.store.StoreUnavailableException;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one mapper: which status each domain failure gets, and what the client reads (never internals). */
class ErrorMapperTest {

    private final ErrorMapper mapper = new ErrorMapper();

    static Object[][] kinds() {
        return new Object[][] {
            {new InvalidRequestException("bad"), 400, "Bad Request"},
            {new NotPermittedException("no"), 403, "Forbidden"},
            {new UnknownSecretException("gone"), 404, "Not Found"},
            {new UnknownOrderException("gone"), 404, "Not Found"},
            {new SlowBodyException("slow"), 408, "Request Timeout"},
            {new UnacceptablePayloadTypeException("type"), 406, "Not Acceptable"},
            {new AlreadyExistsException("twice"), 409, "Conflict"},
            {new PayloadTooLargeException("big"), 413, "Request Entity Too Large"},
            {new UnsupportedContentTypeException("xml"), 415, "Unsupported Media Type"},
            {new LoginsThrottledException("later"), 429, "Too Many Requests"},
            {StoreException.unavailable("KMIP at 10.0.0.1 timed out", null), 503, "Service Unavailable"},
            {new StoreException("KMIP refused: Item Not Found", "The key store refused the operation."), 500,
                "Internal Server Error"},
        };
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void toResponse_domainFailure_statusOfItsKindAndItsClientMessageOnly(KmsException e, int status, String title) {
        Response r = mapper.toResponse(e);

        assertThat(r.getStatus()).isEqualTo(status);
        JsonObject body = json(r);
        assertThat(body.getInt("code")).isEqualTo(status);
        assertThat(body.getString("title")).isEqualTo(title);
        assertThat(body.getString("description")).isEqualTo(e.clientMessage());
    }

    @Test
    void toResponse_wrappedByTheEjbContainer_unwrapped() {
        Response r = mapper.toResponse(new EJBException(new RuntimeException(new UnknownSecretException("gone"))));

        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(json(r).getString("description")).isEqualTo("gone");
    }

    @Test
    void toResponse_notAuthenticated_401InKeystoneShapeWithWwwAuthenticate() {
        Response r = mapper.toResponse(KmsException.unauthorized());

        assertThat(r.getStatus()).isEqualTo(401);
        assertThat(json(r).getJsonObject("error").getString("message"))
                .isEqualTo("The request you have made requires authentication.");
        assertThat(r.getHeaderString("WWW-Authenticate")).startsWith("Keystone uri=");
    }

    @Test
    void toResponse_cryptoFailure_500WithoutTheLogMessage() {
        Response r = mapper.toResponse(new CryptoException("AES-GCM authentication failed: AEADBadTagException", null));

        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(json(r).getString("description")).isEqualTo("Secret storage is inconsistent.");
    }

    @Test
    void toResponse_unexpectedException_500NamingAnIncidentNotTheCause() {
        Response r = mapper.toResponse(new IllegalStateException("connection to db.internal:5432 lost"));

        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(json(r).getString("description")).startsWith("Unexpected error, incident ").doesNotContain("db.internal");
    }

    @Test
    void toResponse_jaxRsMethodNotAllowed_405InBarbicanShape() {
        Response r = mapper.toResponse(new NotAllowedException("GET"));

        assertThat(r.getStatus()).isEqualTo(405);
        assertThat(json(r).getString("description")).isEqualTo("The method is not allowed for this resource.");
    }

    private static JsonObject json(Response r) {
        return Json.createReader(new StringReader((String) r.getEntity())).readObject();
    }
}
