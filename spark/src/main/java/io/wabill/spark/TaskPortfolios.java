package io.wabill.spark;

import io.wabill.sim.api.Partition;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

/**
 * The portfolios one pricing task owns: those {@code repartition(n, portfolio)} sends to it. Spark's hash
 * partitioning puts a row in partition {@code pmod(murmur3(portfolio, 42), n)} (its {@code HashPartitioning}:
 * Murmur3 of the string's UTF-8 bytes, seed 42, as the SQL function {@code hash}); the task's session is given this
 * {@link Partition}, so the library itself checks the partition contract: a row routed elsewhere, or an account or
 * number in two portfolios, stops the task instead of pricing a portfolio in two places.
 */
final class TaskPortfolios implements Partition {
    /** Spark's seed for hash partitioning ({@code Murmur3Hash}'s default). */
    static final int SEED = 42;

    private final int partitions;
    private final int task;
    /** Portfolio names seen, decided once each (a task sees a handful). */
    private final Map<String, Boolean> owned = new HashMap<>();

    TaskPortfolios(int partitions, int task) {
        if (partitions < 1 || task < 0 || task >= partitions)
            throw new IllegalArgumentException("task " + task + " of " + partitions);
        this.partitions = partitions;
        this.task = task;
    }

    /** The task of {@code n} that Spark's hash partitioning gives {@code portfolio}. */
    static int taskOf(String portfolio, int n) {
        byte[] b = portfolio.getBytes(StandardCharsets.UTF_8);
        int h = Murmur3_x86_32.hashUnsafeBytes(b, Platform.BYTE_ARRAY_OFFSET, b.length, SEED);
        return Math.floorMod(h, n);
    }

    @Override public boolean owns(String portfolio) {
        return owned.computeIfAbsent(portfolio, p -> taskOf(p, partitions) == task);
    }
}
