package io.wabill.data.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The reader's byte-level instants are only a fast path: wherever they answer, {@link Timestamps#parse} agrees. */
class TimestampsFastPathTest {
    @Test
    void theFastPathAgreesWithTheParserOrLeavesTheTextToIt() {
        SplittableRandom rnd = new SplittableRandom(14);
        String[] fixed = {"0", "1790000000", "99999999999", "999999999999", "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.9991Z", "9999-12-31T23:59:59+01:00", "0001-01-01T00:30:00+01:00",
            "2024-02-29T12:00:00Z", "2025-02-29T12:00:00Z", "2026-10-01T09:00:00.Z", "2026-10-01T09:00:00.1234567891Z",
            "2026-10-01T09:00:00-00:00", "2026-10-01T09:00:00+17:59", "2026-10-01T09:00:00+18:00", "2026-10-01T24:00:00Z",
            "2026-10-01T09:60:00Z", "2026-10-01T09:00:60Z", "2026-10-01T09:00Z", "2026-10-01 09:00:00Z", "+1790000000"};
        for (String t : fixed) check(t);
        // the shapes logs write are answered by the fast path itself
        for (String t : new String[] {"1790000000", "2026-10-01T09:00:00Z", "2026-10-01T09:00:00.5Z",
            "2026-10-01T14:30:00.123456+05:30", "2026-10-01T04:00:00-05:00"}) {
            byte[] b = t.getBytes(StandardCharsets.US_ASCII);
            assertEquals(Timestamps.parse(t), Timestamps.fast(b, 0, b.length), t);
        }
        String digits = "0123456789";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            if (rnd.nextInt(4) == 0) {
                int n = 1 + rnd.nextInt(13);
                for (int k = 0; k < n; k++) b.append(digits.charAt(rnd.nextInt(10)));
            } else {
                b.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", rnd.nextInt(10_000), rnd.nextInt(14),
                        rnd.nextInt(33), rnd.nextInt(25), rnd.nextInt(61), rnd.nextInt(61)));
                if (rnd.nextInt(3) == 0) {
                    b.append('.');
                    int n = rnd.nextInt(11);
                    for (int k = 0; k < n; k++) b.append(digits.charAt(rnd.nextInt(10)));
                }
                switch (rnd.nextInt(4)) {
                    case 0 -> b.append('Z');
                    case 1 -> b.append(String.format("%c%02d:%02d", rnd.nextBoolean() ? '+' : '-', rnd.nextInt(20),
                            rnd.nextInt(61)));
                    case 2 -> b.append("z");
                    default -> { }
                }
            }
            check(b.toString());
        }
    }

    private static void check(String text) {
        byte[] b = ("  " + text + " ").getBytes(StandardCharsets.US_ASCII);
        long fast = Timestamps.fast(b, 2, 2 + text.length());
        if (fast == Long.MIN_VALUE) return;
        assertEquals(Timestamps.parse(text), fast, text);
    }
}
