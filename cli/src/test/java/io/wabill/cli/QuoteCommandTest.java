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
import java.util.Set;
import java.util.TreeSet;
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

    /** Free entry points in both markets (click-to-WhatsApp starts), authentication in India, no reactions or agent. */
    static final String FEP_MODEL = String.join("\n",
            "businesses: [\"5511940000001\"]",
            "markets:",
            "  - market: Brazil",
            "    number_prefix: \"55119\"",
            "    number_length: 13",
            "    time_zone: UTC",
            "    customers: 3000",
            "    sessions: {per_customer_day: 0.03, ctwa_share: 0.3, reaction_probability: 0.0, agent_share: 0.0}",
            "    utility: {events_per_customer_day: 0.02, reply_probability: 0.2}",
            "    authentication: {requests_per_customer_day: 0.01}",
            "  - market: India",
            "    number_prefix: \"9198\"",
            "    number_length: 12",
            "    time_zone: UTC",
            "    customers: 3000",
            "    sessions: {per_customer_day: 0.02, ctwa_share: 0.3, reaction_probability: 0.0, agent_share: 0.0}",
            "    authentication: {requests_per_customer_day: 0.02}",
            "");

    /** The account: based in Brazil, eligible for authentication-international rates (X2), so India's OTPs take them. */
    static final List<String> ACCOUNT = List.of("--business-country", "BR", "--auth-international-from", "2020-01-01");

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

    /**
     * The property on every kind of month: per-message months with free entry points and authentication-international
     * (PMP, PMP-26), conversation-based months (CBP-2 with the service free tier and from 2024-11 without, CBP-1 with
     * the conformance card, which carries conversation types), each quoted from the log's own volumes and shares, read
     * from simulate's ledger: messages, or conversations (a row that opens one: not {@code in_conversation}, and each
     * free entry point conversation once).
     */
    @Test
    void aQuoteEqualsSimulateWithFreeEntryPointsInternationalAuthenticationAndConversationMonths(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.yaml");
        Files.writeString(model, FEP_MODEL);
        String rates = CliRun.testRates().toString();
        record Month(String from, String to, long seed, boolean conformanceCard) {}
        List<Month> months = List.of(new Month("2026-07-01", "2026-07-31", 11, false), new Month("2026-10-01", "2026-10-31", 12, false),
                new Month("2024-09-01", "2024-09-30", 13, false), new Month("2024-11-01", "2024-11-30", 14, false),
                new Month("2023-01-01", "2023-01-31", 15, true));
        Set<String> seen = new TreeSet<>();
        for (Month m : months) {
            Path log = dir.resolve("log-" + m.from() + ".csv.gz"), sim = dir.resolve("sim-" + m.from());
            ok("generate", "--scenario", model.toString(), "--from", m.from(), "--to", m.to(), "--seed", Long.toString(m.seed()),
                    "-q", "--out", log.toString());
            List<String> simulate = new ArrayList<>(List.of("simulate", log.toString(), "--quiet", "--out", sim.toString()));
            simulate.addAll(ACCOUNT);
            if (m.conformanceCard()) simulate.addAll(List.of("--rates", rates));
            ok(simulate.toArray(new String[0]));
            // month|market|category -> {volume, free entry point, window or tier free, international, amount}
            Map<String, BigDecimal[]> cells = new TreeMap<>();
            Set<String> fepConversations = new java.util.HashSet<>();
            for (CsvTable.Row r : CsvTable.read(sim.resolve("ledger.csv"))) {
                String type = r.get("pricing_type"), model2 = r.get("pricing_model");
                if (!r.get("direction").equals("outbound") || List.of("rejected", "undelivered").contains(type)) continue;
                boolean cbp = model2.equals("CBP");
                if (cbp && type.equals("in_conversation")) continue; // covered by a conversation already counted
                boolean fep = type.equals("free_entry_point");
                if (cbp && fep && !fepConversations.add(r.get("conversation_id"))) continue; // one free conversation
                String category = r.get("kind").equals("template") ? r.get("category") : "service";
                if (cbp && m.conformanceCard()) // CBP-1: the conversation's type; a free entry point answers the customer (B2)
                    category = fep ? "user_initiated" : r.get("billable_category");
                String key = r.get("charged_at").substring(0, 7) + "|" + r.get("market") + "|" + category;
                BigDecimal[] c = cells.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                c[0] = c[0].add(BigDecimal.ONE);
                if (fep) c[1] = c[1].add(BigDecimal.ONE);
                if (List.of("free_customer_service", "free_tier").contains(type)) c[2] = c[2].add(BigDecimal.ONE);
                if (r.get("billable_category").equals("authentication_international")) c[3] = c[3].add(BigDecimal.ONE);
                c[4] = c[4].add(new BigDecimal(r.get("amount")));
                if (fep) seen.add(model2 + " free entry point");
                if (c[3].signum() > 0) seen.add(model2 + " authentication-international");
                if (type.equals("free_tier")) seen.add(model2 + " free tier");
            }
            for (var e : cells.entrySet()) {
                String[] key = e.getKey().split("\\|");
                BigDecimal[] c = e.getValue();
                List<String> args = new ArrayList<>(List.of("quote", "--month", key[0], "--volume", key[1] + ":" + key[2] + "="
                        + c[0].toPlainString(), "--out", dir.resolve("q").toString(), "--in-free-entry-point", share(c[1], c[0]),
                        "--auth-international", share(c[3], c[0])));
                String freeShare = share(c[2], c[0]);
                if (key[2].equals("utility")) args.addAll(List.of("--utility-in-window", freeShare));
                if (key[2].equals("service")) args.addAll(List.of("--service-in-free-tier", freeShare));
                if (key[2].endsWith("_initiated")) args.addAll(List.of("--conversations-in-free-tier", freeShare));
                if (m.conformanceCard()) args.addAll(List.of("--rates", rates));
                CliRun out = ok(args.toArray(new String[0]));
                CsvTable.Row q = CsvTable.read(dir.resolve("q").resolve("quote.csv")).get(0);
                assertEquals(0, c[4].compareTo(new BigDecimal(q.get("amount"))), m.from() + " " + e.getKey() + ": quote "
                        + q.cells() + " against simulate " + c[4] + "\n" + out.out());
                assertEquals(key[0].compareTo("2025-07") < 0 ? "conversations" : "messages", q.get("unit"), e.getKey());
            }
        }
        assertEquals(Set.of("PMP free entry point", "PMP authentication-international", "CBP free entry point",
                "CBP authentication-international", "CBP free tier"), seen, "the log exercises every case");
    }

    private static String share(BigDecimal part, BigDecimal whole) {
        return part.signum() == 0 ? "0" : part.divide(whole, 20, RoundingMode.HALF_UP).toPlainString();
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
        assertTrue(r.out().contains("Assumptions (shares of each volume"), r.out());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "month,market,category,messages\n2025-13,India,authentication,10\n2026-08,India,calls,ten\n");
        CliRun b = CliRun.of("quote", "--volumes", bad.toString(), "--out", dir.resolve("b").toString());
        assertEquals(ExitCodes.BAD_INPUT, b.exitCode(), b.describe());
        assertTrue(b.err().contains("bad.csv:2 column month") && b.err().contains("bad.csv:3 column category")
                && b.err().contains("bad.csv:3 column messages"), b.err());

        // A month under NBP bills notifications, which no bundled card prices; a CBP-1 month takes conversation types.
        CliRun nbp = CliRun.of("quote", "--month", "2021-03", "--volume", "India:marketing=5", "--out", dir.resolve("c").toString());
        assertEquals(ExitCodes.BAD_INPUT, nbp.exitCode(), nbp.describe());
        assertTrue(nbp.err().contains("NBP"), nbp.err());
        CliRun cbp1 = CliRun.of("quote", "--month", "2023-03", "--volume", "India:marketing=5", "--rates", CliRun.testRates().toString(),
                "--out", dir.resolve("c").toString());
        assertEquals(ExitCodes.BAD_INPUT, cbp1.exitCode(), cbp1.describe());
        assertTrue(cbp1.err().contains("CBP-1") && cbp1.err().contains("user_initiated"), cbp1.err());
    }
}
