package io.wabill.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.log.LogFormatException;
import io.wabill.data.rates.CatalogLoader;
import io.wabill.data.samples.SyntheticLog;
import io.wabill.report.CsvDialect;
import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LedgerLineFixture;
import io.wabill.sim.engine.PricingOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's receiving side on a thread of its own ({@link LinesBehind}): every line in order, the receiver's failure
 * thrown on the pricing thread, the same files as on the pricing thread, and no thread left however the run ends.
 */
class LinesBehindTest {
    @TempDir Path dir;

    private static long linesThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("wabill-lines") && t.isAlive()).count();
    }

    /** Lines that differ in a field the receiver records (the local month). */
    private static LedgerLine line(LedgerLine reused, int i) {
        // LedgerLine's fields are the engine's to set; a copy of one that says i in its month is enough here.
        return LedgerLineFixture.withMonth(reused, i);
    }

    @Test
    void theReceiverGetsEveryLineInOrder() {
        List<Integer> got = new ArrayList<>();
        LinesBehind behind = new LinesBehind(l -> got.add(l.localMonth()));
        LedgerLine reused = new LedgerLine();
        int n = LinesBehind.BATCH * 20 + 17;
        for (int i = 0; i < n; i++) behind.accept(line(reused, i));
        behind.finish();
        assertEquals(n, got.size());
        for (int i = 0; i < n; i++) assertEquals(i, got.get(i));
        assertEquals(0, linesThreads());
    }

    @Test
    void theReceiversFailureIsThrownOnThePricingThread() {
        UncheckedIOException full = new UncheckedIOException(new IOException("no space left on device"));
        List<Integer> got = new ArrayList<>();
        LinesBehind behind = new LinesBehind(l -> {
            if (l.localMonth() == 300) throw full;
            got.add(l.localMonth());
        });
        LedgerLine reused = new LedgerLine();
        UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> {
            for (int i = 0; i < LinesBehind.BATCH * 50; i++) behind.accept(line(reused, i));
            behind.finish();
        });
        assertSame(full, thrown);
        assertEquals(300, got.size(), "nothing after the failing line");
        behind.abandon();
        assertEquals(0, linesThreads());
    }

    @Test
    void anAbandonedReceiverStopsItsThread() {
        LinesBehind behind = new LinesBehind(l -> { });
        LedgerLine reused = new LedgerLine();
        for (int i = 0; i < LinesBehind.BATCH * 3; i++) behind.accept(line(reused, i));
        behind.abandon();
        assertEquals(0, linesThreads());
    }

    private SimulationRun.Result run(Path log, String out, boolean behind, boolean skip) throws Exception {
        String was = System.setProperty("wabill.linesBehind", Boolean.toString(behind));
        try {
            return new SimulationRun(settings(log, skip, out)).withThreads(1).run();
        } finally {
            if (was == null) System.clearProperty("wabill.linesBehind");
            else System.setProperty("wabill.linesBehind", was);
        }
    }

    /** {@code simulate}'s defaults (31-day horizon, the ledger written) for {@code log} into folder {@code out}. */
    private SimulationRun.Settings settings(Path log, boolean skip, String out) throws Exception {
        return new SimulationRun.Settings(List.of(log), CatalogLoader.bundled(),
                new AccountBook(Account.defaults(Account.DEFAULT_ID), List.of()), PricingOptions.defaults(), skip,
                Duration.ofDays(31), 5_000_000, dir.resolve(out), true, CsvDialect.UNIX, null, Progress.SILENT);
    }

    private Path log(String name, boolean bad, boolean unsorted) throws Exception {
        return TestLogs.synthetic(dir, name, lines -> {
            if (bad) TestLogs.spoilRows(lines);
            if (unsorted) java.util.Collections.swap(lines, 6_000, 6_300);
        });
    }

    /** Names of this run's helper threads alive now. */
    private static java.util.Set<String> helpers() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet())
            if (t.isAlive() && t.getName().startsWith("wabill-")) names.add(t.getName().replaceAll("-ledger.csv$", ""));
        return names;
    }

    /**
     * {@code --threads 1} keeps the run's work on its thread: lines are received there and no helper thread runs; with
     * two, the lines, the ledger's bytes and the inputs' hashes go to threads of their own. Same files either way.
     */
    /** The run's files in output folders {@code a} and {@code b} are byte for byte the same. */
    private void assertSameFiles(String a, String b, String what) throws IOException {
        for (String f : List.of("ledger.csv", "summary.csv", "daily.csv", "tiers.csv", "templates.csv", "accounting.csv"))
            assertArrayEquals(Files.readAllBytes(dir.resolve(a).resolve(f)), Files.readAllBytes(dir.resolve(b).resolve(f)),
                    what + f);
    }

    @Test
    void oneThreadKeepsTheRunOnItsThread() throws Exception {
        SyntheticLog.Settings settings = new SyntheticLog.Settings(40_000, LocalDate.of(2026, 10, 1), 6, 2, 2, 400, 5L);
        Path log = dir.resolve("big.csv");
        SyntheticLog.write(settings, log); // a ledger past the size at which a file goes behind
        for (int threads : new int[] {1, 2}) {
            Thread caller = Thread.currentThread();
            java.util.Set<String> seen = new java.util.TreeSet<>();
            boolean[] elsewhere = {false};
            long[] lines = {0};
            SimulationRun.LedgerTap tap = new SimulationRun.LedgerTap() {
                @Override public void accept(LedgerLine l) {
                    if (Thread.currentThread() != caller) elsewhere[0] = true;
                    if (lines[0]++ % 2_000 == 0) seen.addAll(helpers());
                }

                @Override public void restart() { }
            };
            new SimulationRun(settings(log, false, "t" + threads), tap, null).withThreads(threads).run();
            assertTrue(Files.size(dir.resolve("t" + threads).resolve("ledger.csv")) > io.wabill.report.OutputSet.WRITE_BEHIND_FROM);
            if (threads == 1) {
                assertFalse(elsewhere[0], "every line on the run's thread");
                assertEquals(java.util.Set.of(), seen, "no helper thread with --threads 1");
            } else {
                assertTrue(elsewhere[0], "lines received on a thread of their own");
                assertTrue(seen.containsAll(List.of("wabill-lines", "wabill-write", "wabill-reader")), seen.toString());
            }
            assertEquals(java.util.Set.of(), helpers(), "none left after the run");
        }
        assertSameFiles("t1", "t2", "");
    }

    @Test
    void theFilesAreThoseOfOneThreadHoweverTheRunEnds() throws Exception {
        for (String kind : List.of("skipped", "unsorted")) {
            Path log = log(kind, kind.equals("skipped"), kind.equals("unsorted"));
            SimulationRun.Result here = run(log, kind + "-here", false, true);
            SimulationRun.Result behind = run(log, kind + "-behind", true, true);
            assertEquals(here.ledgerRows(), behind.ledgerRows());
            assertEquals(here.sortedInMemory(), behind.sortedInMemory());
            assertSameFiles(kind + "-here", kind + "-behind", kind + " ");
            assertEquals(0, linesThreads(), kind);
        }
        Path bad = log("stopping", true, false);
        assertThrows(LogFormatException.class, () -> run(bad, "stopped", true, false));
        assertFalse(Files.exists(dir.resolve("stopped").resolve("ledger.csv")), "nothing committed");
        assertEquals(0, linesThreads(), "a failed run leaves no thread");
    }
}
