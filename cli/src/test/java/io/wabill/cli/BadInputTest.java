package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the command line (issue 3, item 8): a clear message with file, line, column and what was
 * expected, exit code 1, no stack trace, and no output that looks complete. Valid oddities (BOM, CRLF, quoted
 * commas and line breaks, a header without rows) must simply work.
 */
class BadInputTest {
    static final String HEADER = "timestamp,message_id,business,customer,direction,kind,category,entry_point,status,delivered_at,tokens,template";

    @TempDir Path work;

    private Path write(String name, String content) throws IOException {
        Path p = work.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Path log(String... rows) throws IOException {
        return write("log.csv", HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    private Path out() { return work.resolve("out"); }

    private CliRun simulate(Path log, String... extra) throws Exception {
        String[] args = Stream.concat(Stream.of("--rates", CliRun.testRates().toString()), Stream.of(extra)).toArray(String[]::new);
        return CliRun.simulate(List.of(log), out(), args);
    }

    /** Exit 1, the message names the file, line and column and says what was expected, and nothing complete-looking was written. */
    private void assertBadInput(CliRun r, String fileAndLine, String column, String expected) throws IOException {
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.err().contains(fileAndLine), "names file and line " + fileAndLine + ":\n" + r.err());
        if (column != null) assertTrue(r.err().contains("column " + column), "names column " + column + ":\n" + r.err());
        assertTrue(r.err().contains(expected), "says '" + expected + "':\n" + r.err());
        assertNoStackTrace(r);
        assertNoOutputs();
    }

    private static void assertNoStackTrace(CliRun r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace:\n" + r.err());
    }

    private void assertNoOutputs() throws IOException {
        if (!Files.exists(out())) return;
        try (Stream<Path> s = Files.list(out())) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.isEmpty(), "a failed run leaves nothing in --out: " + names);
        }
    }

    private List<CsvTable.Row> ledger() throws IOException { return CsvTable.read(out().resolve("ledger.csv")); }

    private String accounting() throws IOException { return Files.readString(out().resolve("accounting.csv")); }

    // ---- files that cannot be read ----

    @Test
    void anEmptyFileIsAnErrorAskingForTheHeader() throws Exception {
        Path empty = write("empty.csv", "");
        CliRun r = simulate(empty);
        assertBadInput(r, empty + ":1", null, "a header row is expected");
    }

    @Test
    void anUnbalancedQuoteInTheHeaderIsABadInputNotAStackTrace() throws Exception {
        Path p = write("log.csv", "timestamp,\"business,customer,direction,kind\n2025-08-05T10:00:00Z,1555,919876500001,inbound,message\n");
        assertBadInput(simulate(p), p + ":1", null, "the header row cannot be read");
    }

    @Test
    void aHeaderWithoutRowsIsAValidEmptyLog() throws Exception {
        CliRun r = simulate(write("log.csv", HEADER + "\n"));
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(ledger().isEmpty());
        assertTrue(accounting().contains("rows_in,0"), accounting());
        assertTrue(Files.readString(out().resolve("summary.csv")).startsWith("month,account,market"));
    }

    @Test
    void aHeaderLackingARequiredColumnIsNamed() throws Exception {
        Path p = write("log.csv", "timestamp,business,customer,kind\n2025-08-05T10:00:00Z,1555,919876500001,message\n");
        assertBadInput(simulate(p), p + ":1", "direction", "lacks the required column direction");
    }

    @Test
    void aByteOrderMarkIsIgnored() throws Exception {
        CliRun r = simulate(write("log.csv", "\uFEFF" + HEADER + "\n2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,marketing,,,,,\n"));
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("0.0500", ledger().get(0).get("amount"));
    }

    @Test
    void windowsLineEndsAreRead() throws Exception {
        CliRun r = simulate(write("log.csv", HEADER + "\r\n2025-08-05T10:00:00Z,,15550001111,919876500001,inbound,message,,,,,,\r\n"
                + "2025-08-05T11:00:00Z,w1,15550001111,919876500001,outbound,free_form,,,,,,\r\n"));
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("free_customer_service", ledger().get(1).get("pricing_type"));
    }

