package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analytics comparison: periods, gaps Meta did not report, vocabulary mapping, cost tolerance. */
class AnalyticsComparisonTest {
    @TempDir Path dir;
    Path log;

    @BeforeEach
    void writeLog() throws Exception {
        log = dir.resolve("log.csv");
        Files.write(log, List.of(
                "timestamp,message_id,business,customer,direction,kind,category,entry_point,status,meta_pricing_model",
                "2024-11-06T09:00:00Z,,15550001111,5511987600103,inbound,message,,ctwa,,",
                "2024-11-06T09:30:00Z,wamid.D1,15550001111,5511987600103,outbound,free_form,,,delivered,CBP",
                "2025-09-10T07:00:00Z,wamid.E1,15550001111,919876500301,outbound,template,marketing,,delivered,PMP",
                "2025-09-12T07:00:00Z,wamid.E2,15550001111,919876500301,outbound,template,marketing,,delivered,PMP"));
        Files.writeString(dir.resolve("pricing.json"), """
                {"pricing_analytics": {"data": [{"data_points": [
                  {"start": 1757462400, "end": 1757548800, "country": "IN", "pricing_type": "REGULAR", "pricing_category": "MARKETING", "volume": 1, "cost": 0.0501},
                  {"start": 1757548800, "end": 1757635200, "country": "IN", "pricing_type": "REGULAR", "pricing_category": "MARKETING", "volume": 0, "cost": 0},
                  {"start": 1757721600, "end": 1757808000, "country": "IN", "pricing_type": "REGULAR", "pricing_category": "MARKETING", "volume": 0, "cost": 0}
                ]}]}, "id": "200000000000001"}
                """);
        Files.writeString(dir.resolve("conversations.json"), """
                {"data": [{"data_points": [
                  {"start": 1730419200, "end": 1733011200, "conversation": 1, "country": "BR", "conversation_type": "FREE_ENTRY",
                   "conversation_category": "SERVICE", "cost": 0}
                ]}]}
                """);
    }

    List<CsvTable.Row> compare(String tolerance) throws Exception {
        Path out = dir.resolve("out-" + tolerance);
        ReconcileTest.Run r = ReconcileTest.wabill("reconcile", log.toString(), "--analytics", dir.resolve("pricing.json").toString(),
                "--analytics", dir.resolve("conversations.json").toString(), "--cost-tolerance", tolerance,
                "--rates", ReconcileTest.resource("conformance/rates").toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err() + r.out());
        return CsvTable.read(out.resolve("analytics-diff.csv"));
    }

    static String cell(CsvTable.Row a) {
        return a.get("kind") + " " + a.get("period_start").substring(0, 10) + " " + a.get("country") + " " + a.get("category")
                + " " + a.get("pricing_type") + " " + a.get("meta_volume") + "/" + a.get("model_volume") + " " + a.get("agree");
    }

    @Test
    void trafficInADayMetaDidNotReportStillShowsAsADifference() throws Exception {
        List<String> cells = compare("0.001").stream().map(AnalyticsComparisonTest::cell).toList();
        assertEquals(List.of(
                "pricing 2025-09-10 IN MARKETING REGULAR 1/1 yes",
                "pricing 2025-09-11 IN MARKETING REGULAR 0/0 yes",
                "pricing 2025-09-12 IN MARKETING REGULAR 0/1 no",
                "pricing 2025-09-13 IN MARKETING REGULAR 0/0 yes",
                "conversation 2024-11-01 BR REFERRAL_CONVERSION FREE_ENTRY_POINT 1/1 yes"), cells);
    }

    @Test
    void costsAgreeOnlyWithinTheTolerance() throws Exception {
        List<CsvTable.Row> exact = compare("0");
        assertEquals("no", exact.get(0).get("agree"));
        assertEquals("0.0001", exact.get(0).get("cost_difference").replace("-", ""));
        assertEquals("yes", compare("0.0001").get(0).get("agree"));
    }

    @Test
    void theThreeNamesOfAFreeEntryPointAreOneThing() throws Exception {
        // W5: Meta's analytics name free entry points REFERRAL_CONVERSION, FREE_ENTRY or FREE_ENTRY_POINT
        Path fep = dir.resolve("fep.csv");
        Files.write(fep, List.of(
                "timestamp,message_id,business,customer,direction,kind,category,entry_point,status,meta_pricing_model",
                "2025-09-15T09:00:00Z,,15550001111,919876500401,inbound,message,,ctwa,,",
                "2025-09-15T09:30:00Z,wamid.F1,15550001111,919876500401,outbound,template,marketing,,delivered,PMP",
                "2025-09-16T09:00:00Z,,15550001111,919876500402,inbound,message,,page_cta,,",
                "2025-09-16T09:30:00Z,wamid.F2,15550001111,919876500402,outbound,template,utility,,delivered,PMP"));
        Path json = dir.resolve("fep-pricing.json");
        Files.writeString(json, """
                {"pricing_analytics": {"data": [{"data_points": [
                  {"start": 1757894400, "end": 1757980800, "country": "IN", "pricing_type": "REFERRAL_CONVERSION", "pricing_category": "FREE_ENTRY_POINT", "volume": 1, "cost": 0},
                  {"start": 1757980800, "end": 1758067200, "country": "IN", "pricing_type": "FREE_ENTRY", "pricing_category": "REFERRAL_CONVERSION", "volume": 1, "cost": 0}
                ]}]}, "id": "200000000000001"}
                """);
        Path out = dir.resolve("out-fep");
        ReconcileTest.Run r = ReconcileTest.wabill("reconcile", fep.toString(), "--analytics", json.toString(),
                "--rates", ReconcileTest.resource("conformance/rates").toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err() + r.out());
        List<String> cells = CsvTable.read(out.resolve("analytics-diff.csv")).stream().map(AnalyticsComparisonTest::cell).toList();
        assertEquals(List.of(
                "pricing 2025-09-15 IN REFERRAL_CONVERSION FREE_ENTRY_POINT 1/1 yes",
                "pricing 2025-09-16 IN REFERRAL_CONVERSION FREE_ENTRY_POINT 1/1 yes"), cells);
    }
}
