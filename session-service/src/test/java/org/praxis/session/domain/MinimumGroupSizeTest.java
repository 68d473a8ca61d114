package org.praxis.session.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MinimumGroupSizeTest {

    @Test
    void theDefaultShowsFiveAndHidesFour() {
        MinimumGroupSize rule = new MinimumGroupSize(MinimumGroupSize.DEFAULT);
        assertEquals(5, MinimumGroupSize.DEFAULT);
        assertFalse(rule.shows(4));
        assertTrue(rule.shows(5));
        assertTrue(rule.shows(6));
        assertFalse(rule.shows(0));
        assertEquals(
                "Fewer than 5 engagements count, so no figures are shown: they could single out a person.",
                rule.reasonHidden(4, "engagements"));
        assertNull(rule.reasonHidden(5, "engagements"));
    }

    @Test
    void aConfiguredSizeHidesBelowItAndShowsAtIt() {
        for (int k : new int[] {2, 7, 20}) {
            MinimumGroupSize rule = new MinimumGroupSize(k);
            assertFalse(rule.shows(k - 1), "k-1 = " + (k - 1));
            assertTrue(rule.shows(k), "k = " + k);
        }
    }

    @Test
    void engagementsCountInWholeGroupsSoTwoReadsNeverDifferByOne() {
        MinimumGroupSize five = new MinimumGroupSize(5);
        int[] released = java.util.stream.IntStream.rangeClosed(0, 16)
                .map(five::released)
                .toArray();
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 5, 5, 5, 5, 5, 10, 10, 10, 10, 10, 15, 15}, released);
        for (int n = 0; n < 100; n++) {
            int step = five.released(n + 1) - five.released(n);
            assertTrue(step == 0 || step == 5, "n = " + n);
        }
        assertEquals(14, new MinimumGroupSize(7).released(20));
    }

    @Test
    void aGroupOfOneIsNeverAGroup() {
        assertThrows(IllegalArgumentException.class, () -> new MinimumGroupSize(1));
        assertThrows(IllegalArgumentException.class, () -> new MinimumGroupSize(0));
    }
}
