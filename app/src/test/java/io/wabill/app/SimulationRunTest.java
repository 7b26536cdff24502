package io.wabill.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.accounts.AccountsReader;
import io.wabill.data.rates.CatalogLoader;
import io.wabill.data.samples.SyntheticLog;
import io.wabill.report.CsvDialect;
import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.api.Catalog;
import io.wabill.sim.api.PricingConfig;
import io.wabill.sim.engine.PricingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate} from Java, without the command line: the application layer alone. */
class SimulationRunTest {
    @TempDir Path dir;

    private SimulationRun.Settings settings(Path log, AccountBook accounts, Catalog catalog, Path out, List<String> notes) {
        Progress progress = new Progress() {
            @Override public void note(String text) { notes.add(text); }

            @Override public Ticket start(java.util.function.DoubleSupplier share) { return () -> { }; }
        };
        return new SimulationRun.Settings(List.of(log), catalog, accounts, PricingOptions.defaults(), false,
                PricingConfig.DEFAULT_STATUS_HORIZON, 1_000_000, out, true, CsvDialect.UNIX, null, progress);
    }

    @Test
    void aCbpEraLogOfSeveralPortfoliosPricesInLanesAsOnOneThread() throws Exception {
        SyntheticLog.Settings s = new SyntheticLog.Settings(15_000, LocalDate.of(2024, 11, 5), 8, 3, 2, 600, 9L);
        Path log = dir.resolve("log.csv"), accountsFile = dir.resolve("accounts.csv");
        SyntheticLog.write(s, log);
        SyntheticLog.writeAccounts(s, accountsFile);
        Catalog catalog = CatalogLoader.bundled();
        AccountBook accounts = new AccountBook(Account.defaults(Account.DEFAULT_ID), AccountsReader.read(accountsFile));
        List<String> notes = new ArrayList<>();
        SimulationRun.Result one = new SimulationRun(settings(log, accounts, catalog, dir.resolve("one"), notes)).run();
        SimulationRun.Result three = new SimulationRun(settings(log, accounts, catalog, dir.resolve("three"), notes))
                .withThreads(3).run();
        assertEquals(1, one.threads());
        assertEquals(3, three.threads(), "the lanes ran: " + notes);
        assertEquals(one.rowsIn(), one.ledgerRows() + one.rowsMerged() + one.rowsSkipped());
        for (String name : List.of("ledger.csv", "summary.csv", "daily.csv", "tiers.csv", "accounting.csv"))
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(name)), Files.readAllBytes(dir.resolve("three").resolve(name)), name);
        assertTrue(Files.readString(dir.resolve("one").resolve("ledger.csv")).contains(",conv-1,"), "CBP conversations");
    }

    @Test
    void anUnsortedLogIsSortedInMemoryAndSaysSo() throws Exception {
        SyntheticLog.Settings s = new SyntheticLog.Settings(2_000, LocalDate.of(2026, 10, 1), 3, 1, 1, 100, 4L);
        Path sorted = dir.resolve("sorted.csv"), shuffled = dir.resolve("shuffled.csv");
        SyntheticLog.write(s, sorted);
        List<String> lines = new ArrayList<>(Files.readAllLines(sorted));
        List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.reverse(body);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        out.addAll(body);
        Files.write(shuffled, out);
        Catalog catalog = CatalogLoader.bundled();
        AccountBook accounts = new AccountBook(Account.defaults(Account.DEFAULT_ID), List.of());
        List<String> notes = new ArrayList<>();
        SimulationRun.Result a = new SimulationRun(settings(sorted, accounts, catalog, dir.resolve("a"), notes)).run();
        SimulationRun.Result b = new SimulationRun(settings(shuffled, accounts, catalog, dir.resolve("b"), notes)).run();
        assertTrue(b.sortedInMemory() && !a.sortedInMemory());
        assertTrue(notes.stream().anyMatch(n -> n.contains("not sorted")), notes.toString());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve("summary.csv")), Files.readAllBytes(dir.resolve("b").resolve("summary.csv")));
    }
}
