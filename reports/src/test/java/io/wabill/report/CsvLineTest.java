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
        assertEquals(expected.toString(), new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8));
    }

    @Test
    void instantsInOneLineReuseTheLastSecondOnlyWhenItIsTheSame() {
        SplittableRandom rnd = new SplittableRandom(7);
        CsvLine line = new CsvLine();
        StringBuilder expected = new StringBuilder();
        long t = 1_759_276_800_000L;
        for (int i = 0; i < 200_000; i++) {
            switch (rnd.nextInt(6)) {
                case 0 -> { } // the same instant
                case 1 -> t += rnd.nextInt(1000); // within or past the second
                case 2 -> t += 1000L * rnd.nextInt(1, 90);
                case 3 -> t += 86_400_000L * rnd.nextInt(1, 40); // another day, same time
                case 4 -> t = rnd.nextLong(0, 253_402_300_799_999L); // anywhere, back in time too
                default -> t -= rnd.nextInt(2000);
            }
            if (t < 0) t = 0;
            line.instant(t);
            if (i % 3 == 2) line.end("\n");
            expected.append(i % 3 == 0 ? "" : ",").append(Instant.ofEpochMilli(t)).append(i % 3 == 2 ? "\n" : "");
        }
        assertEquals(expected.toString(), line.toString());
    }

    @Test
    void rowsPileUpInTheBufferUntilCleared() {
        CsvLine line = new CsvLine();
        for (int i = 0; i < 5000; i++) line.text("r" + i).number(i).amount(i * 10_000L).end("\r\n");
        String text = line.toString();
        assertEquals(5000, text.split("\r\n").length);
        assertEquals("r4999,4999,0.4999", text.split("\r\n")[4999]);
        assertEquals(text.length(), line.length());
        line.clear().text("x").text("y");
        assertEquals("x,y", line.toString());
    }

    @Test
    void keptCellsAreTheBytesOfTheCellsWrittenDirectly() {
        String[] values = {"plain", "a,b", "=1", "-0.05", "+10000-01-01", "\tx", "caf\u00e9", "", "x\"y", "@me"};
        EncodedCells text = EncodedCells.text(), raw = EncodedCells.raw();
        CsvLine kept = new CsvLine(), direct = new CsvLine();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            // the same objects mostly, sometimes a new string of the same text, sometimes a text seen once
            String v = rnd.nextInt(5) == 0 ? new String(values[rnd.nextInt(values.length)])
                    : rnd.nextInt(7) == 0 ? "once" + i : values[rnd.nextInt(values.length)];
            if (rnd.nextBoolean()) {
                text.write(v, kept);
                direct.text(v);
            } else {
                raw.write(v, kept);
                direct.raw(v);
            }
            if (rnd.nextInt(5) == 0) {
                text.write(null, kept);
                direct.text(null);
            }
            if (i % 4 == 3) {
                kept.end("\n");
                direct.end("\n");
            }
        }
        assertEquals(direct.toString(), kept.toString());
    }
}