    @Test
    void quotedFieldsWithCommasAndLineBreaksAreValueAndLinesStayRight() throws Exception {
        Path p = log("2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,marketing,,,,,\"promo, \"\"big\"\"\nsale\"",
                "2025-08-05T11:00:00Z,w2,15550001111,919876500001,sideways,template,marketing,,,,,");
        CliRun bad = simulate(p);
        assertBadInput(bad, p + ":4", "direction", "expected inbound or outbound");
        Files.writeString(p, Files.readString(p).replace("sideways", "outbound"));
        CliRun r = simulate(p);
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("promo, \"big\"\nsale", ledger().get(0).get("template"));
    }

    @Test
    void aVeryLongFieldIsReportedWithItsLineAndColumn() throws Exception {
        Path p = log("2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,marketing,,,,," + "x".repeat(200_000));
        assertBadInput(simulate(p), p + ":2", "template", "longer than 100000 characters");
    }

    @Test
    void aLongButReasonableFieldIsKept() throws Exception {
        String name = "t".repeat(5_000);
        CliRun r = simulate(log("2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,marketing,,,,," + name));
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(name, ledger().get(0).get("template"));
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheirLine() throws Exception {
        Path p = work.resolve("latin1.csv");
        byte[] head = (HEADER + "\n2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,marketing,,,,,ok\n"
                + "2025-08-05T11:00:00Z,w2,15550001111,919876500001,outbound,template,marketing,,,,,caf").getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[head.length + 2];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = (byte) 0xE9; // é in ISO-8859-1
        content[head.length + 1] = '\n';
        Files.write(p, content);
        assertBadInput(simulate(p), p + ":3", "template", "not UTF-8");
    }

    // ---- bad values ----

    @Test
    void anUnknownDirectionKindOrCategoryIsNamedWithWhatIsExpected() throws Exception {
        Path p = log("2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,letter,marketing,,,,,");
        assertBadInput(simulate(p), p + ":2", "kind", "expected template, free_form, reaction or agent");
        p = log("2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,promotional,,,,,");
        assertBadInput(simulate(p), p + ":2", "category", "marketing, marketing_lite, utility or authentication");
        p = log("2025-08-05T10:00:00Z,w1,15550001111,919876500001,up,template,utility,,,,,");
        assertBadInput(simulate(p), p + ":2", "direction", "expected inbound or outbound");
        p = log("2025-08-05T10:00:00Z,,15550001111,919876500001,inbound,template,,,,,,");
        assertBadInput(simulate(p), p + ":2", "kind", "expected message or call for an inbound row");
    }

    @Test
    void anUnreadableTimestampIsNamedWithTheExpectedForms() throws Exception {
        Path p = log("05/08/2025 10:00,w1,15550001111,919876500001,outbound,template,utility,,,,,");
        assertBadInput(simulate(p), p + ":2", "timestamp", "ISO-8601");
    }

    @Test
    void aDeliveryBeforeTheSendIsAnError() throws Exception {
        Path p = log("2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,utility,,,2025-08-05T09:59:59Z,,");
        assertBadInput(simulate(p), p + ":2", "delivered_at", "before the message was sent (2025-08-05T10:00:00Z)");
    }

    @Test
    void anAgentMessageWithoutTokensIsAnError() throws Exception {
        Path p = log("2026-10-05T00:00:00Z,,15550001111,919876500001,inbound,message,,,,,,",
                "2026-10-05T01:00:00Z,a1,15550001111,919876500001,outbound,agent,,,,,,");
        assertBadInput(simulate(p), p + ":3", "tokens", "agent messages need a tokens value (E6)");
    }

    @Test
    void anUnknownTimeZoneOptionIsAUsageError() throws Exception {
        CliRun r = simulate(log("2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,utility,,,,,"),
                "--time-zone", "Mars/Olympus");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("--time-zone") && r.err().contains("Mars/Olympus"), r.err());
        assertNoStackTrace(r);
        assertNoOutputs();
    }

