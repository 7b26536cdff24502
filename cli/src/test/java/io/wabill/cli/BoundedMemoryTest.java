package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory bounded by the open windows and horizons, not by the length of the input: each command runs in a forked
 * JVM with a small fixed heap on an input long enough that state kept per row would not fit (the sizes below were
 * checked to fail with OutOfMemoryError before the bounds were enforced).
 */
class BoundedMemoryTest {
    @TempDir Path dir;

    /** Runs wabill in a new JVM with {@code -Xmx<heap>} (and the serial collector when asked); returns the exit code and output. */
    private static CliRun fork(String heap, boolean serialGc, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap));
        if (serialGc) command.add("-XX:+UseSerialGC");
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        p.getOutputStream().close();
        // Read both streams fully (small outputs) so the child never blocks on a full pipe.
        var out = new java.util.concurrent.CompletableFuture<String>();
        new Thread(() -> {
            try {
                out.complete(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.complete("");
            }
        }).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the forked run ends");
        return new CliRun(p.exitValue(), out.join(), err);
    }

    @Test
    void compareWithADeferringStrategyHoldsOnlyTheDeferralHorizon() throws Exception {
        // Utility templates every 10 s for 23 days to 2,000 customers who never write: each is deferred for the
        // customer's next message (24 h) and then sent as logged. Kept per message, 200,000 of them need ~60 MB.
        Path log = dir.resolve("utility.csv");
        long start = Instant.parse("2025-09-01T00:00:00Z").getEpochSecond();
        try (BufferedWriter w = Files.newBufferedWriter(log)) {
            w.write("timestamp,message_id,business,customer,direction,kind,category,entry_point,status,delivered_at,template,tokens\n");
            for (int i = 0; i < 200_000; i++)
                w.write(Instant.ofEpochSecond(start + 10L * i) + ",wamid.u" + i + ",5511940000002,55119" + (10_000_000 + i % 2000)
                        + ",outbound,template,utility,,delivered,,tpl,\n");
        }
        CliRun r = fork("32m", true, "compare", log.toString(), "--strategy", "window-aware-utility", "--status-horizon", "1h",
                "--allow-stale-card", "--quiet", "--out", dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(Files.readString(dir.resolve("out/comparison.csv")).contains("window-aware-utility"));
    }

    @Test
    void importOfNeverDeliveredMessagesHoldsAbout70BytesEach() throws Exception {
        // 200,000 messages sent and never delivered: each must be remembered for a late delivery (G10). As objects
        // (150,000 did not fit in 24 MB) they would need over 40 MB; in paged slots of ~70 bytes, about 14 MB. The heap
        // leaves the rest of the import (libphonenumber's metadata, the reader) room enough not to depend on GC timing.
        Path hooks = dir.resolve("hooks.jsonl");
        long start = Instant.parse("2025-09-10T00:00:00Z").getEpochSecond();
        try (BufferedWriter w = Files.newBufferedWriter(hooks)) {
            for (int i = 0; i < 200_000; i++) {
                w.write("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"200000000000001\",\"changes\":[{\"value\":"
                        + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"1\"},"
                        + "\"statuses\":[{\"id\":\"wamid.HBgNNTUxMTk4NzYwMDEwMRUCABEYEjQ" + i + "\",\"status\":\"sent\",\"timestamp\":\""
                        + (start + 2L * i) + "\",\"recipient_id\":\"55119" + (10_000_000 + i) + "\",\"pricing\":{\"billable\":true,"
                        + "\"pricing_model\":\"PMP\",\"category\":\"utility\",\"type\":\"regular\"}}]},\"field\":\"messages\"}]}]}\n");
            }
        }
        CliRun r = fork("32m", true, "import", "webhooks", hooks.toString(), "--out", dir.resolve("log.csv").toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("Rows written: 200,000"), r.describe());
    }

    @Test
    void generateAtALargeScaleHoldsASliceOfADayNotTheDay() throws Exception {
        // fintech-otp-in at scale 15: about 750,000 events a day, some 75 MB if a day were held whole.
        CliRun r = fork("40m", true, "generate", "--scenario", "fintech-otp-in", "--from", "2026-10-01", "--to", "2026-10-01",
                "--scale", "15", "--quiet", "--out", dir.resolve("big.csv.gz").toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(Files.size(dir.resolve("big.csv.gz")) > 1_000_000);
    }
}
