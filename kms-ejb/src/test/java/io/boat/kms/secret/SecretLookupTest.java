package io.boat.kms.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.testing.FakeEntities;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The row the release interceptor pins is what the payload method finds: one database read per payload. */
class SecretLookupTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final FakeEntities db = new FakeEntities();
    private final SecretLookup lookup = new SecretLookup();

    SecretLookupTest() {
        EntityManager real = db.entityManager();
        FakeEntities.inject(lookup, "em", Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                if ("find".equals(method.getName())) {
                    reads.incrementAndGet();
                }
                return method.invoke(real, args);
            }));
    }

    @Test
    void find_whilePinned_answersWithThePinnedRowWithoutReading() {
        SecretEntity row = SecretEntityAccess.secret(SecretId.random().value(), "p1", "u1", false);
        db.put(row);

        try (SecretLookup.Pin pin = SecretLookup.pin(lookup.find(new SecretId(row.id), "gone"))) {
            assertThat(lookup.find(new SecretId(row.id), "gone")).isSameAs(row);
            assertThat(lookup.find(new SecretId(row.id), "gone")).isSameAs(row);
        }

        assertThat(reads).hasValue(1);
    }

    @Test
    void find_afterThePinIsClosed_readsAgain() {
        SecretEntity row = SecretEntityAccess.secret(SecretId.random().value(), "p1", "u1", false);
        db.put(row);
        try (SecretLookup.Pin pin = SecretLookup.pin(row)) {
            lookup.find(new SecretId(row.id), "gone");
        }

        lookup.find(new SecretId(row.id), "gone");

        assertThat(reads).hasValue(1);
    }

    @Test
    void find_otherIdWhilePinned_readsThatRow() {
        SecretEntity pinned = SecretEntityAccess.secret(SecretId.random().value(), "p1", "u1", false);
        SecretId other = SecretId.random();

        try (SecretLookup.Pin pin = SecretLookup.pin(pinned)) {
            assertThatThrownBy(() -> lookup.find(other, "gone")).isInstanceOf(UnknownSecretException.class);
        }
        assertThat(reads).hasValue(1);
    }
}
