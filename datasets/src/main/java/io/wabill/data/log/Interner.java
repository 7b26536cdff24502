package io.wabill.data.log;

/**
 * A direct-mapped cache of strings by content, so that the names a log repeats on every row (accounts, business
 * numbers, templates) and the customers it meets again are one shared string instead of a new one per row. Keys are
 * ASCII bytes straight from the reader's buffer, so a cell seen before costs a hash and a comparison, no string. A
 * slot holds the last string that hashed to it; a miss simply creates the string and takes the slot, so memory stays
 * fixed and the result is always a string equal to the text.
 */
final class Interner {
    private final String[] slots;
    private final int[] hashes;
    private final int mask;

    /** @param capacity number of slots, a power of two */
    Interner(int capacity) {
        if (Integer.bitCount(capacity) != 1) throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        slots = new String[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
    }

    /** The string of the ASCII bytes {@code buf[from, to)}. */
    String intern(byte[] buf, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + buf[i];
        int slot = (h ^ (h >>> 15)) & mask;
        String s = slots[slot];
        int n = to - from;
        if (s != null && hashes[slot] == h && s.length() == n) {
            boolean same = true;
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) != buf[from + i]) {
                    same = false;
                    break;
                }
            }
            if (same) return s;
        }
        s = new String(buf, from, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        slots[slot] = s;
        hashes[slot] = h;
        return s;
    }
}
