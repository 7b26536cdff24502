package io.wabill.sim.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BandsTest {
    /** Bands from 1 ending at each of {@code uppers}, then an open one. */
    private static Bands bands(long... uppers) {
        List<Band> list = new ArrayList<>();
        long from = 1;
        for (long to : uppers) {
            list.add(new Band(from, to, BigDecimal.ONE));
            from = to + 1;
        }
        list.add(new Band(from, Long.MAX_VALUE, BigDecimal.ONE));
        return new Bands(list);
    }

    @Test
    void aMessageFallsInTheBandThatHoldsItsNumber() {
        Bands b = bands(1_000, 10_000);
        assertEquals(0, b.indexOf(1));
        assertEquals(0, b.indexOf(1_000));
        assertEquals(1, b.indexOf(1_001));
        assertEquals(1, b.indexOf(10_000));
        assertEquals(2, b.indexOf(10_001));
        assertEquals(2, b.indexOf(Long.MAX_VALUE));
        assertEquals(0, bands().indexOf(1));
        assertEquals(0, bands().indexOf(Long.MAX_VALUE));
    }

    /** The count without a branch is the first band whose end is at or above the number, as a scan finds it. */
    @Test
    void theCountAgreesWithAScanOverRandomBands() {
        Random random = new Random(14);
        for (int trial = 0; trial < 2_000; trial++) {
            int count = random.nextInt(6);
            long[] uppers = new long[count];
            long to = 0;
            for (int i = 0; i < count; i++) uppers[i] = to += 1 + random.nextInt(random.nextBoolean() ? 3 : 100_000);
            Bands b = bands(uppers);
            for (int k = 0; k < 50; k++) {
                long n = k < 5 ? 1 + k : 1 + (long) (random.nextDouble() * (to + 10));
                if (k == 5 && count > 0) n = uppers[random.nextInt(count)];
                int scan = 0;
                while (scan < count && n > uppers[scan]) scan++;
                assertEquals(scan, b.indexOf(n), "message " + n + " in bands ending at " + Arrays.toString(uppers));
            }
        }
    }
}
