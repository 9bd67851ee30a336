package io.boat.kms.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.NotPermittedException;
import io.boat.kms.project.ProjectId;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The role matrix of README, cell by cell. */
class PolicyTest {

    @ParameterizedTest(name = "{0}: admin={1} creator={2} observer={3} audit={4}")
    @CsvSource({
        "SECRETS_LIST,       true, true,  true,  false",
        "SECRET_CREATE,      true, true,  false, false",
        "SECRET_READ,        true, true,  true,  true",
        "SECRET_DECRYPT,     true, true,  false, false",
        "SECRET_PUT_PAYLOAD, true, true,  false, false",
        "SECRET_META_READ,   true, true,  true,  false",
        "SECRET_META_WRITE,  true, true,  false, false",
        "ORDERS_LIST,        true, true,  true,  false",
        "ORDER_CREATE,       true, true,  false, false",
        "ORDER_READ,         true, true,  true,  true",
        "ORDER_DELETE,       true, false, false, false",
        "IDENTITY_ADMIN,     true, false, false, false"})
    void allows_matchesTheDocumentedMatrix(Action action, boolean admin, boolean creator, boolean observer,
                                           boolean audit) {
        assertThat(Policy.allows(caller("admin"), action)).isEqualTo(admin);
        assertThat(Policy.allows(caller("creator"), action)).isEqualTo(creator);
        assertThat(Policy.allows(caller("observer"), action)).isEqualTo(observer);
        assertThat(Policy.allows(caller("audit"), action)).isEqualTo(audit);
        assertThat(Policy.allows(caller("member"), action)).isFalse();
    }

    @Test
    void checkOwner_otherProject_notPermittedWithBarbicanWording() {
        assertThatThrownBy(() -> Policy.checkOwner(caller("admin"), Action.SECRET_READ, new ProjectId("other-project")))
                .isInstanceOfSatisfying(NotPermittedException.class, e -> {
                    assertThat(e.clientMessage()).isEqualTo(
                            "Secret retrieval attempt not allowed - please review your user/project privileges");
                });
    }

    @Test
    void checkDelete_creatorOnlyOwnSecrets_adminAny() {
        Caller creator = caller("creator");
        Policy.checkDelete(creator, new ProjectId("p"), "u");
        assertThatThrownBy(() -> Policy.checkDelete(creator, new ProjectId("p"), "someone-else")).isInstanceOf(NotPermittedException.class);
        Policy.checkDelete(caller("admin"), new ProjectId("p"), "someone-else");
    }

    private static Caller caller(String role) {
        return new Caller("u", "user", new ProjectId("p"), Set.of(role));
    }
}
