package io.boat.kmip.message;

import static io.boat.kmip.message.KmipEnumerations.ATTR_ALGORITHM;
import static io.boat.kmip.message.KmipEnumerations.ATTR_LENGTH;
import static io.boat.kmip.message.KmipEnumerations.ATTR_NAME;
import static io.boat.kmip.message.KmipEnumerations.ATTR_USAGE_MASK;

import io.boat.kmip.api.KeyAlgorithm;
import io.boat.kmip.api.KmipAttributes;
import io.boat.kmip.api.KmipObject;
import io.boat.kmip.api.KmipVersion;
import io.boat.kmip.api.ObjectKind;
import io.boat.kmip.api.ServerInfo;
import io.boat.kmip.api.SymmetricKeyRequest;
import io.boat.kmip.ttlv.ItemType;
import io.boat.kmip.ttlv.Tag;
import io.boat.kmip.ttlv.TtlvException;
import io.boat.kmip.ttlv.TtlvItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request payloads BOAT sends and response payloads it reads, in the KMIP 1.x encoding
 * (operations: KMIP 1.4 §4; objects §2.2; Template-Attribute §2.1.8).
 */
public final class OperationPayloads {

    private OperationPayloads() {
    }

    // ---- requests --------------------------------------------------------------------------

    /** Create (§4.1): Object Type Symmetric Key and a Template-Attribute with algorithm, length, usage mask, name. */
    public static TtlvItem create(SymmetricKeyRequest r) {
        List<TtlvItem> attrs = new ArrayList<>(List.of(
                attribute(ATTR_ALGORITHM, TtlvItem.enumeration(Tag.ATTRIBUTE_VALUE, r.algorithm().code())),
                attribute(ATTR_LENGTH, TtlvItem.integer(Tag.ATTRIBUTE_VALUE, r.bitLength())),
                attribute(ATTR_USAGE_MASK, TtlvItem.integer(Tag.ATTRIBUTE_VALUE, r.algorithm().usageMask()))));
        if (r.name() != null) {
            attrs.add(nameAttribute(r.name()));
        }
        return TtlvItem.structure(Tag.REQUEST_PAYLOAD,
                TtlvItem.enumeration(Tag.OBJECT_TYPE, ObjectKind.SYMMETRIC_KEY.code()),
                TtlvItem.structure(Tag.TEMPLATE_ATTRIBUTE, attrs));
    }

    /** Register (§4.3) of a symmetric key, secret data or opaque object. */
    public static TtlvItem register(KmipObject object, String name) {
        List<TtlvItem> attrs = new ArrayList<>();
        TtlvItem body;
        byte[] material = object.material();
        try {
            switch (object.kind()) {
                case SYMMETRIC_KEY:
                    attrs.add(attribute(ATTR_USAGE_MASK,
                            TtlvItem.integer(Tag.ATTRIBUTE_VALUE, object.algorithm().usageMask())));
                    body = TtlvItem.structure(Tag.SYMMETRIC_KEY, keyBlock(KmipEnumerations.KEY_FORMAT_RAW, material,
                            object.algorithm(), object.bitLength()));
                    break;
                case SECRET_DATA:
                    attrs.add(attribute(ATTR_USAGE_MASK, TtlvItem.integer(Tag.ATTRIBUTE_VALUE, 0)));
                    body = TtlvItem.structure(Tag.SECRET_DATA,
                            TtlvItem.enumeration(Tag.SECRET_DATA_TYPE, KmipEnumerations.SECRET_DATA_PASSWORD),
                            keyBlock(KmipEnumerations.KEY_FORMAT_OPAQUE, material, null, 0));
                    break;
                case OPAQUE_OBJECT:
                    body = TtlvItem.structure(Tag.OPAQUE_OBJECT,
                            TtlvItem.enumeration(Tag.OPAQUE_DATA_TYPE, KmipEnumerations.OPAQUE_DATA_NONE),
                            TtlvItem.bytes(Tag.OPAQUE_DATA_VALUE, material));
                    break;
                default:
                    throw new IllegalArgumentException("Cannot register a " + object.kind());
            }
        } finally {
            java.util.Arrays.fill(material, (byte) 0);
        }
        if (name != null) {
            attrs.add(nameAttribute(name));
        }
        return TtlvItem.structure(Tag.REQUEST_PAYLOAD,
                TtlvItem.enumeration(Tag.OBJECT_TYPE, object.kind().code()),
                TtlvItem.structure(Tag.TEMPLATE_ATTRIBUTE, attrs),
                body);
    }

    /** Payload of Get, Activate, Destroy (§4.11, §4.19, §4.21): just the Unique Identifier. */
    public static TtlvItem uid(String uid) {
        return TtlvItem.structure(Tag.REQUEST_PAYLOAD, TtlvItem.text(Tag.UNIQUE_IDENTIFIER, uid));
    }

