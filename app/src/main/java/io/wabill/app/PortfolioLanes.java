package io.wabill.app;

import io.wabill.data.log.LogSource;
import io.wabill.data.log.RowErrorHandler;
import io.wabill.data.log.UnsortedLogException;
import io.wabill.report.LedgerWriter;
import io.wabill.report.RunTables;
import io.wabill.report.SummaryTable;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.api.Partition;
import io.wabill.sim.api.PricingConfig;
import io.wabill.sim.api.PricingSession;
import io.wabill.sim.api.RowAccounting;
import io.wabill.sim.api.RowProblem;
import io.wabill.sim.api.SessionOptions;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code simulate} on several cores: portfolios share nothing (the partition contract of
 * {@link io.wabill.sim.api.Partition}: tiers per portfolio, D6/D7; windows per pair, G6; CBP conversation ids per
 * account; an account and its numbers in one portfolio), so each lane prices the rows of its portfolios with its own
 * {@link PricingSession}, while this thread reads and routes the rows, and a merger takes the lanes' ledger lines in
 * the order one thread would have produced them, adds them to the summary and tables and writes the ledger.
 *
 * <p><b>Why a merger.</b> The merger, with the summary, tables and ledger formatting, runs beside the lanes, so a
 * pricing lane does nothing but price. A lane hands over copies of its lines ({@link LedgerLine#copyFrom}) in reused
 * chunks, so the hand-over allocates nothing in the steady state. Since the merger sees every line in the
 * single-threaded order, its summary and tables are that run's, cell for cell. The hand-over and the merge cost about
 * a third of a row's work in CPU (the lines and their messages cross cores), so the lanes are used from
 * {@link SimulationRun#LANES_FROM} threads; with two, {@link ReadAhead} reads beside one pricing thread instead.
 *
 * <p><b>Why the order is the same.</b> One thread emits a message while reading the first row of the log that
 * no later row can precede (its "trigger"), and the messages released at one trigger in (instant, customer
 * before business, input order). Every lane sees every row's timestamp (rows of other lanes only advance its
 * clock), so it releases each message at the same trigger; the merger orders rows by (trigger, instant,
 * priority, input order), which is that order.
 *
 * <p>Whatever could make a lane's output depend on another lane gives up the parallel run before anything is
 * committed, and the caller runs on one thread: a bad or rejected row, a message that cannot be priced (the
 * single-threaded run reports the first one exactly), an account or business number seen in two portfolios, or a log
 * that is not sorted.
 */
final class PortfolioLanes {
    /** Why the parallel run gave up; the caller runs the log on one thread. */
    static final class GaveUp extends Exception {
        GaveUp(String why) { super(why, null, false, false); }
    }

    /** What the lanes priced. */
    record Outcome(RowAccounting accounting, SummaryTable summary, int peakPairs, RunTables tables) {}

    private static final int BATCH = 4096;
    /** Ledger lines a lane hands to the merger at once. */
    private static final int CHUNK_ROWS = 256;
    private static final long FINISH = Long.MAX_VALUE;

    private final int threads;
    private final AccountBook accounts;
    private final PricingConfig config;
    /** The lane of each portfolio, as the router assigns them; read by the lanes' sessions to refuse others' rows. */
    private final Map<String, Integer> laneOfPortfolio = new ConcurrentHashMap<>();
    private final LedgerWriter ledger;
    private final Supplier<RunTables> tables;
    private final AtomicReference<String> gaveUp = new AtomicReference<>();
    private final AtomicReference<Throwable> failed = new AtomicReference<>();

    /** @param ledger null without a ledger */
    PortfolioLanes(int threads, PricingConfig config, LedgerWriter ledger, Supplier<RunTables> tables) {
        this.tables = tables;
        this.threads = threads;
        this.config = config;
        this.accounts = config.accounts();
        this.ledger = ledger;
    }

    Outcome run(LogSource source) throws IOException, UnsortedLogException, GaveUp {
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < threads; i++) lanes.add(new Lane(i));
        List<Thread> workers = new ArrayList<>();
        for (Lane lane : lanes) workers.add(start("wabill-lane-" + lane.index, lane::run));
        Merger merger = new Merger(lanes);
        workers.add(start("wabill-ledger", merger::run));
        Router router = new Router(lanes);
        try {
            source.stream(router::accept);
            router.finish();
        } catch (Abort a) {
            // a lane or the merger gave up; the reason is in gaveUp or failed
        } catch (RuntimeException | IOException | UnsortedLogException e) {
            giveUp("the reader stopped");
            stopAll(workers);
            throw e;
        }
        for (Thread t : workers) join(t);
        if (failed.get() != null) {
            Throwable t = failed.get();
            if (t instanceof RuntimeException r) throw r;
            throw new IllegalStateException("a lane failed", t);
        }
        if (gaveUp.get() != null) throw new GaveUp(gaveUp.get());
        RowAccounting accounting = RowAccounting.ZERO;
        int peak = 0;
        long lines = 0;
        for (Lane lane : lanes) {
            accounting = accounting.plus(lane.accounting);
            peak += lane.session.peakPairs();
            lines += lane.lines;
        }
        if (accounting.rowsIn() != router.rows)
            throw new IllegalStateException("the router sent " + router.rows + " rows but the lanes saw " + accounting.rowsIn());
        if (merger.lines != lines)
            throw new IllegalStateException("the lanes priced " + lines + " lines but the merger took " + merger.lines);
        return new Outcome(accounting.checked(), merger.summary, peak, merger.tables);
    }

    /** The handler for bad rows while reading: the parallel run gives up and one thread reports them. */
    RowErrorHandler badRows() {
        return e -> {
            giveUp("a bad row");
            throw new Abort();
        };
    }

    private void giveUp(String why) { gaveUp.compareAndSet(null, why); }

    private boolean stopping() { return gaveUp.get() != null || failed.get() != null; }

    private Thread start(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Abort a) {
                // gave up: recorded already
            } catch (Throwable e) {
                failed.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + t.getName(), e);
        }
    }

    private static void stopAll(List<Thread> workers) {
        for (Thread t : workers) join(t);
    }

    /** Unwinds a thread once the run has given up. */
    private static final class Abort extends RuntimeException {
        Abort() { super(null, null, false, false); }
    }

    private <T> void put(BlockingQueue<T> q, T item) {
        try {
            while (!q.offer(item, 20, TimeUnit.MILLISECONDS)) if (stopping()) throw new Abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abort();
        }
    }

    private <T> T take(BlockingQueue<T> q) {
        try {
            while (true) {
                T item = q.poll(20, TimeUnit.MILLISECONDS);
                if (item != null) return item;
                if (stopping()) throw new Abort();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abort();
        }
    }

    /** Rows of the log in order, each with its lane; every lane reads every batch. */
    private static final class Batch {
        final LogRow[] rows = new LogRow[BATCH];
        final byte[] lane = new byte[BATCH];
        /** Index in the log (the assembler's input order) of rows[0]. */
        final long first;
        int size;
        boolean last;

        Batch(long first) { this.first = first; }
    }

    /** Routes rows to lanes by portfolio, and checks that accounts and numbers stay in one portfolio. */
    private final class Router {
        private final List<Lane> lanes;
        private final Map<String, Integer> laneOfAccount = new HashMap<>();
        private final Map<String, Integer> laneOfBusiness = new HashMap<>();
        private final Map<String, String> portfolioOfAccount = new HashMap<>();
        private Batch batch = new Batch(0);
        long rows;

        Router(List<Lane> lanes) { this.lanes = lanes; }

        void accept(LogRow row) {
            if (stopping()) throw new Abort();
            String portfolio = row.portfolio() != null && !row.portfolio().isEmpty() ? row.portfolio()
                    : portfolioOfAccount.computeIfAbsent(row.account(), a -> accounts.get(a).portfolio());
            Integer lane = laneOfPortfolio.get(portfolio);
            if (lane == null) {
                lane = laneOfPortfolio.size() % threads;
                laneOfPortfolio.put(portfolio, lane);
            }
            Integer accountLane = laneOfAccount.putIfAbsent(row.account(), lane);
            if (accountLane != null && !accountLane.equals(lane)) stop("account " + row.account() + " is in two portfolios");
            Integer businessLane = laneOfBusiness.get(row.business());
            if (businessLane == null) {
                String normalized = row.business().startsWith("+") ? row.business().substring(1) : row.business();
                businessLane = laneOfBusiness.putIfAbsent(normalized, lane);
                laneOfBusiness.put(row.business(), businessLane == null ? lane : businessLane);
            }
            if (businessLane != null && !businessLane.equals(lane)) stop("number " + row.business() + " is in two portfolios");
            Batch b = batch;
            b.rows[b.size] = row;
            b.lane[b.size] = (byte) (int) lane;
            b.size++;
            rows++;
            if (b.size == BATCH) {
                dispatch(b);
                batch = new Batch(rows);
            }
        }

        private void stop(String why) {
            giveUp(why);
            throw new Abort();
        }

        void finish() {
            batch.last = true;
            dispatch(batch);
        }

        private void dispatch(Batch b) {
            for (Lane lane : lanes) put(lane.in, b);
        }
    }

    /** A lane's ledger lines between two batches (copies), with their merge keys. */
    private static final class Chunk {
        LedgerLine[] lines = new LedgerLine[64];
        long[] trigger = new long[64];
        long[] instant = new long[64];
        long[] sequence = new long[64];
        byte[] priority = new byte[64];
        int count;
        /** Every row of this lane released at a trigger up to here is in this chunk or an earlier one. */
        long through;
        boolean last;

        Chunk clear() {
            count = 0;
            last = false;
            return this;
        }

        void add(LedgerLine line, long trig, long inst, int prio, long seq) {
            if (count == lines.length) {
                int n = count * 2;
                lines = Arrays.copyOf(lines, n);
                trigger = Arrays.copyOf(trigger, n);
                instant = Arrays.copyOf(instant, n);
                sequence = Arrays.copyOf(sequence, n);
                priority = Arrays.copyOf(priority, n);
            }
            LedgerLine copy = lines[count];
            if (copy == null) lines[count] = copy = new LedgerLine();
            copy.copyFrom(line);
            trigger[count] = trig;
            instant[count] = inst;
            priority[count] = (byte) prio;
            sequence[count] = seq;
            count++;
        }
    }

    /** One lane: a pricing session of the portfolios the router gives it. */
    private final class Lane {
        final int index;
        final BlockingQueue<Batch> in = new ArrayBlockingQueue<>(4);
        final BlockingQueue<Chunk> out = new ArrayBlockingQueue<>(32);
        /** Chunks the merger has written, for reuse: a lane's output then allocates nothing in steady state. */
        final BlockingQueue<Chunk> spare = new ArrayBlockingQueue<>(32);
        final PricingSession session;
        RowAccounting accounting;
        /** Lines handed to the merger. */
        long lines;
        private Chunk chunk = new Chunk();
        private long trigger;

        Lane(int index) {
            this.index = index;
            Partition mine = Partition.of(portfolio -> {
                Integer lane = laneOfPortfolio.get(portfolio);
                return lane != null && lane == index;
            });
            this.session = config.newLineSession(this::line, SessionOptions.defaults().withPartition(mine).withProblems(this::problem));
        }

        void run() {
            while (true) {
                Batch b = take(in);
                for (int i = 0; i < b.size; i++) {
                    trigger = b.first + i;
                    LogRow row = b.rows[i];
                    if (b.lane[i] == index) session.accept(row, trigger);
                    else session.advanceTo(row.timestamp());
                    if (chunk.count >= CHUNK_ROWS) flush(trigger, false);
                }
                if (b.last) {
                    trigger = FINISH;
                    accounting = session.finish();
                }
                flush(b.last ? FINISH : b.first + b.size - 1, b.last);
                if (b.last) return;
            }
        }

        private void flush(long through, boolean last) {
            Chunk c = chunk;
            c.through = through;
            c.last = last;
            put(out, c);
            Chunk next = spare.poll();
            chunk = next != null ? next : new Chunk();
        }

        /** A message that cannot be priced or a rejected status row: one thread reports the first one exactly. */
        private void problem(RowProblem p) {
            giveUp("a message that cannot be priced or a rejected row");
            throw new Abort();
        }

        private void line(LedgerLine l) {
            Message m = l.message();
            chunk.add(l, trigger, session.currentInstant(), m.isInbound() ? 0 : 1, m.sequence());
            lines++;
        }
    }

    /**
     * Takes the lanes' lines in one order, (trigger, instant, priority, input order), into the summary, the tables and
     * the ledger.
     */
    private final class Merger {
        private final List<Lane> lanes;
        final SummaryTable summary = new SummaryTable();
        final RunTables tables = PortfolioLanes.this.tables.get();
        long lines;
        private final Chunk[] head;
        private final int[] at;

        Merger(List<Lane> lanes) {
            this.lanes = lanes;
            this.head = new Chunk[lanes.size()];
            this.at = new int[lanes.size()];
            this.needed = new boolean[lanes.size()];
            this.pending = new Chunk[lanes.size()];
        }

        void run() {
            int n = lanes.size();
            for (int i = 0; i < n; i++) head[i] = take(lanes.get(i).out);
            while (true) {
                int best = -1;
                boolean waiting = false;
                for (int i = 0; i < n; i++) {
                    Chunk c = head[i];
                    if (at[i] < c.count) {
                        if (best < 0 || less(c, at[i], head[best], at[best])) best = i;
                    }
                }
                // A lane with nothing buffered may still send a row before the best one: take the next chunk of
                // any such lane that has one, and look again. Waiting on one lane alone could wait forever: the
                // reader may be blocked on another lane whose output is full.
                for (int i = 0; i < n; i++) {
                    Chunk c = head[i];
                    needed[i] = at[i] >= c.count && !c.last && (best < 0 || c.through < head[best].trigger[at[best]]);
                    waiting |= needed[i];
                }
                if (waiting) {
                    int i = nextChunk(needed);
                    Chunk old = head[i];
                    head[i] = pending[i] != null ? pending[i] : lanes.get(i).out.poll();
                    pending[i] = null;
                    at[i] = 0;
                    lanes.get(i).spare.offer(old.clear());
                }
                if (waiting) continue;
                if (best < 0) return; // every lane is done
                accept(head[best].lines[at[best]++]);
            }
        }

        /** One line, in the run's order: into the summary, the tables and the ledger. */
        private void accept(LedgerLine line) {
            summary.accept(line);
            tables.accept(line);
            if (ledger != null) ledger.accept(line);
            lines++;
        }

        private final boolean[] needed;

        /**
         * A lane among {@code needed} whose next chunk is there, waiting until one is: blocked on the first such
         * lane for at most a millisecond at a time, then looking at all of them again.
         */
        private int nextChunk(boolean[] needed) {
            try {
                while (true) {
                    int first = -1;
                    for (int i = 0; i < needed.length; i++) {
                        if (!needed[i]) continue;
                        if (!lanes.get(i).out.isEmpty()) return i;
                        if (first < 0) first = i;
                    }
                    if (stopping()) throw new Abort();
                    Chunk c = lanes.get(first).out.poll(1, TimeUnit.MILLISECONDS);
                    if (c != null) {
                        pending[first] = c;
                        return first;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Abort();
            }
        }

        /** A chunk taken while waiting, handed out by {@link #nextChunk} before the lane's queue. */
        private final Chunk[] pending;

        private boolean less(Chunk a, int i, Chunk b, int j) {
            if (a.trigger[i] != b.trigger[j]) return a.trigger[i] < b.trigger[j];
            if (a.instant[i] != b.instant[j]) return a.instant[i] < b.instant[j];
            if (a.priority[i] != b.priority[j]) return a.priority[i] < b.priority[j];
            return a.sequence[i] < b.sequence[j];
        }
    }
}
