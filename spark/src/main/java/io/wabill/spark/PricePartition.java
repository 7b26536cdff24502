package io.wabill.spark;

import io.wabill.app.FlagNames;
import io.wabill.report.RunTables;
import io.wabill.report.SummaryTable;
import io.wabill.sim.api.MonthTotals;
import io.wabill.sim.api.Partition;
import io.wabill.sim.api.RowAccounting;
import io.wabill.sim.api.RowProblem;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.events.LogRow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapFunction2;
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
 * <p>Under whole-month bands (A3) the task reads its rows twice ({@link #call(Iterator, Iterator)}, the same sorted
 * partition zipped with itself): a counting session over the first copy gives each month's final count, the pricing
 * session prices the second. Memory stays bounded (Spark sorts each copy, spilling as it needs); the cost is a second
 * shuffle fetch and sort of the task's rows.
 *
 * <p>At the end of its rows the task adds its {@link PartitionReport} (the session's row accounting, skipped rows,
 * summary cells, daily, tier and template rows) to the job's {@link ReportAccumulator}.
 */
final class PricePartition implements FlatMapFunction<Iterator<Row>, Row>, FlatMapFunction2<Iterator<Row>, Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    private final JobSettings settings;
    private final Broadcast<long[]> ticks;
    private final ReportAccumulator reports;
    private final boolean holdWhole;
    private final int partitions;

    /**
     * @param partitions the number of pricing tasks (one: the task is the whole log)
     * @param holdWhole  each task holds its rows whole before pricing them ({@link PartitionPricer#holdWhole})
     */
    PricePartition(JobSettings settings, Broadcast<long[]> ticks, ReportAccumulator reports, int partitions,
                   boolean holdWhole) {
        this.settings = settings;
        this.ticks = ticks;
        this.reports = reports;
        this.partitions = partitions;
        this.holdWhole = holdWhole;
    }

    /** The task's rows, priced in one pass (graduated bands). */
    @Override public Iterator<Row> call(Iterator<Row> rows) {
        return new Priced(null, rows, partition());
    }

    /** Whole-month bands (A3): {@code counting} and {@code rows} are the same rows, counted first, then priced. */
    @Override public Iterator<Row> call(Iterator<Row> counting, Iterator<Row> rows) {
        return new Priced(counting, rows, partition());
    }

    private static int partition() {
        TaskContext task = TaskContext.get();
        return task == null ? 0 : task.partitionId();
    }

    private final class Priced implements Iterator<Row> {
        private final Iterator<Row> in;
        private final PricingInputs inputs = PricingInputs.of(settings);
        private final List<String> files = settings.logs;
        private final long[] clock = ticks.value();
        private final Partition portfolios;
        private final PartitionReport report;
        private final SummaryTable summary = new SummaryTable();
        private final RunTables tables = new RunTables(inputs.accounts, inputs.catalog.rates(), false);
        private final LedgerRows ledger;
        private final ArrayDeque<Row> out = new ArrayDeque<>();
        private final PartitionPricer pricer;
        private final long started = System.nanoTime();
        private final long startedCpu = cpu();
        private long firstRow;
        private long rowsSeen;
        /** The bad row being skipped: its file index and whether the file could not be read on. */
        private int badFile = -1;
        private boolean badFatal;
        private boolean headerWritten;
        private boolean finished;

        Priced(Iterator<Row> counting, Iterator<Row> rows, int partition) {
            this.report = new PartitionReport(partition);
            this.portfolios = partitions == 1 ? Partition.wholeLog() : new TaskPortfolios(partitions, partition);
            this.ledger = new LedgerRows(inputs.options.mask());
            List<Row> held = null;
            List<LogRow> heldRows = null;
            if (holdWhole) {
                // as simulate holds a short log: every row first, then the messages that get a delivery anywhere
                held = new ArrayList<>();
                heldRows = new ArrayList<>();
                Iterator<Row> source = counting != null ? counting : rows;
                while (source.hasNext()) {
                    Row r = source.next();
                    held.add(r);
                    if (!NormalizedRows.isError(r)) heldRows.add(NormalizedRows.logRow(r, files));
                }
            }
            MonthTotals totals = counting == null ? null : count(held != null ? held.iterator() : counting, heldRows);
            this.pricer = PartitionPricer.pricing(inputs, portfolios, clock, this::line, this::problem, totals);
            if (heldRows != null) pricer.holdWhole(heldRows);
            this.in = held != null ? held.iterator() : rows;
        }

        /** A3: the counting pass over the task's rows (bad rows have nothing to count). */
        private MonthTotals count(Iterator<Row> rows, List<LogRow> held) {
            PartitionPricer counter = PartitionPricer.counting(inputs, portfolios, clock);
            if (held != null) counter.holdWhole(held);
            while (rows.hasNext()) {
                Row r = rows.next();
                if (!NormalizedRows.isError(r)) counter.accept(NormalizedRows.logRow(r, files));
            }
            counter.finish();
            return counter.monthTotals();
        }

        @Override public boolean hasNext() {
            if (inputs.options.format == SimulateOptions.Format.CSV && !headerWritten) {
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
            if (rowsSeen++ == 0) {
                firstRow = System.nanoTime();
                report.firstRowNanos = firstRow - started;
                report.firstRowCpuNanos = cpu() - startedCpu;
            }
            if (NormalizedRows.isError(r)) {
                badFile = r.getInt(3);
                badFatal = NormalizedRows.isFatal(r);
                var e = NormalizedRows.rowError(r, files);
                pricer.skip(new RowProblem(e.file(), e.line(), e.column(), e.value(), e.reason(), 1));
                badFile = -1;
                badFatal = false;
                return;
            }
            long start = System.nanoTime();
            pricer.accept(NormalizedRows.logRow(r, files));
            report.pricingNanos += System.nanoTime() - start;
        }

        private void line(LedgerLine l) {
            summary.accept(l);
            tables.accept(l);
            out.add(inputs.options.format == SimulateOptions.Format.CSV ? ledger.csv(l) : ledger.parquet(l));
        }

        /** A row that ends in no ledger row: recorded with simulate's reason and flag names; the driver decides. */
        private void problem(RowProblem p) {
            if (p.kind() == RowProblem.Kind.OUT_OF_REACH) report.outOfReach++;
            int file = badFile >= 0 ? badFile : files.indexOf(p.file());
            report.errors.add(new PartitionReport.Error(file, p.file(), p.line(), p.column(), p.value(),
                    FlagNames.of(p.reason()), badFatal));
        }

        private void finish() {
            long start = System.nanoTime();
            RowAccounting a = pricer.finish(); // checked: rows in = ledger rows + merged + skipped
            report.pricingNanos += System.nanoTime() - start;
            finished = true;
            report.rowsIn = a.rowsIn();
            report.ledgerRows = a.ledgerRows();
            report.merged = a.rowsMerged();
            report.skipped = a.rowsSkipped();
            report.withheld = a.rowsWithheld();
            for (var e : summary.cells().entrySet()) {
                SummaryTable.Key k = e.getKey();
                report.summary.add(new PartitionReport.Cell(k.month(), k.account(), k.market(), k.billable(), k.type(),
                        k.currency(), e.getValue().messages(), e.getValue().units()));
            }
            report.tables = TaskTables.of(tables);
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
