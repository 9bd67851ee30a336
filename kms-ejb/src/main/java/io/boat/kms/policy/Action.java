package io.boat.kms.policy;

import static io.boat.kms.policy.Role.ADMIN;
import static io.boat.kms.policy.Role.AUDIT;
import static io.boat.kms.policy.Role.CREATOR;
import static io.boat.kms.policy.Role.OBSERVER;

import java.util.EnumSet;
import java.util.Set;

/**
 * Everything a caller can ask of the KMS, with the roles allowed to do it. This table is the
 * policy; README's role matrix is generated from the same reading of Barbican's legacy default
 * policy, with one deliberate tightening: observers may not read payloads.
 *
 * <p>Besides the role, every action on an existing secret or order also requires the caller's
 * project to own it ({@link Policy#checkOwner}); deleting a secret additionally requires
 * {@code admin}, or {@code creator} for a secret the caller created.
 */
public enum Action {
    SECRETS_LIST("Secret(s) retrieval", ADMIN, CREATOR, OBSERVER),
    SECRET_CREATE("Secret creation", ADMIN, CREATOR),
    SECRET_READ("Secret retrieval", ADMIN, CREATOR, OBSERVER, AUDIT),
    SECRET_DECRYPT("Secret payload retrieval", ADMIN, CREATOR),
    SECRET_PUT_PAYLOAD("Secret update", ADMIN, CREATOR),
    SECRET_DELETE("Secret deletion", ADMIN, CREATOR),
    SECRET_META_READ("Secret metadata retrieval", ADMIN, CREATOR, OBSERVER),
    SECRET_META_WRITE("Secret metadata update", ADMIN, CREATOR),
    ORDERS_LIST("Order(s) retrieval", ADMIN, CREATOR, OBSERVER),
    ORDER_CREATE("Order creation", ADMIN, CREATOR),
    ORDER_READ("Order retrieval", ADMIN, CREATOR, OBSERVER, AUDIT),
    ORDER_DELETE("Order deletion", ADMIN),
    IDENTITY_ADMIN("Identity administration", ADMIN),
    RELEASE_POLICY_READ("Release policy retrieval", ADMIN, CREATOR, OBSERVER),
    RELEASE_POLICY_WRITE("Release policy update", ADMIN, CREATOR),
    RELEASE_EVENTS_LIST("Release event(s) retrieval", ADMIN);

    private final String what;
    private final Set<Role> allowed;

    Action(String what, Role first, Role... rest) {
        this.what = what;
        this.allowed = EnumSet.of(first, rest);
    }

    public Set<Role> allowed() {
        return allowed;
    }

    /** Barbican's wording for a refused attempt. */
    public String refusal() {
        return what + " attempt not allowed - please review your user/project privileges";
    }
}
