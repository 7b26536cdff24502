package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.samples.SyntheticLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several threads write the bytes one thread writes: two read the log on one and price it on the other, three or
 * more price independent portfolios in lanes.
 */
class ThreadsTest {
    @TempDir Path dir;
    private String lastOutput = "";

    @Test
    void moreThreadsWriteTheSameFilesAsOneForAMultiPortfolioLog() throws Exception {
        SyntheticLog.Settings s = new SyntheticLog.Settings(60_000, LocalDate.of(2026, 9, 20), 20, 5, 3, 2_000, 3L);
        Path log = dir.resolve("log.csv");
        Path accounts = dir.resolve("accounts.csv");
        SyntheticLog.write(s, log);
        SyntheticLog.writeAccounts(s, accounts);
        assertSameOutputs(List.of("simulate", log.toString(), "--accounts", accounts.toString()));
        assertTrue(lastOutput.contains("priced on 3 threads"), "the lanes ran rather than giving up: " + lastOutput);
    }

    /** CBP conversation ids are numbered per account, so a CBP-era log splits into lanes like any other. */
    @Test
    void moreThreadsWriteTheSameFilesAsOneForACbpEraLogOfSeveralPortfolios() throws Exception {
        SyntheticLog.Settings s = new SyntheticLog.Settings(40_000, LocalDate.of(2024, 10, 10), 20, 4, 3, 1_500, 5L);
        Path log = dir.resolve("cbp.csv");
        Path accounts = dir.resolve("accounts.csv");
        SyntheticLog.write(s, log);
        SyntheticLog.writeAccounts(s, accounts);
        assertSameOutputs(List.of("simulate", log.toString(), "--accounts", accounts.toString()));
        assertTrue(lastOutput.contains("priced on 3 threads"), "the lanes ran rather than giving up: " + lastOutput);
        String ledger = Files.readString(dir.resolve("out-3").resolve("ledger.csv"));
        assertTrue(ledger.contains(",CBP,") && ledger.contains(",conv-1,"), "the log is priced under CBP with conversations");
    }

    @Test
    void moreThreadsWriteTheSameFilesAsOneWhenRowsAreSkippedOrStatusRowsMerged() throws Exception {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, """
                timestamp,message_id,business,customer,direction,kind,category,status,account,portfolio
                2026-10-01T09:00:00Z,,5511940000001,5511987600001,inbound,message,,,a,p1
                2026-10-01T09:00:00Z,m1,5511940000002,919876543210,outbound,template,utility,sent,b,p2
                2026-10-01T09:00:05Z,m2,5511940000001,5511987600001,outbound,template,utility,,a,p1
                2026-10-01T09:01:00Z,m1,5511940000002,919876543210,outbound,template,utility,delivered,b,p2
                2026-10-01T09:02:00Z,m3,5511940000002,919876543210,sideways,template,utility,,b,p2
                2026-10-01T09:03:00Z,m4,5511940000001,5511987600001,outbound,template,marketing,,a,p1
                """);
        assertSameOutputs(List.of("simulate", log.toString(), "--on-error", "skip"));
    }

    /** Runs on 2 threads (a reader beside the pricing) and on 3 (lanes), last, and compares both with one thread. */
    private void assertSameOutputs(List<String> args) throws Exception {
        Path one = run(args, 1);
        assertSameOutputs(one, run(args, 2));
        assertSameOutputs(one, run(args, 3));
    }

    private void assertSameOutputs(Path one, Path two) throws Exception {
        List<String> names = new ArrayList<>();
        try (var files = Files.list(one)) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        assertEquals(names.size(), Files.list(two).count(), "the same files");
        for (String name : names) {
            if (name.equals("run.json")) {
                // The manifests name different --threads and --out arguments; inputs, rows and files are the same.
                assertEquals(withoutArguments(one.resolve(name)), withoutArguments(two.resolve(name)), name);
                continue;
            }
            assertArrayEquals(Files.readAllBytes(one.resolve(name)), Files.readAllBytes(two.resolve(name)), name);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode withoutArguments(Path manifest) throws Exception {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.toFile());
        node.remove("arguments");
        return node;
    }

    private Path run(List<String> args, int threads) {
        Path out = dir.resolve("out-" + threads);
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--out", out.toString(), "--quiet", "--threads", Integer.toString(threads)));
        StringWriter text = new StringWriter();
        int code = Main.run(all.toArray(new String[0]), new PrintWriter(text), new PrintWriter(text));
        assertEquals(0, code, text::toString);
        lastOutput = text.toString();
        return out;
    }
}
