package io.wabill.data.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a valid input, the kinds a hostile or careless file has: flipped and deleted bytes, stray
 * quotes, commas and line ends, control characters, huge or signed numbers, far-off dates, repeated or cut-off
 * text, invalid UTF-8. The same seed gives the same input, so a failure names the seed that reproduces it.
 */
final class Mutator {
    private static final String[] TOKENS = {"\"", ",", "\n", "\r\n", "\r", "\"\"", "\u0000", "\u001b[2J", "\uFEFF", "é",
        "9223372036854775807", "-9223372036854775808", "9e10", "1e999", "-1", "0", "+999999999-12-31T23:59:59Z",
        "0000-01-01", "NaN", "n/a", "--", "{", "}", "[", "]", ":", "null", "true", "\"ts\":\"99999999999\"",
        "{\"a\":", "\\u0000", "\t", " ", "=cmd|' /C calc'!A0"};

    private Mutator() {}

    static byte[] mutate(byte[] input, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] b = input.clone();
        int edits = 1 + r.nextInt(6);
        for (int e = 0; e < edits; e++) {
            if (b.length == 0) b = TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
            int at = r.nextInt(b.length + 1);
            switch (r.nextInt(9)) {
                case 0 -> { if (at < b.length) b[at] = (byte) r.nextInt(256); } // any byte, invalid UTF-8 included
                case 1 -> b = splice(b, at, Math.min(b.length, at + r.nextInt(20)), new byte[0]); // delete
                case 2, 3 -> b = splice(b, at, at, TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                case 4 -> { // repeat a stretch
                    int to = Math.min(b.length, at + r.nextInt(200));
                    byte[] part = Arrays.copyOfRange(b, at, to);
                    b = splice(b, to, to, part);
                }
                case 5 -> b = Arrays.copyOf(b, at); // cut off
                case 6 -> { // replace a run of digits by another number
                    int start = at;
                    while (start < b.length && (b[start] < '0' || b[start] > '9')) start++;
                    int end = start;
                    while (end < b.length && b[end] >= '0' && b[end] <= '9') end++;
                    b = splice(b, start, end, TOKENS[10 + r.nextInt(6)].getBytes(StandardCharsets.UTF_8));
                }
                case 7 -> b = splice(b, at, at, "x".repeat(r.nextInt(3) == 0 ? 150_000 : 50).getBytes(StandardCharsets.UTF_8));
                default -> { // swap two bytes
                    if (b.length > 1) {
                        int other = r.nextInt(b.length);
                        int here = Math.min(at, b.length - 1);
                        byte t = b[here];
                        b[here] = b[other];
                        b[other] = t;
                    }
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }
}
