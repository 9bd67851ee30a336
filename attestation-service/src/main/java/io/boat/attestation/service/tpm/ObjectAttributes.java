package io.boat.attestation.service.tpm;

import java.util.ArrayList;
import java.util.List;

/** TPMA_OBJECT bits (TPM 2.0 Part 2, Table 31). */
public final class ObjectAttributes {
    public static final int FIXED_TPM = 1 << 1;
    public static final int ST_CLEAR = 1 << 2;
    public static final int FIXED_PARENT = 1 << 4;
    public static final int SENSITIVE_DATA_ORIGIN = 1 << 5;
    public static final int USER_WITH_AUTH = 1 << 6;
    public static final int ADMIN_WITH_POLICY = 1 << 7;
    public static final int NO_DA = 1 << 10;
    public static final int ENCRYPTED_DUPLICATION = 1 << 11;
    public static final int RESTRICTED = 1 << 16;
    public static final int DECRYPT = 1 << 17;
    public static final int SIGN = 1 << 18;

    private ObjectAttributes() {
    }

    /** Reasons why {@code attrs} does not have all of {@code required} set and none of {@code forbidden}. */
    public static List<String> check(int attrs, int required, int forbidden) {
        List<String> problems = new ArrayList<>();
        String[] names = {"", "fixedTPM", "stClear", "", "fixedParent", "sensitiveDataOrigin", "userWithAuth",
            "adminWithPolicy", "", "", "noDA", "encryptedDuplication", "", "", "", "", "restricted", "decrypt", "sign"};
        for (int bit = 0; bit < names.length; bit++) {
            int mask = 1 << bit;
            if ((required & mask) != 0 && (attrs & mask) == 0) {
                problems.add(names[bit] + " is not set");
            }
            if ((forbidden & mask) != 0 && (attrs & mask) != 0) {
                problems.add(names[bit] + " is set");
            }
        }
        return problems;
    }
}
