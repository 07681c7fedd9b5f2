package org.epicall.campaign.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ContactReferencesTest {

    private static final byte[] KEY = key(7);

    @Test
    void isStableForACampaignAndARowAndSaysNothingOfEither() {
        ContactReferences references = new ContactReferences(KEY);

        String ref = references.of("cmp-0a1b2c3d4e5f", 2);

        assertThat(ref).isEqualTo(references.of("cmp-0a1b2c3d4e5f", 2)).matches("r-[0-9a-f]{32}");
        assertThat(ref).doesNotContain("0a1b2c3d4e5f").doesNotContain("L2");
    }

    @Test
    void anotherKeyGivesOtherReferences() {
        assertThat(new ContactReferences(key(8)).of("cmp-1", 2)).isNotEqualTo(new ContactReferences(KEY).of("cmp-1", 2));
    }

    @Property(tries = 20)
    void rowsAndCampaignsGetDistinctReferences(@ForAll @IntRange(min = 2, max = 1_000_000) int first) {
        ContactReferences references = new ContactReferences(KEY);
        Set<String> seen = new HashSet<>();
        for (int line = first; line < first + 500; line++) {
            seen.add(references.of("cmp-a", line));
            seen.add(references.of("cmp-b", line));
        }
        assertThat(seen).hasSize(1_000);
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new ContactReferences(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
