package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wabill import webhooks} and {@code wabill reconcile} end to end, as a user runs them, on the test
 * payloads: one set written to follow PRICING.md (full agreement), one made to break it (each mismatch found,
 * with the rule ids that decided the model's answer).
 */
class ReconcileTest {
    static Path resource(String name) throws Exception {
        return Path.of(ReconcileTest.class.getResource("/" + name).toURI());
    }

    record Run(int code, String out, String err) {}

    static Run wabill(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static List<String> reconcileArgs(Path out, String... inputs) throws Exception {
        List<String> args = new ArrayList<>(List.of("reconcile"));
        for (String in : inputs) args.add(resource(in).toString());
        args.addAll(List.of("--rates", resource("conformance/rates").toString(), "--out", out.toString(), "--quiet"));
        return args;
    }

    @Test
    void payloadsThatFollowTheRulesAgreeWithTheModelOnEveryField(@TempDir Path dir) throws Exception {
        List<String> args = reconcileArgs(dir, "webhooks/agree/cbp2-2024.jsonl", "webhooks/agree/pmp-2025.json");
        args.addAll(List.of("--analytics", resource("webhooks/agree/pricing-analytics-2025-09.json").toString(),
                "--analytics", resource("webhooks/agree/conversation-analytics-2024-08.json").toString()));
        Run r = wabill(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("Full agreement."), r.out());
        List<CsvTable.Row> agreement = CsvTable.read(dir.resolve("agreement.csv"));
        assertEquals(7, agreement.size());
        long compared = 0;
        for (CsvTable.Row row : agreement) {
            assertEquals("0", row.get("disagree"), row.get("field"));
            compared += Long.parseLong(row.get("compared"));
        }
        assertTrue(compared >= 80, "the set compares many fields: " + compared);
        assertEquals(0, CsvTable.read(dir.resolve("mismatches.csv")).size());
        List<CsvTable.Row> conversations = CsvTable.read(dir.resolve("conversations.csv"));
        assertEquals(6, conversations.size());
        assertTrue(conversations.stream().allMatch(c -> c.get("matched").equals("yes") && c.get("expiry_agrees").equals("yes")));
        List<CsvTable.Row> analytics = CsvTable.read(dir.resolve("analytics-diff.csv"));
        assertEquals(8, analytics.size());
        assertTrue(analytics.stream().allMatch(a -> a.get("agree").equals("yes")));
    }

    @Test
    void payloadsMadeToBreakTheRulesAreListedWithTheRuleIdsThatDecidedTheModel(@TempDir Path dir) throws Exception {
        List<String> args = reconcileArgs(dir, "webhooks/mismatch/hooks.jsonl");
        args.addAll(List.of("--analytics", resource("webhooks/mismatch/pricing-analytics-2025-09.json").toString()));
        Run r = wabill(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err() + r.out());
        assertFalse(r.out().contains("Full agreement."), r.out());
        List<String> found = CsvTable.read(dir.resolve("mismatches.csv")).stream()
                .map(m -> m.get("message_id") + " " + m.get("field") + " " + m.get("model_value") + " / " + m.get("meta_value")
                        + " [" + m.get("rule_ids") + "|" + m.get("comparison_rule") + "]")
                .collect(Collectors.toList());
        List<String> expected = List.of(
                "wamid.TESTX1 window_end 2024-08-06T10:01:00Z / 2024-08-06T10:00:07Z [C2|W2]",      // B5: expiry rounded up
                "wamid.TESTX3 window_end 2024-08-13T09:01:00Z / 2024-08-13T11:01:00Z [C2|W2]",      // C2: joined, not opened
                "wamid.TESTX5 pricing_type in_conversation / regular [C9|]",                        // C9 carried over (W3 model ok)
                "wamid.TESTX6 pricing_type free_customer_service / regular [D3|]",                  // D3 utility in the window
                "wamid.TESTX6 billable_flag false / true [D3|W1]",
                "wamid.TESTX7 billable_category service / general_purpose_ai [D2|W4]",              // W4 unknown category
                "wamid.TESTX8 delivery_outcome rejected 131047 / delivered [G7 error 131047|]",     // G7 outside the window
                "wamid.TESTX8 pricing_type rejected / free_customer_service [G7 error 131047|]",
                "wamid.TESTX8 billable_category  / service [G7 error 131047|]",
                "wamid.TESTX3 conversation conv-2 (Meta's c9k1) / c9k2 [C2|]");
        assertEquals(expected, found);
        assertEquals(0, CsvTable.read(dir.resolve("agreement.csv")).stream()
                .filter(a -> a.get("field").equals("pricing_model")).mapToLong(a -> Long.parseLong(a.get("disagree"))).sum(),
                "W3: a carried-over utility template reported PMP agrees with the model's CBP");
        List<CsvTable.Row> analytics = CsvTable.read(dir.resolve("analytics-diff.csv"));
        assertEquals(3, analytics.size());
        assertTrue(analytics.stream().noneMatch(a -> a.get("agree").equals("yes")));
        List<CsvTable.Row> errors = CsvTable.read(dir.resolve("imported-log.import-errors.csv"));
        assertEquals(List.of("5", "10", "20"), errors.stream().map(e -> e.get("line")).toList());
        String report = Files.readString(dir.resolve("imported-log.import-report.csv"));
        assertTrue(report.contains("unknown_category:general_purpose_ai,1"), report);
    }

    @Test
    void anImportedLogIsALogThatSimulatePrices(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log.csv.gz");
        Run imported = wabill("import", "webhooks", resource("webhooks/agree/cbp2-2024.jsonl").toString(),
                resource("webhooks/agree/pmp-2025.json").toString(), "--out", log.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("Payloads read: 51"), imported.out());
        assertTrue(Files.exists(dir.resolve("log.import-report.csv")));
        assertFalse(Files.exists(dir.resolve("log.import-errors.csv")), "no errors, no errors file");
        Run simulated = wabill("simulate", log.toString(), "--rates", resource("conformance/rates").toString(),
                "--out", dir.resolve("sim").toString(), "--quiet");
        assertEquals(0, simulated.code(), simulated.err());
        assertTrue(simulated.out().contains("Rows in: 27 = 27 ledger rows + 0 status rows merged + 0 skipped"), simulated.out());
        Run again = wabill("reconcile", log.toString(), "--rates", resource("conformance/rates").toString(),
                "--out", dir.resolve("rec").toString(), "--quiet");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("Full agreement."), again.out());
    }

    @Test
    void aLogWithoutMetaColumnsIsAnInputErrorWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Run r = wabill(reconcileArgs(dir, "conformance/pmp_edges.csv").toArray(new String[0]));
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("no meta_* columns"), r.err());
        assertFalse(r.err().contains("at io.wabill"), r.err());
    }

    @Test
    void importNeedsALogFileNameForItsOutput(@TempDir Path dir) throws Exception {
        Run r = wabill("import", "webhooks", resource("webhooks/agree/cbp2-2024.jsonl").toString(), "--out", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains(".csv or .csv.gz"), r.err());
    }
}
