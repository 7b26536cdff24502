package io.wabill.spark;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * The distinct timestamps of each log file, gathered while the files are read (the shuffle's map tasks), so the
 * log's clock needs no pass of its own. Keyed by file, so a map task run twice replaces its part.
 */
final class ClockAccumulator extends AccumulatorV2<ClockAccumulator.Part, Map<Integer, long[]>> {
    private static final long serialVersionUID = 1L;

    /** One file's distinct timestamps, sorted. */
    record Part(int fileIndex, long[] timestamps) implements java.io.Serializable {}

    private final TreeMap<Integer, long[]> parts = new TreeMap<>();

    @Override public boolean isZero() { return parts.isEmpty(); }

    @Override public ClockAccumulator copy() {
        ClockAccumulator c = new ClockAccumulator();
        synchronized (this) {
            c.parts.putAll(parts);
        }
        return c;
    }

    @Override public synchronized void reset() { parts.clear(); }

    @Override public synchronized void add(Part p) { parts.put(p.fileIndex(), p.timestamps()); }

    @Override public synchronized void merge(AccumulatorV2<Part, Map<Integer, long[]>> other) { parts.putAll(other.value()); }

    @Override public synchronized Map<Integer, long[]> value() { return new TreeMap<>(parts); }
}
