package io.wabill.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.log.LogFormatException;
import io.wabill.data.rates.CatalogLoader;
import io.wabill.data.samples.SyntheticLog;
import io.wabill.report.CsvDialect;
import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.api.Catalog;
import io.wabill.sim.engine.PricingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate} on two threads reads the log on one and prices it on the other ({@link ReadAhead}): whatever the
 * log holds (bad rows skipped or stopping the run, a log that turns out unsorted, status rows out of reach), the files,
 * the accounting and the errors are those of one thread, and no reader thread is left behind.
 */
class ReadAheadTest {
    @TempDir Path dir;
    private static Catalog catalog;
    private final AccountBook accounts = new AccountBook(Account.defaults(Account.DEFAULT_ID), List.of());

    @org.junit.jupiter.api.BeforeAll
    static void load() throws Exception { catalog = CatalogLoader.bundled(); }

    private SimulationRun.Result run(Path log, String out, int threads, boolean skip, Duration horizon, long maxUnsorted,
                                     List<String> notes) throws Exception {
        Progress progress = new Progress() {
            @Override public void note(String text) { notes.add(text); }

            @Override public Ticket start(java.util.function.DoubleSupplier share) { return () -> { }; }
        };
        SimulationRun.Settings s = new SimulationRun.Settings(List.of(log), catalog, accounts, PricingOptions.defaults(),
                skip, horizon, maxUnsorted, dir.resolve(out), true, CsvDialect.UNIX, null, progress);
        return new SimulationRun(s).withThreads(threads).run();
    }

    private void assertSameFiles(String a, String b) throws Exception {
        List<String> names = new ArrayList<>();
        try (var files = Files.list(dir.resolve(a))) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        try (var files = Files.list(dir.resolve(b))) {
            assertEquals(names.size(), files.count(), "the same files");
        }
        for (String name : names) {
            if (name.equals("run.json")) continue; // names its output folder
            assertArrayEquals(Files.readAllBytes(dir.resolve(a).resolve(name)), Files.readAllBytes(dir.resolve(b).resolve(name)), name);
        }
    }

    private static long readerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("wabill-reader") && t.isAlive()).count();
    }

    /** A synthetic log with bad rows spread through it (more than one batch apart), some of them in the first batch. */
    private Path withBadRows() throws Exception { return TestLogs.synthetic(dir, "bad", TestLogs::spoilRows); }

    @Test
    void skippedRowsAreCountedAndWrittenInTheirPlace() throws Exception {
        Path log = withBadRows();
        List<String> notes = new ArrayList<>();
        SimulationRun.Result one = run(log, "one", 1, true, Duration.ofDays(31), 5_000_000, notes);
        SimulationRun.Result two = run(log, "two", 2, true, Duration.ofDays(31), 5_000_000, notes);
        assertTrue(one.rowsSkipped() > 3, "bad rows were skipped: " + one.rowsSkipped());
        assertEquals(one.rowsSkipped(), two.rowsSkipped());
        assertEquals(one.ledgerRows(), two.ledgerRows());
        assertEquals(one.rowsIn(), two.rowsIn());
        assertTrue(Files.exists(dir.resolve("two").resolve("errors.csv")));
        assertSameFiles("one", "two");
        assertEquals(0, readerThreads());
    }

    @Test
    void theFirstBadRowStopsTheRunWithTheSameMessage() throws Exception {
        Path log = withBadRows();
        List<String> notes = new ArrayList<>();
        LogFormatException one = assertThrows(LogFormatException.class,
                () -> run(log, "one", 1, false, Duration.ofDays(31), 5_000_000, notes));
        LogFormatException two = assertThrows(LogFormatException.class,
                () -> run(log, "two", 2, false, Duration.ofDays(31), 5_000_000, notes));
        assertEquals(one.getMessage(), two.getMessage());
        assertFalse(Files.exists(dir.resolve("two").resolve("ledger.csv")), "nothing committed");
        assertEquals(0, readerThreads());
    }

    @Test
    void aLogFoundUnsortedIsSortedInMemoryAsOnOneThread() throws Exception {
        SyntheticLog.Settings s = new SyntheticLog.Settings(9_000, LocalDate.of(2026, 10, 1), 4, 1, 1, 300, 4L);
        Path sorted = dir.resolve("sorted.csv"), unsorted = dir.resolve("unsorted.csv");
        SyntheticLog.write(s, sorted);
        List<String> lines = new ArrayList<>(Files.readAllLines(sorted));
        // sorted for the first few batches, then one row back in time
        Collections.swap(lines, 5_000, 5_200);
        Files.write(unsorted, lines);
        List<String> notes = new ArrayList<>();
        SimulationRun.Result one = run(unsorted, "one", 1, false, Duration.ofDays(31), 5_000_000, notes);
        SimulationRun.Result two = run(unsorted, "two", 2, false, Duration.ofDays(31), 5_000_000, notes);
        assertTrue(one.sortedInMemory() && two.sortedInMemory());
        assertSameFiles("one", "two");
        assertEquals(0, readerThreads());
    }

    @Test
    void statusRowsOutOfReachHoldTheLogWholeAsOnOneThread() throws Exception {
        Path log = dir.resolve("late.csv");
        StringBuilder b = new StringBuilder("timestamp,message_id,business,customer,direction,kind,category,status\n");
        long t = 1_790_000_000L;
        for (int i = 0; i < 5_000; i++)
            b.append(t + i * 60L).append(",m").append(i).append(",5511940000001,55119876").append(10_000 + i % 700)
                    .append(",outbound,template,utility,sent\n");
        // delivered three days later: out of reach of a one-day horizon, so the log is held whole (G10)
        b.append(t + 5_000 * 60L + 3 * 86_400L).append(",m7,5511940000001,5511987610007,outbound,template,utility,delivered\n");
        Files.writeString(log, b);
        List<String> notes = new ArrayList<>();
        SimulationRun.Result one = run(log, "one", 1, false, Duration.ofDays(1), 5_000_000, notes);
        SimulationRun.Result two = run(log, "two", 2, false, Duration.ofDays(1), 5_000_000, notes);
        assertTrue(one.sortedInMemory() && two.sortedInMemory(), "held whole: " + notes);
        assertEquals(1, two.rowsMerged());
        assertSameFiles("one", "two");
        assertEquals(0, readerThreads());
    }
}
