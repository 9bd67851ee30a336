package io.boat.kmip.message;

/**
 * The enumerations the message layer writes and reads, with the KMIP 1.4 section that defines
 * each (§9.1.3.2.x "Enumerations"). Enumerations applications see (Object Type, Cryptographic
 * Algorithm, Result Reason) are in {@code io.boat.kmip.api}; tags are in {@code ttlv.Tag}.
 */
public final class KmipEnumerations {

    private KmipEnumerations() {
    }

    /** Operation, §9.1.3.2.27. */
    public enum Operation {
        CREATE(0x01), REGISTER(0x03), LOCATE(0x08), GET(0x0A), GET_ATTRIBUTES(0x0B), ACTIVATE(0x12),
        REVOKE(0x13), DESTROY(0x14), QUERY(0x18), DISCOVER_VERSIONS(0x1E);

        public final int code;

        Operation(int code) {
            this.code = code;
        }
    }

    /** Result Status, §9.1.3.2.28. */
    public enum ResultStatus {
        SUCCESS(0), OPERATION_FAILED(1), OPERATION_PENDING(2), OPERATION_UNDONE(3);

        public final int code;

        ResultStatus(int code) {
            this.code = code;
        }
    }

    /** Key Format Type, §9.1.3.2.3. */
    public static final int KEY_FORMAT_RAW = 0x01;
    public static final int KEY_FORMAT_OPAQUE = 0x02;
    /** Name Type, §9.1.3.2.11: Uninterpreted Text String. */
    public static final int NAME_TYPE_TEXT = 0x01;
    /** Secret Data Type, §9.1.3.2.9: Password. */
    public static final int SECRET_DATA_PASSWORD = 0x01;
    /** Opaque Data Type, §9.1.3.2.10: an extension value (0x8XXXXXXX), as PyKMIP uses ("NONE"). */
    public static final int OPAQUE_DATA_NONE = 0x80000000;
    /** Revocation Reason Code, §9.1.3.2.19: Cessation of Operation. */
    public static final int REVOCATION_CESSATION_OF_OPERATION = 0x06;
    /** Query Function, §9.1.3.2.24. */
    public static final int QUERY_OPERATIONS = 0x01;
    public static final int QUERY_OBJECTS = 0x02;
    public static final int QUERY_SERVER_INFORMATION = 0x03;

    /** State, §9.1.3.2.17, indexed by code. */
    private static final String[] STATES = {null, "PRE_ACTIVE", "ACTIVE", "DEACTIVATED", "COMPROMISED",
        "DESTROYED", "DESTROYED_COMPROMISED"};

    /** Name of a State value, or its number. */
    public static String stateName(int code) {
        return code > 0 && code < STATES.length ? STATES[code] : Integer.toString(code);
    }

    /** Attribute names, §3 (KMIP 1.x attributes are named by text). */
    public static final String ATTR_ALGORITHM = "Cryptographic Algorithm";
    public static final String ATTR_LENGTH = "Cryptographic Length";
    public static final String ATTR_USAGE_MASK = "Cryptographic Usage Mask";
    public static final String ATTR_NAME = "Name";
    public static final String ATTR_STATE = "State";
    public static final String ATTR_OBJECT_TYPE = "Object Type";
}
