package io.boat.kms.web.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.kms.web.support.CachedJsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

class ListParamsTest {

    private static JsonObject paging(int offset, int limit, long total) {
        JsonObjectBuilder b = CachedJsonProvider.JSON.createObjectBuilder();
        ListParams.paging(b, "http://kms/v1/secrets", offset, limit, total);
        return b.build();
    }

    @Test
    void paging_offsetNearIntMax_hasNoNegativeNextLink() {
        JsonObject p = paging(Integer.MAX_VALUE, 100, 5);
        assertThat(p.containsKey("next")).isFalse();
        assertThat(p.getString("previous")).endsWith("offset=" + (Integer.MAX_VALUE - 100));
    }

    @Test
    void paging_nextWhenMoreRemain_previousWhenNotAtStart() {
        JsonObject p = paging(10, 10, 25);
        assertThat(p.getString("next")).isEqualTo("http://kms/v1/secrets?limit=10&offset=20");
        assertThat(p.getString("previous")).isEqualTo("http://kms/v1/secrets?limit=10&offset=0");
        assertThat(paging(0, 10, 10).containsKey("next")).isFalse();
    }
}