    @Test
    void anUnknownTimeZoneInTheAccountsFileIsNamedWithLineAndColumn() throws Exception {
        Path accounts = write("accounts.csv", "account,time_zone,currency\nshop,Europe/Paris,USD\nsite,Mars/Olympus,USD\n");
        CliRun r = simulate(log("2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,utility,,,,,"),
                "--accounts", accounts.toString());
        assertBadInput(r, accounts + ":3", "time_zone", "expected an IANA name");
    }

    @Test
    void aCurrencyWithNoCardIsNamed() throws Exception {
        Path p = log("2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,utility,,,,,");
        assertBadInput(simulate(p, "--currency", "BRL"), p + ":2", "timestamp", "no rate card for currency BRL");
    }

    @Test
    void aCardLackingAMarketTheLogNeedsIsNamedWithTheMarketAndTheCard() throws Exception {
        Path rates = Files.createDirectories(work.resolve("rates"));
        Files.writeString(rates.resolve("meta-rates-USD-2020-01-01.csv"),
                "market,currency,category,tier_from,tier_to,rate\nIndia,USD,marketing,1,,0.0500\n");
        Path p = log("2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,marketing,,,,,",
                "2025-08-05T11:00:00Z,w2,15550001111,5511987600001,outbound,template,marketing,,,,,");
        CliRun r = CliRun.simulate(List.of(p), out(), "--rates", rates.toString());
        assertBadInput(r, p + ":3", "customer", "USD@2020-01-01");
        assertTrue(r.err().contains("has no rates for market Brazil"), r.err());
    }

    @Test
    void aBandGapInACardIsReportedBeforeAnyWork() throws Exception {
        Path rates = Files.createDirectories(work.resolve("rates"));
        Path card = rates.resolve("meta-rates-USD-2020-01-01.csv");
        Files.writeString(card, "market,currency,category,tier_from,tier_to,rate\n"
                + "Brazil,USD,utility,1,3,0.0100\nBrazil,USD,utility,5,,0.0090\nBrazil,USD,marketing,1,,-0.01\n");
        CliRun r = CliRun.simulate(List.of(log("2025-08-05T10:00:00Z,w1,15550001111,5511987600001,outbound,template,marketing,,,,,")),
                out(), "--rates", rates.toString());
        assertBadInput(r, card + ":3 [tier_from]", null, "band gap, messages 4 to 4 have no rate");
        assertTrue(r.err().contains(card + ":4 [rate]") && r.err().contains("cannot be negative"), "every problem at once:\n" + r.err());
    }

    @Test
    void aRowDatedBeforeTheFirstCardIsNamed() throws Exception {
        Path p = log("2019-12-31T23:00:00Z,w1,15550001111,919876500001,outbound,template,utility,,,,,");
        assertBadInput(simulate(p), p + ":2", "timestamp", "the first card is USD@2020-01-01");
    }

    @Test
    void aChargeInAPeriodTheBundledCatalogLacksNamesTheCurrencyAndThePeriod() throws Exception {
        Path p = log("2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,utility,,,,,");
        CliRun r = CliRun.simulate(List.of(p), out());
        assertBadInput(r, p + ":2", "timestamp", "period USD 2025-02-01 to 2025-12-31 is declared missing");
        assertTrue(r.err().contains("newest older card, USD@2024-10-01, with --allow-stale-card"), r.err());
        // Not a dead end: where Meta publishes the card, and the command that makes it a catalog.
        assertTrue(r.err().contains("USD rate card in force on 2025-08-05"), r.err());
        assertTrue(r.err().contains("developers.facebook.com/docs/whatsapp/pricing"), r.err());
        assertTrue(r.err().contains("wabill rates import FILE… --out DIR"), r.err());
    }

    @Test
    void theStaleCardIsUsedOnlyWhenAllowedAndSaysSo() throws Exception {
        Path p = log("2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,utility,,,,,");
        CliRun r = CliRun.simulate(List.of(p), out(), "--allow-stale-card");
        assertEquals(0, r.exitCode(), r.describe());
        CsvTable.Row row = ledger().get(0);
        assertEquals("USD@2024-10-01", row.get("rate_card"));
        assertTrue(row.get("note").contains("stale-card"), row.get("note"));
    }