    /** Revoke (§4.20) with a Revocation Reason code. */
    public static TtlvItem revoke(String uid, int reasonCode) {
        return TtlvItem.structure(Tag.REQUEST_PAYLOAD,
                TtlvItem.text(Tag.UNIQUE_IDENTIFIER, uid),
                TtlvItem.structure(Tag.REVOCATION_REASON,
                        TtlvItem.enumeration(Tag.REVOCATION_REASON_CODE, reasonCode)));
    }

    /** Get Attributes (§4.12). */
    public static TtlvItem getAttributes(String uid, String... names) {
        List<TtlvItem> fields = new ArrayList<>();
        fields.add(TtlvItem.text(Tag.UNIQUE_IDENTIFIER, uid));
        for (String n : names) {
            fields.add(TtlvItem.text(Tag.ATTRIBUTE_NAME, n));
        }
        return TtlvItem.structure(Tag.REQUEST_PAYLOAD, fields);
    }

    /** Locate (§4.9) by Name. */
    public static TtlvItem locateByName(String name) {
        return TtlvItem.structure(Tag.REQUEST_PAYLOAD, nameAttribute(name));
    }

    /** Discover Versions (§4.26): the versions the client offers, preferred first. */
    public static TtlvItem discoverVersions(List<KmipVersion> offered) {
        List<TtlvItem> fields = new ArrayList<>();
        for (KmipVersion v : offered) {
            fields.add(RequestMessage.protocolVersion(v));
        }
        return TtlvItem.structure(Tag.REQUEST_PAYLOAD, fields);
    }

    /** Query (§4.25) for operations, objects and server information. */
    public static TtlvItem query() {
        return TtlvItem.structure(Tag.REQUEST_PAYLOAD,
                TtlvItem.enumeration(Tag.QUERY_FUNCTION, KmipEnumerations.QUERY_OPERATIONS),
                TtlvItem.enumeration(Tag.QUERY_FUNCTION, KmipEnumerations.QUERY_OBJECTS),
                TtlvItem.enumeration(Tag.QUERY_FUNCTION, KmipEnumerations.QUERY_SERVER_INFORMATION));
    }

    // ---- responses -------------------------------------------------------------------------

    public static String parseUid(TtlvItem payload) throws TtlvException {
        return payload.require(Tag.UNIQUE_IDENTIFIER).asText();
    }

    /** Get response (§4.11): Object Type, Unique Identifier and the object. */
    public static KmipObject parseObject(TtlvItem payload) throws TtlvException {
        int type = payload.require(Tag.OBJECT_TYPE).asEnum();
        ObjectKind kind = ObjectKind.fromCode(type).orElseThrow(() ->
                new TtlvException(TtlvException.Reason.UNEXPECTED_ITEM, "Object Type " + type));
        switch (kind) {
            case SYMMETRIC_KEY: {
                TtlvItem block = payload.require(Tag.SYMMETRIC_KEY).require(Tag.KEY_BLOCK);
                int alg = block.require(Tag.CRYPTOGRAPHIC_ALGORITHM).asEnum();
                KeyAlgorithm algorithm = KeyAlgorithm.fromCode(alg).orElseThrow(() ->
                        new TtlvException(TtlvException.Reason.UNEXPECTED_ITEM, "Cryptographic Algorithm " + alg));
                int length = block.require(Tag.CRYPTOGRAPHIC_LENGTH).asInt();
                return KmipObject.adopt(kind, algorithm, length, keyMaterial(block));
            }
            case SECRET_DATA:
                return KmipObject.adopt(kind, null, 0,
                        keyMaterial(payload.require(Tag.SECRET_DATA).require(Tag.KEY_BLOCK)));
            case OPAQUE_OBJECT:
                return KmipObject.adopt(kind, null, 0,
                        payload.require(Tag.OPAQUE_OBJECT).require(Tag.OPAQUE_DATA_VALUE).asBytes());
            default:
                throw new TtlvException(TtlvException.Reason.UNEXPECTED_ITEM, "BOAT does not read " + kind);
        }
    }

    public static List<String> parseLocate(TtlvItem payload) throws TtlvException {
        List<String> out = new ArrayList<>();
        for (TtlvItem uid : payload.all(Tag.UNIQUE_IDENTIFIER)) {
            out.add(uid.asText());
        }
        return out;
    }

    public static List<KmipVersion> parseVersions(TtlvItem payload) throws TtlvException {
        List<KmipVersion> out = new ArrayList<>();
        for (TtlvItem pv : payload.all(Tag.PROTOCOL_VERSION)) {
            out.add(new KmipVersion(pv.require(Tag.PROTOCOL_VERSION_MAJOR).asInt(),
                    pv.require(Tag.PROTOCOL_VERSION_MINOR).asInt()));
        }
        return out;
    }

