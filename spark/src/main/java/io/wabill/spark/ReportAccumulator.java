package io.wabill.spark;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Gathers the tasks' {@link PartitionReport}s on the driver, one per partition. Keyed by partition, so a report
 * applied twice (a task or stage run again) replaces itself instead of counting twice.
 */
final class ReportAccumulator extends AccumulatorV2<PartitionReport, Map<Integer, PartitionReport>> {
    private static final long serialVersionUID = 1L;
    private final TreeMap<Integer, PartitionReport> reports = new TreeMap<>();

    @Override public boolean isZero() { return reports.isEmpty(); }

    @Override public ReportAccumulator copy() {
        ReportAccumulator c = new ReportAccumulator();
        synchronized (this) {
            c.reports.putAll(reports);
        }
        return c;
    }

    @Override public synchronized void reset() { reports.clear(); }

    @Override public synchronized void add(PartitionReport r) { reports.put(r.partition, r); }

    @Override public synchronized void merge(AccumulatorV2<PartitionReport, Map<Integer, PartitionReport>> other) {
        reports.putAll(other.value());
    }

    @Override public synchronized Map<Integer, PartitionReport> value() { return new TreeMap<>(reports); }
}
