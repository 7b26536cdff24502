package io.wabill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wabill.sim.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ledger's hand-written formats print exactly what the JDK's and Money's formatting print. */
class CsvLineTest {
    @Test
    void instantsPrintAsInstantToStringForEveryKindOfValue() {
        SplittableRandom rnd = new SplittableRandom(5);
        long[] fixed = {0, 1, 999, 1000, 59_999, 951_782_400_000L, 1_790_845_200_000L, 253_402_300_799_999L,
            253_402_300_800_000L, -1, -86_400_001L, 4_102_444_800_000L};
        for (long ms : fixed) assertEquals(CsvCells.formatted(Instant.ofEpochMilli(ms).toString()), new CsvLine().instant(ms).toString());
        assertEquals("'+10000-01-01T00:00:00Z", new CsvLine().instant(253_402_300_800_000L).toString());
        for (int i = 0; i < 200_000; i++) {
            long ms = rnd.nextLong(-5_000_000_000_000L, 300_000_000_000_000L);
            if (i % 3 == 0) ms -= ms % 1000;
            assertEquals(CsvCells.formatted(Instant.ofEpochMilli(ms).toString()), new CsvLine().instant(ms).toString(), "ms " + ms);
        }
    }

    @Test
    void amountsPrintAsMoneyFormatWithFourDecimalsAtLeast() {
        SplittableRandom rnd = new SplittableRandom(6);
        long[] fixed = {0, 1, 10_000, 100_000_000, 123_456_789, -1, -100_000_000, Long.MAX_VALUE, Long.MIN_VALUE, 5_000};
        for (long u : fixed) assertEquals(Money.format(u, 4), new CsvLine().amount(u).toString(), "units " + u);
        for (int i = 0; i < 200_000; i++) {
            long u = rnd.nextInt(4) == 0 ? rnd.nextLong() : rnd.nextLong(-10_000_000_000L, 10_000_000_000L);
            if (i % 2 == 0) u -= u % 10_000;
            assertEquals(Money.format(u, 4), new CsvLine().amount(u).toString(), "units " + u);
        }
    }

    @Test
    void textCellsAreNeutralizedAndQuotedAsTheCsvWriterDoes() throws Exception {
        String[] cells = {"", "plain", "a,b", "say \"hi\"", "line\nbreak", "=1+2", "+5511", "-x", "@me", "\tx", "caf\u00e9 \u65e5\u672c"};
        java.io.StringWriter expected = new java.io.StringWriter();
        CsvWriter w = new CsvWriter(expected, CsvDialect.UNIX);
        CsvLine line = new CsvLine();
        for (String c : cells) {
            w.text(c);
            line.text(c);
        }
        w.endRow();
        line.end("\n");
        assertEquals(expected.toString(), line.toString());
        int[] end = new int[1];
        byte[] bytes = line.utf8(new byte[4], 0, end);
        assertEquals(expected.toString(), new String(bytes, 0, end[0], StandardCharsets.UTF_8));
    }
}
