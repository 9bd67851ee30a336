package io.boat.kmip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kmip.api.KeyAlgorithm;
import io.boat.kmip.api.KmipException;
import io.boat.kmip.api.KmipObject;
import io.boat.kmip.api.KmipVersion;
import io.boat.kmip.api.ObjectKind;
import io.boat.kmip.api.ResultReason;
import io.boat.kmip.api.SymmetricKeyRequest;
import io.boat.kmip.message.KmipEnumerations.Operation;
import io.boat.kmip.ttlv.Hex;
import io.boat.kmip.ttlv.Tag;
import io.boat.kmip.ttlv.TtlvDecoder;
import io.boat.kmip.ttlv.TtlvEncoder;
import io.boat.kmip.ttlv.TtlvException;
import io.boat.kmip.ttlv.TtlvItem;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Typed messages against the OASIS KMIP 1.1 test-case messages (section 3.1.1). */
class MessagesTest {

    private static final KmipVersion V1_1 = new KmipVersion(1, 1);

    static byte[] vector(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = TtlvDecoder.class.getResourceAsStream("kmip-1.1-test-cases.properties")) {
            p.load(in);
        }
        return Hex.bytes(p.getProperty(name));
    }

    private static ResponseMessage response(String name) throws Exception {
        return ResponseMessage.fromTtlv(new TtlvDecoder().decode(vector(name)));
    }

    @Test
    void createRequest_aes128_matchesTestCaseBytes() throws Exception {
        byte[] encoded = RequestMessage.single(V1_1, Operation.CREATE,
                OperationPayloads.create(new SymmetricKeyRequest(KeyAlgorithm.AES, 128))).encode();
        assertThat(Hex.of(encoded)).isEqualTo(Hex.of(vector("create_req")));
    }

    @Test
    void getRequest_uid_matchesTestCaseBytes() throws Exception {
        byte[] encoded = RequestMessage.single(V1_1, Operation.GET,
                OperationPayloads.uid("49a1ca88-6bea-4fb2-b450-7e58802c3038")).encode();
        assertThat(Hex.of(encoded)).isEqualTo(Hex.of(vector("get_req")));
    }

    @Test
    void destroyRequest_uid_matchesTestCaseBytes() throws Exception {
        byte[] encoded = RequestMessage.single(V1_1, Operation.DESTROY,
                OperationPayloads.uid("fb4b5b9c-6188-4c63-8142-fe9c328129fc")).encode();
        assertThat(Hex.of(encoded)).isEqualTo(Hex.of(vector("destroy_req")));
    }

    @Test
    void createResponse_success_yieldsUniqueIdentifier() throws Exception {
        ResponseMessage r = response("create_resp");
        assertThat(r.version()).isEqualTo(V1_1);
        assertThat(r.timeStamp()).isEqualTo(0x4F9A54E5L);
        TtlvItem payload = r.items().get(0).requireSuccess(Operation.CREATE);
        assertThat(OperationPayloads.parseUid(payload)).isEqualTo("fb4b5b9c-6188-4c63-8142-fe9c328129fc");
    }

    @Test
    void getResponse_tripleDesKey_yieldsObjectWithMaterial() throws Exception {
        TtlvItem payload = response("get_resp").items().get(0).requireSuccess(Operation.GET);
        try (KmipObject key = OperationPayloads.parseObject(payload)) {
            assertThat(key.kind()).isEqualTo(ObjectKind.SYMMETRIC_KEY);
            assertThat(key.algorithm()).isEqualTo(KeyAlgorithm.TRIPLE_DES);
            assertThat(key.bitLength()).isEqualTo(168);
            assertThat(Hex.of(key.material())).isEqualTo("7367578051012a6d134a855e25c8cd5e4ca131455729d3c8");
            assertThat(key.toString()).doesNotContain("7367").contains("redacted");
        }
    }

    @Test
    void destroyResponse_answeredForOtherOperation_failsInvalidMessage() throws Exception {
        ResponseMessage.Item item = response("destroy_resp").items().get(0);
        assertThatThrownBy(() -> item.requireSuccess(Operation.GET))
                .isInstanceOfSatisfying(KmipException.class,
                        e -> assertThat(e.resultReason()).isEqualTo(ResultReason.INVALID_MESSAGE));
    }

    @Test
    void failedResponse_invalidMessage_becomesKmipExceptionWithReasonAndMessage() throws Exception {
        ResponseMessage.Item item = response("invalid_resp").items().get(0);
        assertThatThrownBy(() -> item.requireSuccess(Operation.GET))
                .isInstanceOfSatisfying(KmipException.class, e -> {
                    assertThat(e.resultReason()).isEqualTo(ResultReason.INVALID_MESSAGE);
                    assertThat(e.isConnectionFailure()).isFalse();
                    assertThat(e.getMessage()).contains("Default response. No operations supported.");
                });
    }

    @Test
    void responseFromTtlv_requestMessage_failsUnexpectedItem() throws Exception {
        TtlvItem request = new TtlvDecoder().decode(vector("get_req"));
        assertThatThrownBy(() -> ResponseMessage.fromTtlv(request))
                .isInstanceOfSatisfying(TtlvException.class,
                        e -> assertThat(e.reason()).isEqualTo(TtlvException.Reason.UNEXPECTED_ITEM));
    }

    @Test
    void responseFromTtlv_batchCountMismatch_failsUnexpectedItem() throws Exception {
        TtlvItem resp = new TtlvDecoder().decode(vector("create_resp"));
        List<TtlvItem> children = new java.util.ArrayList<>(resp.children());
        children.add(children.get(1));
        TtlvItem twoItems = TtlvItem.structure(Tag.RESPONSE_MESSAGE, children);
        assertThatThrownBy(() -> ResponseMessage.fromTtlv(twoItems))
                .isInstanceOfSatisfying(TtlvException.class,
                        e -> assertThat(e.reason()).isEqualTo(TtlvException.Reason.UNEXPECTED_ITEM));
    }

    @Test
    void registerPayload_secretData_roundTripsThroughGetParser() throws Exception {
        byte[] secret = "correct horse".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TtlvItem reg = OperationPayloads.register(KmipObject.secretData(secret), "n");
        // a Get response carries the same object structure after Object Type and Unique Identifier
        TtlvItem getResponse = TtlvItem.structure(Tag.RESPONSE_PAYLOAD,
                reg.require(Tag.OBJECT_TYPE), TtlvItem.text(Tag.UNIQUE_IDENTIFIER, "7"), reg.require(Tag.SECRET_DATA));
        byte[] wire = TtlvEncoder.encode(getResponse);
        try (KmipObject back = OperationPayloads.parseObject(new TtlvDecoder().decode(wire))) {
            assertThat(back.kind()).isEqualTo(ObjectKind.SECRET_DATA);
            assertThat(back.materialEquals(secret)).isTrue();
        }
    }
}
