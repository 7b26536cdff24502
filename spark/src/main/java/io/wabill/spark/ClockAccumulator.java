package io.wabill.spark;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * What the readers learn on the way (the shuffle's map tasks), so the driver needs no pass of its own: each log
 * file's distinct timestamps (the log's clock) and the portfolio each account and number was routed to (the check
 * that portfolios can be priced apart). Keyed by file, so a map task run twice replaces its part.
 */
final class ClockAccumulator extends AccumulatorV2<ClockAccumulator.Part, Map<Integer, ClockAccumulator.Part>> {
    private static final long serialVersionUID = 1L;

    /**
     * One file's (or Parquet split's) distinct timestamps, sorted, and the portfolio each account and business
     * number was routed to (a conflict inside the part is kept as the second portfolio after a tab).
     */
    record Part(int fileIndex, long[] timestamps, Map<String, String> accounts, Map<String, String> businesses,
                long rows, boolean sorted) implements java.io.Serializable {}

    /** Collects the portfolio of each account and number while a part is read. */
    static final class Routing {
        final java.util.HashMap<String, String> accounts = new java.util.HashMap<>();
        final java.util.HashMap<String, String> businesses = new java.util.HashMap<>();

        void add(String account, String business, String portfolio) {
            note(accounts, account, portfolio);
            note(businesses, business.startsWith("+") ? business.substring(1) : business, portfolio);
        }

        private static void note(Map<String, String> map, String key, String portfolio) {
            String had = map.putIfAbsent(key, portfolio);
            if (had != null && !had.equals(portfolio) && had.indexOf('\t') < 0) map.put(key, had + "\t" + portfolio);
        }
    }

    /**
     * The first account or business number routed to two portfolios, as a sentence, or null: such a log cannot be
     * priced apart (its pairs, tiers or conversations would be split between tasks).
     */
    static String conflict(Map<Integer, Part> parts) {
        for (String what : new String[] {"account", "business number"}) {
            Map<String, String> seen = new TreeMap<>();
            for (Part p : parts.values()) {
                for (var e : (what.equals("account") ? p.accounts() : p.businesses()).entrySet()) {
                    for (String portfolio : e.getValue().split("\t")) {
                        String had = seen.putIfAbsent(e.getKey(), portfolio);
                        if (had != null && !had.equals(portfolio))
                            return what + " " + e.getKey() + " has rows in two portfolios (" + had + " and " + portfolio + ")";
                    }
                }
            }
        }
        return null;
    }

    private final TreeMap<Integer, Part> parts = new TreeMap<>();

    @Override public boolean isZero() { return parts.isEmpty(); }

    @Override public ClockAccumulator copy() {
        ClockAccumulator c = new ClockAccumulator();
        synchronized (this) {
            c.parts.putAll(parts);
        }
        return c;
    }

    @Override public synchronized void reset() { parts.clear(); }

    @Override public synchronized void add(Part p) { parts.put(p.fileIndex(), p); }

    @Override public synchronized void merge(AccumulatorV2<Part, Map<Integer, Part>> other) { parts.putAll(other.value()); }

    @Override public synchronized Map<Integer, Part> value() { return new TreeMap<>(parts); }
}
