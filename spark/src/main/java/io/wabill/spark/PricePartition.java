package io.wabill.spark;

import io.wabill.data.log.RowError;
import io.wabill.report.SummaryTable;
import io.wabill.sim.engine.LedgerLine;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Prices one task's rows (whole portfolios, sorted by timestamp, file, line) with one pricing session, and hands
 * the ledger rows on as Spark rows, lazily: a task holds the session's open windows and horizon, never its output.
 *
 * <p>The session also sees every other timestamp of the log ({@code ticks}, the distinct timestamps of all tasks,
 * broadcast): {@code simulate} releases a message when the first row after its instant arrives, whichever portfolio
 * that row belongs to, and a message released earlier or later can be priced before or after a message whose status
 * row comes later (a delivery row, a sent-only message's horizon). Advancing the clock over the other tasks'
 * timestamps makes the release order, and so every price, that of one reader of the whole log.
 *
 * <p>At the end of its rows the task adds its {@link PartitionReport} (row accounting, skipped rows, summary cells)
 * to the job's {@link ReportAccumulator}.
 */
final class PricePartition implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    private final JobSettings settings;
    private final Broadcast<long[]> ticks;
    private final SimulateOptions.Format format;
    private final ReportAccumulator reports;
    private final boolean holdWhole;

    /** @param holdWhole each task holds its rows whole before pricing them ({@link PartitionPricer#holdWhole}) */
    PricePartition(JobSettings settings, Broadcast<long[]> ticks, SimulateOptions.Format format, ReportAccumulator reports,
                   boolean holdWhole) {
        this.settings = settings;
        this.holdWhole = holdWhole;
        this.ticks = ticks;
        this.format = format;
        this.reports = reports;
    }

    @Override public Iterator<Row> call(Iterator<Row> rows) {
        TaskContext task = TaskContext.get();
        return new Priced(rows, task == null ? 0 : task.partitionId());
    }

    private final class Priced implements Iterator<Row> {
        private Iterator<Row> in;
        private final List<String> files = settings.logs;
        private final long[] clock = ticks.value();
        private final PartitionReport report;
        private final SummaryTable summary = new SummaryTable();
        private final LedgerRows ledger = new LedgerRows();
        private final ArrayDeque<Row> out = new ArrayDeque<>();
        private final PartitionPricer pricer;
        private final long started = System.nanoTime();
        private final long startedCpu = cpu();
        private long firstRow;
        private int tick;
        private boolean headerWritten;
        private boolean finished;

        Priced(Iterator<Row> in, int partition) {
            this.in = in;
            this.report = new PartitionReport(partition);
            this.pricer = new PartitionPricer(PricingInputs.of(settings), this::line, this::skip, () -> report.outOfReach++);
            if (holdWhole) {
                // as simulate holds a short log: every row first, then the messages that get a delivery anywhere
                java.util.List<Row> all = new java.util.ArrayList<>();
                java.util.List<io.wabill.sim.events.LogRow> good = new java.util.ArrayList<>();
                while (in.hasNext()) {
                    Row r = in.next();
                    all.add(r);
                    if (!NormalizedRows.isError(r)) good.add(NormalizedRows.logRow(r, files));
                }
                pricer.holdWhole(io.wabill.sim.events.MessageAssembler.deliveredIds(good));
                this.in = all.iterator();
            }
        }

        @Override public boolean hasNext() {
            if (format == SimulateOptions.Format.CSV && !headerWritten) {
                // every part file starts with simulate's header, also one whose portfolios had no rows
                out.add(org.apache.spark.sql.RowFactory.create(LedgerRows.csvHeader()));
                headerWritten = true;
            }
            while (out.isEmpty() && !finished) {
                if (in.hasNext()) take(in.next());
                else finish();
            }
            return !out.isEmpty();
        }

        @Override public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            return out.poll();
        }

        private void take(Row r) {
            if (report.rowsIn++ == 0) {
                firstRow = System.nanoTime();
                report.firstRowNanos = firstRow - started;
                report.firstRowCpuNanos = cpu() - startedCpu;
            }
            if (NormalizedRows.isError(r)) {
                RowError e = NormalizedRows.rowError(r, files);
                record(e, r.getInt(3), NormalizedRows.isFatal(r));
                return;
            }
            long t = NormalizedRows.timestamp(r);
            long start = System.nanoTime();
            while (tick < clock.length && clock[tick] < t) pricer.advance(clock[tick++]);
            pricer.accept(NormalizedRows.logRow(r, files));
            report.pricingNanos += System.nanoTime() - start;
        }

        private void line(LedgerLine l) {
            summary.accept(l);
            report.ledgerRows++;
            if (format == SimulateOptions.Format.CSV) {
                out.add(ledger.csv(l));
            } else {
                out.add(ledger.parquet(l));
            }
        }

        private void skip(RowError e) {
            record(e, files.indexOf(e.file()), false);
        }

        private void record(RowError e, int fileIndex, boolean fatal) {
            report.skipped++;
            report.errors.add(new PartitionReport.Error(fileIndex, e.file(), e.line(), e.column(), e.value(), e.reason(), fatal));
        }

        private void finish() {
            long start = System.nanoTime();
            while (tick < clock.length) pricer.advance(clock[tick++]);
            report.merged = pricer.finish();
            report.pricingNanos += System.nanoTime() - start;
            finished = true;
            if (report.rowsIn != report.ledgerRows + report.merged + report.skipped) {
                throw new IllegalStateException("row accounting does not add up in task " + report.partition + ": "
                        + report.rowsIn + " rows in, " + report.ledgerRows + " ledger rows + " + report.merged
                        + " status rows merged + " + report.skipped + " skipped");
            }
            for (var e : summary.cells().entrySet()) {
                SummaryTable.Key k = e.getKey();
                report.summary.add(new PartitionReport.Cell(k.month(), k.account(), k.market(), k.billable(), k.type(),
                        k.currency(), e.getValue().messages(), e.getValue().units()));
            }
            report.cpuNanos = cpu() - startedCpu;
            report.afterFirstRowNanos = firstRow == 0 ? 0 : System.nanoTime() - firstRow;
            reports.add(report);
        }

        private long cpu() {
            java.lang.management.ThreadMXBean b = java.lang.management.ManagementFactory.getThreadMXBean();
            return b.isCurrentThreadCpuTimeSupported() ? b.getCurrentThreadCpuTime() : 0;
        }
    }
}
