package io.wabill.data.webhooks;

import static io.wabill.data.webhooks.Payloads.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.log.RowError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gzip bombs, damaged gzip and oversized payloads in webhook dumps: reported with the file, the rest imported. */
class WebhookBoundsTest {
    static final String USER = "5511987600101";
    @TempDir Path dir;
    final List<ImportedRow> rows = new ArrayList<>();
    final List<RowError> errors = new ArrayList<>();

    private ImportReport run(Path... files) throws IOException {
        rows.clear();
        errors.clear();
        return new WebhookImport(new WebhookImport.Settings(Duration.ofHours(1), Duration.ofDays(7), null))
                .run(List.of(files), rows::add, errors::add);
    }

    private static String hook(int i) {
        return status("wamid." + i, "delivered", "2025-09-10T12:00:0" + (i % 10) + "Z", USER,
                "{\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"utility\",\"type\":\"regular\"}", null, null);
    }

    private static byte[] gzip(String text) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (OutputStream g = new GZIPOutputStream(b)) {
            g.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    @Test
    void aCutShortGzipDumpKeepsThePayloadsBeforeTheDamageAndNamesTheFile() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) text.append(hook(i)).append('\n');
        byte[] whole = gzip(text.toString());
        Path f = dir.resolve("hooks.jsonl.gz");
        Files.write(f, Arrays.copyOf(whole, whole.length * 3 / 4));
        ImportReport report = run(f);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(f.toString(), errors.get(0).file());
        assertTrue(errors.get(0).reason().contains("Unexpected end of ZLIB input stream"), errors.get(0).reason());
        assertTrue(report.payloads() > 0 && report.payloads() < 2000, "payloads before the damage: " + report.payloads());
    }

    @Test
    void aFileThatIsNotGzipIsNamedAndTheOtherFilesAreImported() throws IOException {
        Path bad = dir.resolve("bad.jsonl.gz"), good = dir.resolve("good.jsonl");
        Files.writeString(bad, hook(1) + "\n");
        Files.writeString(good, hook(2) + "\n");
        run(bad, good);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(bad.toString(), errors.get(0).file());
        assertTrue(errors.get(0).reason().startsWith("not a readable gzip file: Not in GZIP format"), errors.get(0).reason());
        assertEquals(1, rows.size());
    }

    @Test
    void aGzipBombIsStoppedAndNamed() throws IOException {
        Path f = dir.resolve("bomb.jsonl.gz");
        try (OutputStream g = new GZIPOutputStream(Files.newOutputStream(f))) {
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            g.write((hook(1) + "\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 100; i++) g.write(spaces); // 100 MiB of blanks: a ratio near 1000
        }
        assertTrue(Files.size(f) < 1 << 20);
        run(f);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).reason().contains("times its compressed size"), errors.get(0).reason());
    }

    @Test
    void anOverlongPayloadLineIsSkippedAndTheNextLinesRead() throws IOException {
        Path f = dir.resolve("hooks.jsonl");
        String huge = "{\"object\":\"whatsapp_business_account\",\"pad\":\"" + "x".repeat(PayloadReader.MAX_PAYLOAD_CHARS) + "\"}";
        Files.writeString(f, hook(1) + "\n" + huge + "\n" + hook(2) + "\n");
        ImportReport report = run(f);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(2, errors.get(0).line());
        assertTrue(errors.get(0).reason().contains("a payload longer than"), errors.get(0).reason());
        assertEquals(2, report.payloads());
    }

    @Test
    void anOverlongPayloadInAStreamEndsThatFileWithItsLine() throws IOException {
        Path f = dir.resolve("hooks.json");
        String huge = "{\"object\":\"whatsapp_business_account\",\"pad\":\"" + "x".repeat(PayloadReader.MAX_PAYLOAD_CHARS + 100_000) + "\"}";
        Files.writeString(f, "[\n" + hook(1) + ",\n" + huge + ",\n" + hook(2) + "\n]\n");
        ImportReport report = run(f);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(3, errors.get(0).line());
        assertTrue(errors.get(0).reason().contains("a payload longer than"), errors.get(0).reason());
        assertEquals(1, report.payloads());
    }
}
