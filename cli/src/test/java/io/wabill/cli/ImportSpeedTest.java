package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports generated payloads through {@code wabill import webhooks}: a small file on every build (every payload
 * accounted for, the log sorted), and the speed measurement on 120,000 payloads on demand:
 * {@code ./mvnw -o -q -pl cli -am test -Dtest=ImportSpeedTest -Dsurefire.failIfNoSpecifiedTests=false -Dwabill.speed=true}.
 */
class ImportSpeedTest {
    @Test
    void everyGeneratedPayloadIsImportedAndTheLogIsSorted(@TempDir Path dir) throws Exception {
        WebhookGenerator.Counts c = WebhookGenerator.write(dir.resolve("hooks.jsonl"), 2_000);
        ReconcileTest.Run r = ReconcileTest.wabill("import", "webhooks", dir.resolve("hooks.jsonl").toString(),
                "--out", dir.resolve("log.csv").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(String.format("Payloads read: %,d%n", c.payloads())), r.out());
        assertTrue(r.out().contains("Rows written: " + String.format("%,d", c.messages() + c.userMessages()) + ", sorted by time"), r.out());
        List<CsvTable.Row> report = CsvTable.read(dir.resolve("log.import-report.csv"));
        assertEquals(String.valueOf(c.statuses()), value(report, "statuses_read"));
        assertEquals(String.valueOf(c.statuses() - c.messages()), value(report, "statuses_merged"));
        assertEquals("0", value(report, "bad_payloads"));
    }

    @Test
    @EnabledIfSystemProperty(named = "wabill.speed", matches = "true")
    void importSpeedOnAHundredThousandPayloads(@TempDir Path dir) throws Exception {
        Path hooks = dir.resolve("hooks.jsonl.gz");
        WebhookGenerator.Counts c = WebhookGenerator.write(hooks, 120_000);
        ReconcileTest.wabill("import", "webhooks", hooks.toString(), "--out", dir.resolve("warm.csv.gz").toString()); // JIT warm-up
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            ReconcileTest.Run r = ReconcileTest.wabill("import", "webhooks", hooks.toString(), "--out", dir.resolve("log.csv.gz").toString());
            best = Math.min(best, System.nanoTime() - t0);
            assertEquals(0, r.code(), r.err());
        }
        double seconds = best / 1e9;
        System.out.printf("import webhooks: %,d payloads (%,d messages) in %.2f s = %,.0f payloads/s%n",
                c.payloads(), c.messages(), seconds, c.payloads() / seconds);
    }

    private static String value(List<CsvTable.Row> report, String item) {
        return report.stream().filter(r -> r.get("item").equals(item)).findFirst().orElseThrow().get("value");
    }
}
