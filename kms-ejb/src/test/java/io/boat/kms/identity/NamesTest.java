package io.boat.kms.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.kms.KmsException;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void normalize_stripsBlanksAndFoldsCompatibilityForms() {
        assertThat(Names.normalize("  alice ")).isEqualTo("alice");
        assertThat(Names.normalize("ＡＬＩＣＥ")).isEqualTo("ALICE");
        assertThat(Names.normalize("e\u0301")).isEqualTo("\u00e9");
    }

    @Test
    void normalize_refusesControlAndInvisibleCharacters() {
        for (String bad : new String[] {"bob\u0000", "bob\u200b", "b\u202eob", "bob\n", "\ud800bob", "bob\ue000"}) {
            assertThatThrownBy(() -> Names.normalize(bad)).isInstanceOf(KmsException.class)
                    .hasMessageContaining("invisible");
        }
    }

    @Test
    void normalize_refusesEmptyBlankAndOverlong() {
        for (String bad : new String[] {null, "", "   ", "x".repeat(256)}) {
            assertThatThrownBy(() -> Names.normalize(bad)).isInstanceOf(KmsException.class)
                    .hasMessageContaining("1 to 255");
        }
        assertThat(Names.normalize("x".repeat(255))).hasSize(255);
    }
}
