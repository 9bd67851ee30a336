package io.boat.kms.web.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.policy.Caller;
import io.boat.kms.project.ProjectId;
import io.boat.kms.secret.NewSecret;
import io.boat.kms.secret.SecretId;
import io.boat.kms.store.SecretKind;
import io.boat.kms.secret.SecretService;
import io.boat.kms.secret.UnacceptablePayloadTypeException;
import io.boat.kms.testing.FakeEntities;
import io.boat.kms.testing.InMemoryStore;
import io.boat.kms.testing.Services;
import io.boat.kms.web.support.CurrentCaller;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Payload retrieval through the resource, over the real SecretService on an in-memory database and store. */
class SecretsResourceTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Caller OWNER = new Caller("u1", "owner", new ProjectId("p1"), Set.of("admin"));

    private final InMemoryStore store = new InMemoryStore();
    private final SecretService service = Services.secretService(new FakeEntities(), store);
    private final SecretsResource resource = new SecretsResource();

    SecretsResourceTest() {
        resource.secrets = service;
        resource.current = new CurrentCaller() {
            @Override
            public Caller caller() {
                return OWNER;
            }
        };
    }

    private SecretId storedKey() {
        return new SecretId(service.create(OWNER, new NewSecret("k", SecretKind.SYMMETRIC, "aes", 256, "cbc", null,
                SecretBytes.copyOf(KEY), "application/octet-stream")).id());
    }

    @Test
    void payload_acceptNamesAnotherType_406BeforeTheStoreIsRead() {
        SecretId id = storedKey();

        assertThatThrownBy(() -> resource.payload(id, "text/plain", null))
                .isInstanceOf(UnacceptablePayloadTypeException.class);

        assertThat(store.reads()).isZero();
    }

    @Test
    void payload_written_isTheKeyAndTheResponseCopyIsWipedAfterwards() throws Exception {
        SecretId id = storedKey();

        Response r = resource.payload(id, "application/octet-stream", null);

        assertThat(r.getHeaderString("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(r.getHeaderString("Content-Length")).isEqualTo(String.valueOf(KEY.length));
        assertThat(r.getEntity()).isInstanceOf(StreamingOutput.class);
        assertThat(store.lastRead().length()).as("not wiped before it is written").isEqualTo(KEY.length);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ((StreamingOutput) r.getEntity()).write(body);
        assertThat(body.toByteArray()).isEqualTo(KEY);
        assertThatThrownBy(() -> store.lastRead().length()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wiped");
    }
}