    @Test
    void aListOnlyPeriodOfTheBundledCatalogIsPricedAtTheFirstBandAndSaysSo() throws Exception {
        CliRun r = CliRun.simulate(List.of(log("2026-02-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,utility,,,,,")), out());
        assertEquals(0, r.exitCode(), r.describe());
        CsvTable.Row row = ledger().get(0);
        assertEquals("USD@2026-01-01", row.get("rate_card"));
        assertTrue(row.get("note").contains("tiers-unknown"), row.get("note"));
    }

    @Test
    void aMissingLogFileIsNamed() throws Exception {
        Path missing = work.resolve("nope.csv");
        CliRun r = simulate(missing);
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.err().contains(missing.toString()) && r.err().contains("no such file"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void aFailedRunKeepsNoPartialFilesButLeavesEarlierResultsAlone() throws Exception {
        Path good = log("2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,template,utility,,,,,");
        assertEquals(0, simulate(good).exitCode());
        String before = Files.readString(out().resolve("ledger.csv"));
        Path bad = write("bad.csv", HEADER + "\n2025-08-05T10:00:00Z,w1,15550001111,919876500001,outbound,fax,,,,,,\n");
        assertEquals(1, simulate(bad).exitCode());
        assertEquals(before, Files.readString(out().resolve("ledger.csv")));
        try (Stream<Path> s = Files.list(out())) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().endsWith(".partial")));
        }
    }

    // ---- rows a streamed log cannot wait for (G10, G3), and categories the rules need ----

    @Test
    void aDeliveryPastTheStatusHorizonOfALogTooLongToHoldIsAnInputErrorNamingTheMessage() throws Exception {
        Path p = log("2025-08-05T10:00:00Z,wamid.LATE,15550001111,919876500001,outbound,template,marketing,,sent,,,",
                "2025-08-06T10:00:00Z,wamid.B,15550001111,919876500002,outbound,template,marketing,,,,,",
                "2025-08-07T10:00:00Z,wamid.C,15550001111,919876500003,outbound,template,marketing,,,,,",
                "2025-09-20T10:00:00Z,wamid.LATE,15550001111,919876500001,outbound,template,marketing,,delivered,,,");
        assertBadInput(simulate(p, "--max-unsorted-rows", "2", "--threads", "1"), p + ":5", "status", "wamid.LATE");
        assertTrue(simulate(p, "--max-unsorted-rows", "2", "--threads", "1").err().contains("status horizon (31 d"),
                "the default horizon is 31 days (G10)");

        CliRun skipped = simulate(p, "--max-unsorted-rows", "2", "--threads", "1", "--on-error", "skip");
        assertEquals(0, skipped.exitCode(), skipped.describe());
        assertEquals(List.of("item,rows", "rows_in,4", "ledger_rows,3", "status_rows_merged,0", "rows_skipped,1"),
                Files.readAllLines(out().resolve("accounting.csv")), "skipped, never a second message");
        CsvTable.Row late = ledger().stream().filter(r -> r.get("message_id").equals("wamid.LATE")).findFirst().orElseThrow();
        assertEquals("undelivered", late.get("pricing_type"));
        assertTrue(late.get("note").contains("no delivery status arrived"), late.get("note"));
    }

    @Test
    void theSameLogShortEnoughToHoldIsMergedWhateverTheDelay() throws Exception {
        Path p = log("2025-08-05T10:00:00Z,wamid.LATE,15550001111,919876500001,outbound,template,marketing,,sent,,,",
                "2025-08-06T10:00:00Z,wamid.B,15550001111,919876500002,outbound,template,marketing,,,,,",
                "2025-09-20T10:00:00Z,wamid.LATE,15550001111,919876500001,outbound,template,marketing,,delivered,,,");
        CliRun r = simulate(p);
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(accounting().contains("status_rows_merged,1"), accounting());
        CsvTable.Row late = ledger().stream().filter(x -> x.get("message_id").equals("wamid.LATE")).findFirst().orElseThrow();
        assertEquals("regular", late.get("pricing_type"));
        assertEquals("2025-09-20T10:00:00Z", late.get("charged_at"));
    }

    @Test
    void aTemplateOfUnknownCategoryWhereThePriceNeedsItIsAnInputErrorNamingTheRule() throws Exception {
        Path p = log("2025-09-10T10:00:00Z,wamid.U,15550001111,919876500001,outbound,template,unknown,,,,,");
        assertBadInput(simulate(p), p + ":2", "category", "(D3, D4)");
        Path cbp2 = log("2024-03-10T10:00:00Z,wamid.U,15550001111,919876500001,outbound,template,unknown,,,,,");
        assertBadInput(simulate(cbp2), cbp2 + ":2", "category", "under CBP-2");
        assertTrue(simulate(cbp2).err().contains("--unknown-template-category"));
    }

    // ---- skipping ----

    @Test
    void skippingWritesEveryBadRowToErrorsCsvAndTheAccountingAddsUp() throws Exception {
        Path p = log("2025-08-05T10:00:00Z,,15550001111,919876500001,inbound,message,,,,,,",
                "2025-08-05T10:00:01Z,w1,15550001111,919876500001,outbound,fax,,,,,,",
                "2025-08-05T10:00:02Z,w2,15550001111,919876500001,outbound,template,utility,,sent,,,",
                "2025-08-05T10:00:03Z,w2,15550001111,919876500001,outbound,template,utility,,delivered,,,",
                "2025-08-05T10:00:04Z,w2,15550001111,919876500001,outbound,template,marketing,,read,,,",
                "2025-08-05T10:00:05Z,w3,15550001111,919876500001,outbound,agent,,,,,,",
                "yesterday,w4,15550001111,919876500001,outbound,template,utility,,,,,",
                "2025-08-05T10:00:06Z,w5,15550001111,919876500001,outbound,template,marketing,,,,,");
        CliRun r = simulate(p, "--on-error", "skip");
        assertEquals(0, r.exitCode(), r.describe());
        List<CsvTable.Row> errors = CsvTable.read(out().resolve("errors.csv"));
        assertEquals(List.of("3", "6", "7", "8"), errors.stream().map(e -> e.get("line")).sorted().toList());
        assertTrue(errors.stream().allMatch(e -> e.get("file").equals(p.toString()) && !e.get("reason").isEmpty()));
        assertEquals(List.of("item,rows", "rows_in,8", "ledger_rows,3", "status_rows_merged,1", "rows_skipped,4"),
                Files.readAllLines(out().resolve("accounting.csv")));
        assertEquals(3, ledger().size());
        assertTrue(r.out().contains("Rows in: 8 = 3 ledger rows + 1 status rows merged + 4 skipped"), r.out());
    }

    @Test
    void skippingAMessageThatCannotBePricedAccountsForAllItsStatusRows() throws Exception {
        Path p = log("2025-08-05T10:00:00Z,w1,15550001111,447911000001,outbound,template,marketing,,sent,,,",
                "2025-08-05T10:00:01Z,w1,15550001111,447911000001,outbound,template,marketing,,delivered,,,",
                "2025-08-05T10:00:02Z,w2,15550001111,919876500001,outbound,template,marketing,,,,,");
        Path rates = Files.createDirectories(work.resolve("rates"));
        Files.writeString(rates.resolve("meta-rates-USD-2020-01-01.csv"),
                "market,currency,category,tier_from,tier_to,rate\nIndia,USD,marketing,1,,0.0500\n");
        CliRun r = CliRun.simulate(List.of(p), out(), "--rates", rates.toString(), "--on-error", "skip");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(List.of("item,rows", "rows_in,3", "ledger_rows,1", "status_rows_merged,1", "rows_skipped,1"),
                Files.readAllLines(out().resolve("accounting.csv")), "one errors.csv line per skipped row");
        List<CsvTable.Row> errors = CsvTable.read(out().resolve("errors.csv"));
        assertEquals(1, errors.size());
        assertEquals("2", errors.get(0).get("line"));
        assertTrue(errors.get(0).get("reason").contains("has no rates for market United Kingdom")
                && errors.get(0).get("reason").contains("2 status rows"), errors.get(0).get("reason"));
    }
}
