package io.wabill.spark;

import io.wabill.data.log.LogFormatException;
import io.wabill.data.log.LogReader;
import io.wabill.data.log.RowError;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.events.LogRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * One task per log file: the file is read by wabill's own {@link LogReader} (the same CSV scanner, normalisation,
 * line numbers and error reasons as {@code simulate}; plain or gzip), row by row, never held whole. A file on a
 * Hadoop file system (hdfs://, s3a://) is first copied to the task's local disk, since the reader reads paths.
 */
final class LogFileReader implements FlatMapFunction<Integer, Row> {
    private static final long serialVersionUID = 1L;
    private final JobSettings settings;
    private final ClockAccumulator clock;

    LogFileReader(JobSettings settings, ClockAccumulator clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override public Iterator<Row> call(Integer fileIndex) throws IOException {
        return new Rows(fileIndex, PricingInputs.of(settings).accounts);
    }

    /** The rows of one file, with each bad row before the good row that follows it. */
    private final class Rows implements Iterator<Row> {
        private final int index;
        private final String name;
        private final AccountBook accounts;
        private final ArrayDeque<Row> pending = new ArrayDeque<>();
        private LogReader reader;
        private Path copy;
        private boolean done;
        /** The file's distinct timestamps, for the log's clock (ClockAccumulator). */
        private long[] times = new long[1024];
        private int timeCount;
        private boolean sorted = true;
        private final ClockAccumulator.Routing routing = new ClockAccumulator.Routing();

        Rows(int index, AccountBook accounts) throws IOException {
            this.index = index;
            this.name = settings.logs.get(index);
            this.accounts = accounts;
            try {
                reader = new LogReader(localPath(), index, this::bad);
            } catch (LogFormatException e) {
                fatal(e.error());
            }
        }

        private Path localPath() throws IOException {
            Path local = Path.of(name.startsWith("file:") ? URI.create(name).getPath() : name);
            if (!name.contains("://") || name.startsWith("file:")) return local;
            org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(name);
            FileSystem fs = remote.getFileSystem(new Configuration());
            String suffix = name.endsWith(".gz") ? ".csv.gz" : ".csv";
            copy = Files.createTempFile("wabill-log", suffix);
            try (InputStream in = fs.open(remote)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        }

        private void bad(RowError e) {
            pending.add(NormalizedRows.error(index, e, false));
        }

        private void fatal(RowError e) {
            pending.add(NormalizedRows.error(index, e, true));
            close();
        }

        @Override public boolean hasNext() {
            while (pending.isEmpty() && !done) {
                LogRow row;
                try {
                    row = reader.next();
                } catch (LogFormatException e) {
                    fatal(e.error());
                    break;
                }
                if (row == null) {
                    close();
                    reportTimes();
                } else {
                    time(row.timestamp());
                    Row routed = NormalizedRows.of(row, accounts);
                    routing.add(row.account(), row.business(), NormalizedRows.portfolio(routed));
                    pending.add(routed);
                }
            }
            return !pending.isEmpty();
        }

        private void time(long t) {
            if (timeCount > 0) {
                long last = times[timeCount - 1];
                if (last == t) return;
                if (t < last) sorted = false;
            }
            if (timeCount == times.length) times = java.util.Arrays.copyOf(times, timeCount * 2);
            times[timeCount++] = t;
        }

        private void reportTimes() {
            long[] t = java.util.Arrays.copyOf(times, timeCount);
            times = null;
            if (!sorted) t = SparkSimulation.distinct(java.util.List.of(t));
            clock.add(new ClockAccumulator.Part(index, t, routing.accounts, routing.businesses, reader.rowsRead(), sorted));
        }

        @Override public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            return pending.poll();
        }

        private void close() {
            done = true;
            try {
                if (reader != null) reader.close();
                if (copy != null) Files.deleteIfExists(copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
