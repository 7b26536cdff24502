package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options PRICING.md names, and the output options, through the command line. */
class SimulateOptionsTest {
    static Path conformance(String name) throws Exception { return ConformanceTest.folder().resolve(name); }

    static List<CsvTable.Row> simulate(Path out, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("simulate", "--quiet", "--out", out.toString()));
        all.addAll(List.of(args));
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(all.toArray(new String[0]), new PrintWriter(o), new PrintWriter(e));
        assertEquals(0, code, e.toString() + o);
        return CsvTable.read(out.resolve("ledger.csv"));
    }

    static CsvTable.Row row(List<CsvTable.Row> ledger, String id) {
        return ledger.stream().filter(r -> r.get("message_id").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void wholeMonthBandsPriceEveryTemplateAtTheBandTheMonthReaches(@TempDir Path work) throws Exception {
        // nbp_basics: Brazil charges three templates in September 2021; the test card's notification bands are
        // 1-2 at 0.0070 and 3+ at 0.0060, so whole-month pricing puts all three at 0.0060 (A3 option).
        List<CsvTable.Row> l = simulate(work, conformance("nbp_basics.csv").toString(), "--rates",
                conformance("rates").toString(), "--nbp-bands", "whole_month");
        for (String id : List.of("nbp_basi-00001", "nbp_basi-00004", "nbp_basi-00005"))
            assertEquals("0.0060", row(l, id).get("amount"), id);
        assertEquals("0.0070", row(l, "nbp_basi-00006").get("amount"));
    }

    @Test
    void theUsBlockCanReachCanadaOrBeSwitchedOff(@TempDir Path work) throws Exception {
        String log = conformance("pmp_markets.csv").toString(), rates = conformance("rates").toString();
        List<CsvTable.Row> usCa = simulate(work.resolve("a"), log, "--rates", rates, "--us-block", "us_ca");
        assertEquals("rejected", row(usCa, "pmp_mark-00003").get("pricing_type")); // +1 416 is Canada
        List<CsvTable.Row> off = simulate(work.resolve("b"), log, "--rates", rates, "--us-block", "off");
        assertEquals("regular", row(off, "pmp_mark-00001").get("pricing_type"));
    }

    @Test
    void maskedCustomersKeepTheCallingCodeAndHashTheRest(@TempDir Path work) throws Exception {
        List<CsvTable.Row> l = simulate(work, conformance("pmp_markets.csv").toString(), "--rates",
                conformance("rates").toString(), "--mask-customers", "--mask-salt", "s1");
        String uk = row(l, "pmp_mark-00005").get("customer");
        assertTrue(uk.matches("44-[0-9a-f]{12}"), uk);
        assertFalse(Files.readString(work.resolve("ledger.csv")).contains("7911000001"));
    }

    @Test
    void theExcelDialectWritesABomAndCrlf(@TempDir Path work) throws Exception {
        simulate(work, conformance("pmp_markets.csv").toString(), "--rates", conformance("rates").toString(),
                "--csv-dialect", "excel");
        byte[] bytes = Files.readAllBytes(work.resolve("summary.csv"));
        assertEquals((byte) 0xEF, bytes[0]);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("currency\r\n"));
    }

    @Test
    void aFreeEntryPointWindowEndReportedByAnImportedWebhookOverridesTheConfiguredLength(@TempDir Path work) throws Exception {
        // D5: the ctwa reply at 01:00 opens the window; Meta's webhook says it ends five days later, so the marketing
        // template four days on is still free, where the default 72 h window would charge it.
        Path log = work.resolve("log.csv");
        Files.writeString(log, String.join("\n",
                "timestamp,message_id,business,customer,direction,kind,category,entry_point,meta_pricing_type,meta_conversation_expiration",
                "2025-10-06T00:00:00Z,,15550001111,5511987600011,inbound,message,,ctwa,,",
                "2025-10-06T01:00:00Z,w1,15550001111,5511987600011,outbound,free_form,,,free_entry_point,2025-10-11T01:00:00Z",
                "2025-10-10T01:00:00Z,w2,15550001111,5511987600011,outbound,template,marketing,,,",
                "2025-10-11T01:00:00Z,w3,15550001111,5511987600011,outbound,template,marketing,,,") + "\n");
        String rates = conformance("rates").toString();
        List<CsvTable.Row> reported = simulate(work.resolve("a"), log.toString(), "--rates", rates);
        assertEquals("free_entry_point", row(reported, "w2").get("pricing_type"));
        assertEquals("regular", row(reported, "w3").get("pricing_type")); // the window is half-open (G6)
        Path plain = work.resolve("plain.csv");
        Files.writeString(plain, Files.readString(log).replace("free_entry_point,2025-10-11T01:00:00Z", ","));
        assertEquals("regular", row(simulate(work.resolve("b"), plain.toString(), "--rates", rates), "w2").get("pricing_type"));
    }

    @Test
    void aFreeFormMessageNeverDeliveredIsJudgedAtItsSendInstantWhateverComesLater(@TempDir Path work) throws Exception {
        // G7 at send: w1 goes out with no window open (refused, 131047) although the customer writes a day later,
        // before w1 is released undelivered at its status horizon; w2 is sent inside that later window and simply failed.
        Path log = work.resolve("log.csv");
        Files.writeString(log, String.join("\n",
                "timestamp,message_id,business,customer,direction,kind,category,status",
                "2025-08-04T10:00:00Z,w1,15550001111,5511987600001,outbound,free_form,,failed",
                "2025-08-05T10:00:00Z,,15550001111,5511987600001,inbound,message,,",
                "2025-08-05T11:00:00Z,w2,15550001111,5511987600001,outbound,free_form,,failed",
                "2025-08-20T00:00:00Z,,15550001111,5511987600009,inbound,message,,") + "\n");
        List<CsvTable.Row> l = simulate(work.resolve("out"), log.toString(), "--rates", conformance("rates").toString());
        assertEquals("rejected", row(l, "w1").get("pricing_type"));
        assertEquals("G7 error 131047", row(l, "w1").get("note"));
        assertEquals("undelivered", row(l, "w2").get("pricing_type"));
    }

    @Test
    void aWhatIfCardInAnotherCurrencyIsABadInputNamingBoth(@TempDir Path work) throws Exception {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(new String[] {"simulate", "--quiet", "--out", work.toString(),
            conformance("pmp_markets.csv").toString(), "--card", "INR@2025-10-01"}, new PrintWriter(o), new PrintWriter(e));
        assertEquals(ExitCodes.BAD_INPUT, code);
        assertTrue(e.toString().contains("INR@2025-10-01") && e.toString().contains("USD"), e.toString());
        assertFalse(Files.exists(work.resolve("ledger.csv")), "no partial ledger is left");
    }
}
