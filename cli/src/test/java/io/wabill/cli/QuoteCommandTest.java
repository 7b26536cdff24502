package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wabill quote}: a generated log's monthly volumes, quoted with the log's own shares, cost what simulate says. */
class QuoteCommandTest {
    static final String MODEL = String.join("\n",
            "businesses: [\"5511940000001\"]",
            "markets:",
            "  - market: Brazil",
            "    number_prefix: \"55119\"",
            "    number_length: 13",
            "    time_zone: UTC",
            "    customers: 4000",
            "    sessions: {per_customer_day: 0.03, ctwa_share: 0.0, reaction_probability: 0.0, agent_share: 0.0}",
            "    utility: {events_per_customer_day: 0.02, reply_probability: 0.2}",
            "    authentication: {requests_per_customer_day: 0.01}",
            "  - market: India",
            "    number_prefix: \"9198\"",
            "    number_length: 12",
            "    time_zone: UTC",
            "    customers: 2000",
            "    sessions: {per_customer_day: 0.02, ctwa_share: 0.0, reaction_probability: 0.0, agent_share: 0.0}",
            "");

    private static CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.describe());
        return r;
    }

    @Test
    void aQuoteOfAGeneratedLogsMonthlyVolumesWithItsOwnSharesEqualsSimulate(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.yaml");
        Files.writeString(model, MODEL);
        Path pmp = dir.resolve("pmp.csv.gz"), pmp26 = dir.resolve("pmp26.csv.gz");
        ok("generate", "--scenario", model.toString(), "--from", "2026-07-01", "--to", "2026-07-31", "--seed", "3", "-q", "--out", pmp.toString());
        ok("generate", "--scenario", model.toString(), "--from", "2026-10-01", "--to", "2026-10-31", "--seed", "4", "-q", "--out", pmp26.toString());
        // Each generated log numbers its messages from 1, so each is priced on its own.
        Map<String, BigDecimal[]> cells = new TreeMap<>(); // month|market|category -> {delivered, free, amount}
        List<CsvTable.Row> summary = new ArrayList<>();
        for (Path log : List.of(pmp, pmp26)) {
            Path sim = dir.resolve("sim-" + log.getFileName());
            ok("simulate", log.toString(), "--quiet", "--no-ledger", "--out", sim.toString());
            summary.addAll(CsvTable.read(sim.resolve("summary.csv")));
        }
        for (CsvTable.Row r : summary) {
            String type = r.get("pricing_type"), category = r.get("billable_category");
            if (List.of("inbound", "rejected", "undelivered").contains(type)) continue;
            assertTrue(List.of("marketing", "utility", "authentication", "service").contains(category), "unexpected " + r.cells());
            BigDecimal[] c = cells.computeIfAbsent(r.get("month") + "|" + r.get("market") + "|" + category,
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal n = new BigDecimal(r.get("messages"));
            c[0] = c[0].add(n);
            if (!type.equals("regular")) c[1] = c[1].add(n);
            c[2] = c[2].add(new BigDecimal(r.get("amount")));
        }
        assertTrue(cells.keySet().stream().anyMatch(k -> k.startsWith("2026-07|Brazil|utility")));
        assertTrue(cells.keySet().stream().anyMatch(k -> k.startsWith("2026-10|Brazil|service")));
        for (var e : cells.entrySet()) {
            String[] key = e.getKey().split("\\|");
            BigDecimal[] c = e.getValue();
            BigDecimal share = c[0].signum() == 0 ? BigDecimal.ZERO : c[1].divide(c[0], 20, RoundingMode.HALF_UP);
            List<String> args = new ArrayList<>(List.of("quote", "--month", key[0],
                    "--volume", key[1] + ":" + key[2] + "=" + c[0].toPlainString(), "--out", dir.resolve("q").toString()));
            if (key[2].equals("utility")) args.addAll(List.of("--utility-in-window", share.toPlainString()));
            if (key[2].equals("service")) args.addAll(List.of("--service-in-free-tier", share.toPlainString()));
            ok(args.toArray(new String[0]));
            CsvTable.Row q = CsvTable.read(dir.resolve("q").resolve("quote.csv")).get(0);
            assertEquals(0, c[2].compareTo(new BigDecimal(q.get("amount"))), e.getKey() + ": quote " + q.cells()
                    + " against simulate " + c[2]);
            assertEquals(c[1].toPlainString(), q.get("free"), e.getKey());
        }
    }

    @Test
    void aVolumesFileIsPricedRowByRowAndItsMistakesAreNamedWithLineAndColumn(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("volumes.csv");
        Files.writeString(good, "month,market,category,messages\n2026-08,India,authentication,1000000\n2026-11,Brazil,marketing,10\n");
        CliRun r = ok("quote", "--volumes", good.toString(), "--out", dir.toString());
        List<CsvTable.Row> rows = CsvTable.read(dir.resolve("quote.csv"));
        assertEquals(2, rows.size());
        assertEquals("PMP", rows.get(0).get("regime"));
        assertEquals("PMP-26", rows.get(1).get("regime"));
        assertTrue(r.out().contains("Assumptions:"), r.out());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "month,market,category,messages\n2025-13,India,authentication,10\n2026-08,India,calls,ten\n");
        CliRun b = CliRun.of("quote", "--volumes", bad.toString(), "--out", dir.resolve("b").toString());
        assertEquals(ExitCodes.BAD_INPUT, b.exitCode(), b.describe());
        assertTrue(b.err().contains("bad.csv:2 column month") && b.err().contains("bad.csv:3 column category")
                && b.err().contains("bad.csv:3 column messages"), b.err());

        CliRun cbp = CliRun.of("quote", "--month", "2024-03", "--volume", "India:marketing=5", "--out", dir.resolve("c").toString());
        assertEquals(ExitCodes.BAD_INPUT, cbp.exitCode(), cbp.describe());
        assertTrue(cbp.err().contains("CBP-2"), cbp.err());
    }
}
