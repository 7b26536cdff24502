package io.wabill.data.log;

/**
 * A direct-mapped cache of strings by content, so that the names a log repeats on every row (accounts,
 * business numbers, templates, recurring customers) are one shared string instead of a new one per row.
 * A slot holds the last string that hashed to it; a miss simply creates the string and takes the slot, so
 * memory stays fixed and the result is always a string equal to the text.
 */
final class Interner {
    private final String[] slots;
    private final int mask;

    /** @param capacity number of slots, a power of two */
    Interner(int capacity) {
        if (Integer.bitCount(capacity) != 1) throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        slots = new String[capacity];
        mask = capacity - 1;
    }

    String intern(char[] buf, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + buf[i];
        int slot = (h ^ (h >>> 15)) & mask;
        String s = slots[slot];
        if (s != null && s.length() == to - from) {
            int n = to - from;
            boolean same = true;
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) != buf[from + i]) {
                    same = false;
                    break;
                }
            }
            if (same) return s;
        }
        s = new String(buf, from, to - from);
        slots[slot] = s;
        return s;
    }
}