    public static ServerInfo parseServerInfo(TtlvItem payload) throws TtlvException {
        List<Integer> ops = new ArrayList<>();
        for (TtlvItem op : payload.all(Tag.OPERATION)) {
            ops.add(op.asEnum());
        }
        List<ObjectKind> kinds = new ArrayList<>();
        for (TtlvItem t : payload.all(Tag.OBJECT_TYPE)) {
            ObjectKind.fromCode(t.asEnum()).ifPresent(kinds::add);
        }
        String vendor = payload.child(Tag.VENDOR_IDENTIFICATION).isPresent()
                ? payload.require(Tag.VENDOR_IDENTIFICATION).asText() : "";
        return new ServerInfo(ops, kinds, vendor);
    }

    /** Get Attributes response: Attribute structures rendered as text. */
    public static KmipAttributes parseAttributes(TtlvItem payload) throws TtlvException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (TtlvItem a : payload.all(Tag.ATTRIBUTE)) {
            String name = a.require(Tag.ATTRIBUTE_NAME).asText();
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(render(name, a.require(Tag.ATTRIBUTE_VALUE)));
        }
        return new KmipAttributes(out);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static String render(String name, TtlvItem v) throws TtlvException {
        switch (v.type()) {
            case ENUMERATION:
                int code = v.asEnum();
                if (KmipEnumerations.ATTR_STATE.equals(name)) {
                    return KmipEnumerations.stateName(code);
                }
                if (ATTR_ALGORITHM.equals(name)) {
                    return KeyAlgorithm.fromCode(code).map(Enum::name).orElse(Integer.toString(code));
                }
                if (KmipEnumerations.ATTR_OBJECT_TYPE.equals(name)) {
                    return ObjectKind.fromCode(code).map(Enum::name).orElse(Integer.toString(code));
                }
                return Integer.toString(code);
            case INTEGER:
                return Integer.toString(v.asInt());
            case LONG_INTEGER:
                return Long.toString(v.asLong());
            case BIG_INTEGER:
                return v.asBigInteger().toString();
            case BOOLEAN:
                return Boolean.toString(v.asBoolean());
            case TEXT_STRING:
                return v.asText();
            case DATE_TIME:
                return java.time.Instant.ofEpochSecond(v.asDateTime()).toString();
            case INTERVAL:
                return Long.toString(v.asInterval());
            case STRUCTURE:
                if (v.child(Tag.NAME_VALUE).isPresent()) {
                    return v.require(Tag.NAME_VALUE).asText();
                }
                return "{" + v.childrenOrEmpty().size() + " fields}";
            default:
                return v.type() == ItemType.BYTE_STRING ? "[bytes]" : v.type().name();
        }
    }

    private static byte[] keyMaterial(TtlvItem block) throws TtlvException {
        TtlvItem keyValue = block.require(Tag.KEY_VALUE);
        if (keyValue.type() == ItemType.BYTE_STRING) {
            // wrapped keys carry Key Value as a Byte String; BOAT does not unwrap
            throw new TtlvException(TtlvException.Reason.UNEXPECTED_ITEM, "wrapped key values are not supported");
        }
        return keyValue.require(Tag.KEY_MATERIAL).asBytes();
    }

    private static TtlvItem keyBlock(int format, byte[] material, KeyAlgorithm alg, int bits) {
        List<TtlvItem> f = new ArrayList<>();
        f.add(TtlvItem.enumeration(Tag.KEY_FORMAT_TYPE, format));
        f.add(TtlvItem.structure(Tag.KEY_VALUE, TtlvItem.bytes(Tag.KEY_MATERIAL, material)));
        if (alg != null) {
            f.add(TtlvItem.enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, alg.code()));
            f.add(TtlvItem.integer(Tag.CRYPTOGRAPHIC_LENGTH, bits));
        }
        return TtlvItem.structure(Tag.KEY_BLOCK, f);
    }

    private static TtlvItem attribute(String name, TtlvItem value) {
        return TtlvItem.structure(Tag.ATTRIBUTE, TtlvItem.text(Tag.ATTRIBUTE_NAME, name), value);
    }

    private static TtlvItem nameAttribute(String name) {
        return attribute(ATTR_NAME, TtlvItem.structure(Tag.ATTRIBUTE_VALUE,
                TtlvItem.text(Tag.NAME_VALUE, name),
                TtlvItem.enumeration(Tag.NAME_TYPE, KmipEnumerations.NAME_TYPE_TEXT)));
    }
}
