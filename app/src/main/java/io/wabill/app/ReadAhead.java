package io.wabill.app;

import io.wabill.data.log.LogSource;
import io.wabill.data.log.RowError;
import io.wabill.data.log.RowErrorHandler;
import io.wabill.data.log.UnsortedLogException;
import io.wabill.report.Threads;
import io.wabill.sim.events.LogRowFields;
import io.wabill.sim.events.RowBuffer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A log read and parsed on a thread of its own while the caller's thread prices it: {@code simulate --threads 2} of
 * a log that one pricing session takes (one portfolio, or a run the lanes cannot split). The reader is about a
 * quarter of a row's cost; beside it the pricing thread does everything else exactly as one thread does, so the
 * outputs are the single-threaded run's by construction.
 *
 * <p>Rows go over in batches with the reader's bad rows among them in their place, and the pricing thread calls the
 * run's own {@link RowErrorHandler} for each, so a skipped row is counted, and a stopping one stops the run, after
 * exactly the rows before it. Whatever ends the reader (the end of the log, a log found unsorted, a read error) is
 * raised on the pricing thread after the last row read before it. When pricing stops first (an exception of the
 * session), the reader is stopped and waited for, so its files are closed before the caller retries or rolls back.
 * Batches are recycled with their rows: each holds {@link #BATCH} {@link RowBuffer}s that the reader fills and the
 * pricing thread reads, so neither the hand-over nor the rows allocate in the steady state (a row's id and customer
 * strings are the reader's).
 */
final class ReadAhead {
    /** Rows per hand-over: large enough that the queue costs nothing per row, small enough to stay in the cache. */
    static final int BATCH = 1024;
    private static final int IN_FLIGHT = 8;

    private static final class Batch {
        /** Rows (one of {@link #rows}) and bad rows ({@link RowError}) in the order read. */
        final Object[] items = new Object[BATCH];
        /** The batch's own row buffers, filled again each time it goes round. */
        final RowBuffer[] rows = new RowBuffer[BATCH];
        int size;

        Batch() {
            for (int i = 0; i < BATCH; i++) rows[i] = new RowBuffer();
        }
        /** The last batch of the pass: why the reader stopped, null at the end of the log. */
        boolean last;
        Throwable failure;
    }

    private final ArrayBlockingQueue<Batch> full = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final ArrayBlockingQueue<Batch> empty = new ArrayBlockingQueue<>(IN_FLIGHT + 2);
    private volatile boolean stopped;
    private Batch filling = new Batch();

    /** The handler to give the {@link LogSource}: it puts the bad row in its place among the rows. */
    RowErrorHandler badRows() { return this::add; }

    /** The reader's row, copied into the next buffer of the batch being filled. */
    private void addRow(LogRowFields row) {
        add(filling.rows[filling.size].set(row));
    }

    /**
     * Reads {@code source} on a new thread and hands each row to {@code rows} and each bad row to {@code errors} on
     * this one, in the log's order; returns when the log is read and handed over, or throws what stopped either side.
     */
    void stream(LogSource source, Consumer<? super LogRowFields> rows, RowErrorHandler errors) throws IOException, UnsortedLogException {
        Thread reader = new Thread(() -> read(source), "wabill-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Batch b = full.take();
                Object[] items = b.items;
                for (int i = 0, n = b.size; i < n; i++) {
                    Object item = items[i];
                    items[i] = null;
                    if (item instanceof RowBuffer row) rows.accept(row);
                    else errors.badRow((RowError) item);
                }
                if (b.last) {
                    rethrow(b.failure);
                    return;
                }
                b.size = 0;
                empty.offer(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while pricing the log");
        } finally {
            stopped = true;
            Threads.join(reader);
        }
    }

    private void read(LogSource source) {
        Throwable failure = null;
        try {
            source.scan(this::addRow);
        } catch (Stopped s) {
            return; // pricing stopped first: nobody takes the rest
        } catch (Throwable t) {
            failure = t;
        }
        Batch b = filling;
        b.last = true;
        b.failure = failure;
        try {
            hand(b);
        } catch (Stopped s) {
            // pricing stopped first
        }
    }

    private void add(Object item) {
        Batch b = filling;
        b.items[b.size++] = item;
        if (b.size == BATCH) {
            hand(b);
            Batch next = empty.poll();
            filling = next != null ? next : new Batch();
        }
    }

    /** Hands a batch over, waiting while the pricing thread is behind; gives up once it has stopped. */
    private void hand(Batch b) {
        try {
            while (!full.offer(b, 20, TimeUnit.MILLISECONDS)) if (stopped) throw new Stopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private static void rethrow(Throwable t) throws IOException, UnsortedLogException {
        if (t == null) return;
        if (t instanceof IOException e) throw e;
        if (t instanceof UnsortedLogException e) throw e;
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException("the reader failed", t);
    }

    /** Unwinds the reader once the pricing thread has stopped taking rows. */
    private static final class Stopped extends RuntimeException {
        Stopped() { super(null, null, false, false); }
    }
}
