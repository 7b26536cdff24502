package io.wabill.bench;

// Run: java -jar benchmarks/target/benchmarks.jar WindowBenchmark -f 1 -wi 2 -i 3 -prof gc
// (build first: ./mvnw -o -q package -DskipTests -pl benchmarks -am)

import io.wabill.sim.engine.WindowTracker;
import java.util.HashMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * (a) The window-tracking loop: per event, the lookup and update of a pair's customer service window, free
 * entry point window and CBP conversations, over 10k, 1M and 10M pairs. 8M events arrive as a Poisson
 * stream over 30 days (a mean gap of 0.32 s), a third of them customers' messages (3% click-to-WhatsApp ads),
 * the rest business messages of four conversation slots. Each invocation replays them a month after the
 * previous one into the same tracker, so the score is the steady state of a long log (the table grown, swept
 * pairs reused). The baseline keeps the same state in a {@code HashMap<Object, Object>} keyed by a pair object,
 * as straightforward code would (and never forgets a pair). Score: events/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class WindowBenchmark {
    static final int EVENTS = 8_000_000;
    static final long DAY = 86_400_000L;

    @Param({"10000", "1000000", "10000000"})
    public int pairs;

    long[] time;
    long[] business;
    long[] customer;
    /** 0 customer message, 1 customer message from an ad, 2 utility template, 3..5 another slot. */
    byte[] kind;

    WindowTracker tracker;
    HashMap<Object, Object> states;
    long offset;
    long span;

    @Setup(Level.Trial)
    public void events() {
        SplittableRandom rnd = new SplittableRandom(8);
        time = new long[EVENTS];
        business = new long[EVENTS];
        customer = new long[EVENTS];
        kind = new byte[EVENTS];
        double t = 1_790_000_000_000.0;
        double meanGap = 30.0 * DAY / EVENTS;
        for (int i = 0; i < EVENTS; i++) {
            t += -Math.log(1 - rnd.nextDouble()) * meanGap;
            time[i] = (long) t;
            int pair = rnd.nextInt(pairs);
            business[i] = 1 + pair % 64;
            customer[i] = 5_511_900_000_000L + pair * 7919L;
            int roll = rnd.nextInt(100);
            kind[i] = (byte) (roll < 30 ? 0 : roll < 33 ? 1 : roll < 60 ? 2 : 3 + roll % 3);
        }
        span = time[EVENTS - 1] - time[0] + DAY;
        tracker = new WindowTracker(3 * DAY);
        states = new HashMap<>();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void windowTracker(Blackhole bh) {
        WindowTracker w = tracker;
        long[] t = time, b = business, c = customer;
        byte[] k = kind;
        long shift = offset;
        offset += span;
        int outcomes = 0;
        for (int i = 0; i < EVENTS; i++) {
            int kk = k[i];
            if (kk <= 1) w.customer(b[i], c[i], t[i] + shift, kk == 1);
            else outcomes += w.business(b[i], c[i], t[i] + shift, kk - 2, kk == 2);
        }
        bh.consume(outcomes);
        bh.consume(w.peakPairs());
    }

    /** The same rules over {@code HashMap<Object, Object>}: a key object per lookup, a state object per pair. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void hashMapBaseline(Blackhole bh) {
        HashMap<Object, Object> states = this.states;
        long[] t = time, b = business, c = customer;
        byte[] k = kind;
        long shift = offset;
        offset += span;
        int outcomes = 0;
        for (int i = 0; i < EVENTS; i++) {
            Object key = new PairKey(b[i], c[i]);
            MapState s = (MapState) states.get(key);
            if (s == null) {
                s = new MapState();
                states.put(key, s);
            }
            int kk = k[i];
            long now = t[i] + shift;
            if (kk <= 1) {
                s.cswEnd = now + DAY;
                if (kk == 1) {
                    s.entryAt = now;
                    s.entryPending = true;
                }
            } else {
                outcomes += s.business(now, kk - 2, kk == 2);
            }
        }
        bh.consume(outcomes);
        bh.consume(states.size());
    }

    record PairKey(long business, long customer) {}

    static final class MapState {
        long cswEnd = Long.MIN_VALUE, entryAt = Long.MIN_VALUE, fepEnd = Long.MIN_VALUE;
        boolean entryPending;
        final long[] conversationEnd = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};

        int business(long t, int slot, boolean utility) {
            if (t < fepEnd) return WindowTracker.FREE_ENTRY_POINT;
            if (entryPending && t >= entryAt && t < entryAt + DAY) {
                entryPending = false;
                fepEnd = t + 3 * DAY;
                return WindowTracker.FREE_ENTRY_POINT;
            }
            if (utility && t < cswEnd) return WindowTracker.FREE_SERVICE;
            if (t < conversationEnd[slot]) return WindowTracker.IN_CONVERSATION;
            long rounded = Math.floorMod(t, 60_000L) == 0 ? t : t - Math.floorMod(t, 60_000L) + 60_000L;
            conversationEnd[slot] = rounded + DAY;
            return WindowTracker.CHARGED;
        }
    }
}
