package io.boat.attestation.client.tpm;

import java.util.ArrayList;
import java.util.List;

/** TPMA_OBJECT bits (TPM 2.0 Part 2, Table 31) with the names tpm2-tools prints. */
public enum ObjectAttributes {
    FIXED_TPM(1, "fixedTPM"),
    ST_CLEAR(2, "stClear"),
    FIXED_PARENT(4, "fixedParent"),
    SENSITIVE_DATA_ORIGIN(5, "sensitiveDataOrigin"),
    USER_WITH_AUTH(6, "userWithAuth"),
    ADMIN_WITH_POLICY(7, "adminWithPolicy"),
    NO_DA(10, "noDA"),
    ENCRYPTED_DUPLICATION(11, "encryptedDuplication"),
    RESTRICTED(16, "restricted"),
    DECRYPT(17, "decrypt"),
    SIGN(18, "sign");

    private final int mask;
    private final String specName;

    ObjectAttributes(int bit, String specName) {
        this.mask = 1 << bit;
        this.specName = specName;
    }

    public int mask() {
        return mask;
    }

    public boolean isSetIn(long attributes) {
        return (attributes & mask) != 0;
    }

    /** What keeps {@code attributes} from having every {@code required} bit and no {@code forbidden} one, required first. */
    public static List<String> violations(long attributes, List<ObjectAttributes> required,
                                          List<ObjectAttributes> forbidden) {
        List<String> problems = new ArrayList<>();
        for (ObjectAttributes a : required) {
            if (!a.isSetIn(attributes)) {
                problems.add(a + " is not set");
            }
        }
        for (ObjectAttributes a : forbidden) {
            if (a.isSetIn(attributes)) {
                problems.add(a + " is set");
            }
        }
        return problems;
    }

    @Override
    public String toString() {
        return specName;
    }
}
