package io.wabill.data.log;

import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.LogRowFields;
import io.wabill.sim.events.RowBuffer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The rows of one or several log files in timestamp order. Files that are each sorted by time are merged
 * as streams (k-way), so memory does not grow with the log; an unsorted file is detected at its first
 * step back in time, and the caller can fall back to {@link #loadSorted}, which holds the rows in memory
 * up to a stated bound.
 */
public final class LogSource {
    /** Row order among equal timestamps: file, then line, so a run is deterministic. */
    public static final Comparator<LogRowFields> ORDER = Comparator.comparingLong(LogRowFields::timestamp)
            .thenComparingInt(LogRowFields::fileIndex).thenComparingLong(LogRowFields::line);

    private final List<Path> files;
    private final RowErrorHandler errors;
    private long rowsRead;
    private final java.util.concurrent.atomic.AtomicLong bytesRead = new java.util.concurrent.atomic.AtomicLong();

    public LogSource(List<Path> files, RowErrorHandler errors) {
        if (files.isEmpty()) throw new IllegalArgumentException("at least one log file is needed");
        this.files = List.copyOf(files);
        this.errors = errors;
    }

    /** Bytes read so far by the current pass (compressed bytes for .gz files), for progress. */
    public long bytesRead() { return bytesRead.get(); }

    /** The total size of the input files in bytes. */
    public long totalBytes() {
        long total = 0;
        for (Path p : files) {
            try {
                total += java.nio.file.Files.size(p);
            } catch (IOException e) {
                // a missing file is reported when it is opened
            }
        }
        return total;
    }

    /** Data rows read, good and bad, by the last pass. */
    public long rowsRead() { return rowsRead; }

    /** Streams the rows of time-sorted files in order, each a record to keep; throws when a file is not sorted. */
    public void stream(Consumer<LogRow> out) throws IOException, UnsortedLogException {
        scan(row -> out.accept(row.toLogRow()));
    }

    /**
     * Streams the rows of time-sorted files in order; throws when a file turns out not to be sorted. Each row is
     * given in a buffer the reader fills again for the next one, valid only during the call: for a consumer that
     * keeps nothing of a row but copies, such as {@link io.wabill.sim.api.PricingSession#accept}, so reading
     * allocates no row object.
     */
    public void scan(Consumer<? super LogRowFields> out) throws IOException, UnsortedLogException {
        rowsRead = 0;
        bytesRead.set(0);
        List<LogReader> readers = new ArrayList<>();
        try {
            if (files.size() == 1) { // one file: no merge, no comparator per row
                LogReader r = new LogReader(files.get(0), 0, errors, bytesRead);
                readers.add(r);
                RowBuffer row = new RowBuffer();
                long before = Long.MIN_VALUE;
                while (r.next(row)) {
                    if (row.timestamp() < before) throw unsorted(row, before);
                    before = row.timestamp();
                    out.accept(row);
                }
                return;
            }
            PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(h -> h.row, ORDER));
            for (int i = 0; i < files.size(); i++) {
                LogReader r = new LogReader(files.get(i), i, errors, bytesRead);
                readers.add(r);
                Head h = new Head(r);
                if (r.next(h.row)) heads.add(h);
            }
            while (!heads.isEmpty()) {
                Head h = heads.poll();
                out.accept(h.row);
                long before = h.row.timestamp();
                if (h.reader.next(h.row)) {
                    if (h.row.timestamp() < before) throw unsorted(h.row, before);
                    heads.add(h);
                }
            }
        } finally {
            for (LogReader r : readers) {
                rowsRead += r.rowsRead();
                r.close();
            }
        }
    }

    private static UnsortedLogException unsorted(LogRowFields next, long before) {
        return new UnsortedLogException(next.file(), next.line(), "is earlier (" + Instant.ofEpochMilli(next.timestamp())
                + ") than the row before it (" + Instant.ofEpochMilli(before) + ")");
    }

    /**
     * Reads every row into memory and sorts it. Fails with a clear message past {@code maxRows} rows, the
     * bound on what an unsorted log may hold, or past a third of the heap ({@link #defaultMaxBytes()}), so an
     * unsorted log too large for the heap stops with that message instead of an OutOfMemoryError.
     */
    public List<LogRow> loadSorted(long maxRows) throws IOException { return loadSorted(maxRows, defaultMaxBytes()); }

    /** The heap an unsorted log may take by default: a third of the JVM's maximum (sorting and pricing need the rest). */
    public static long defaultMaxBytes() { return Runtime.getRuntime().maxMemory() / 3; }

    /** As {@link #loadSorted(long)}, with the bound on the rows' estimated heap given in bytes. */
    public List<LogRow> loadSorted(long maxRows, long maxBytes) throws IOException {
        rowsRead = 0;
        bytesRead.set(0);
        List<LogRow> rows = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < files.size(); i++) {
            try (LogReader r = new LogReader(files.get(i), i, errors, bytesRead)) {
                LogRow row;
                while ((row = r.next()) != null) {
                    rows.add(row);
                    bytes += heapBytes(row);
                    if (rows.size() > maxRows) {
                        throw new LogFormatException(new RowError(row.file(), row.line(), "timestamp", "",
                                "the log is not sorted by time and has more than " + maxRows + " rows, the most an "
                                + "unsorted log may hold in memory; sort it by timestamp first, or raise "
                                + "--max-unsorted-rows (and the heap, about 400 bytes a row)"));
                    }
                    if (bytes > maxBytes) {
                        throw new LogFormatException(new RowError(row.file(), row.line(), "timestamp", "",
                                String.format(java.util.Locale.ROOT, "the log is not sorted by time and its first %,d "
                                + "rows already take about %,d MB, a third of the heap (-Xmx); sort it by timestamp "
                                + "first, or give the JVM more heap", rows.size(), bytes >> 20)));
                    }
                }
                rowsRead += r.rowsRead();
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    /** A row's heap as held in the list: the row object, its two own strings (names are shared), the slot. */
    private static long heapBytes(LogRow row) {
        long ids = (row.messageId() == null ? 0 : 48 + row.messageId().length()) + 48 + row.customer().length();
        return 128 + ids;
    }

    /** A file being merged, with its next row. */
    private static final class Head {
        final LogReader reader;
        final RowBuffer row = new RowBuffer();

        Head(LogReader reader) { this.reader = reader; }
    }
}
