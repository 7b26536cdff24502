package io.wabill.bench;

// Run: java -jar benchmarks/target/benchmarks.jar EventQueueBenchmark -f 1 -wi 2 -i 3 -prof gc

import io.wabill.sim.exec.EventQueue;
import java.util.Comparator;
import java.util.PriorityQueue;
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
 * (f) The executive's event queue at 1M pending events, in the hold model: each operation pops the earliest
 * event and pushes one later by a random delay (up to a day), so the queue stays at its size. One score unit
 * is one push plus one pop. The baseline is {@code java.util.PriorityQueue} of event objects ordered by
 * (instant, priority, sequence), which allocates an object per push.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EventQueueBenchmark {
    static final int BATCH = 1 << 20;

    @Param({"1000000"})
    public int pending;

    long[] delay;
    int[] priority;
    EventQueue queue;
    PriorityQueue<Event> baseline;
    long baselineSequence;
    final Object payload = new Object();

    record Event(long time, int priority, long sequence, Object payload) {}

    static final Comparator<Event> ORDER = Comparator.comparingLong(Event::time).thenComparingInt(Event::priority)
            .thenComparingLong(Event::sequence);

    @Setup(Level.Trial)
    public void fill() {
        SplittableRandom rnd = new SplittableRandom(6);
        delay = new long[BATCH];
        priority = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            delay[i] = rnd.nextLong(86_400_000L);
            priority[i] = rnd.nextInt(3);
        }
        queue = new EventQueue(pending);
        baseline = new PriorityQueue<>(pending, ORDER);
        for (int i = 0; i < pending; i++) {
            long t = rnd.nextLong(86_400_000L);
            queue.push(t, priority[i % BATCH], payload);
            baseline.add(new Event(t, priority[i % BATCH], baselineSequence++, payload));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void eventQueue(Blackhole bh) {
        EventQueue q = queue;
        long[] d = delay;
        int[] p = priority;
        for (int i = 0; i < BATCH; i++) {
            long t = q.peekTime();
            bh.consume(q.pop());
            q.push(t + d[i], p[i], payload);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void priorityQueueBaseline(Blackhole bh) {
        PriorityQueue<Event> q = baseline;
        long[] d = delay;
        int[] p = priority;
        for (int i = 0; i < BATCH; i++) {
            Event e = q.poll();
            bh.consume(e.payload());
            q.add(new Event(e.time() + d[i], p[i], baselineSequence++, payload));
        }
    }
}
