package io.wabill.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a synthetic stream of webhook payloads (JSON lines, gzip when the name ends with .gz) in Meta's field
 * structure with made-up numbers: per business message a {@code sent}, {@code delivered} and {@code read}
 * status in separate payloads, every fourth message answering a user message (a free-form reply, free under
 * D2) and the others marketing templates (charged, D4). Deterministic: the same count gives the same bytes.
 *
 * <p>Run by hand: {@code java -cp cli/target/test-classes:cli/target/wabill.jar io.wabill.cli.WebhookGenerator
 * hooks.jsonl.gz 100000}.
 */
public final class WebhookGenerator {
    static final long START = 1_757_462_400L; // 2025-09-10T00:00:00Z

    /** What was written, for checking an import of it. */
    public record Counts(long payloads, long messages, long userMessages, long statuses) {}

    public static void main(String[] args) throws IOException {
        Counts c = write(Path.of(args[0]), Long.parseLong(args[1]));
        System.out.println("wrote " + c.payloads() + " payloads to " + args[0]);
    }

    /** Writes at least {@code minPayloads} payloads. */
    public static Counts write(Path file, long minPayloads) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) raw = new GZIPOutputStream(raw, 1 << 16);
        long payloads = 0, messages = 0, users = 0;
        try (Writer w = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16)) {
            for (long i = 0; payloads < minPayloads; i++) {
                long t = START + i * 2;
                String customer = "55119876" + String.format("%05d", i % 50_000);
                boolean reply = i % 4 == 0;
                if (reply) {
                    line(w, "\"contacts\":[{\"profile\":{\"name\":\"Test User\"},\"wa_id\":\"" + customer + "\"}],\"messages\":[{\"from\":\""
                            + customer + "\",\"id\":\"wamid.GEN-IN" + i + "\",\"timestamp\":\"" + (t - 1)
                            + "\",\"type\":\"text\",\"text\":{\"body\":\"hello\"}}]");
                    payloads++;
                    users++;
                }
                String pricing = reply
                        ? "{\"billable\":false,\"pricing_model\":\"PMP\",\"category\":\"service\",\"type\":\"free_customer_service\"}"
                        : "{\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"marketing\",\"type\":\"regular\"}";
                String origin = reply ? "service" : "marketing";
                String[] statuses = {"sent", "delivered", "read"};
                for (int s = 0; s < statuses.length; s++) {
                    String conversation = "{\"id\":\"gen" + i + "\"" + (s == 0 ? ",\"expiration_timestamp\":\"" + t + "\"" : "")
                            + ",\"origin\":{\"type\":\"" + origin + "\"}}";
                    line(w, "\"statuses\":[{\"id\":\"wamid.GEN" + i + "\",\"status\":\"" + statuses[s] + "\",\"timestamp\":\""
                            + (t + s) + "\",\"recipient_id\":\"" + customer + "\"" + (s < 2 ? ",\"conversation\":" + conversation
                            + ",\"pricing\":" + pricing : "") + "}]");
                    payloads++;
                }
                messages++;
            }
        }
        return new Counts(payloads, messages, users, messages * 3);
    }

    private static void line(Writer w, String value) throws IOException {
        w.write("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"200000000000001\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001111\","
                + "\"phone_number_id\":\"100000000000001\"}," + value + "},\"field\":\"messages\"}]}]}\n");
    }

    private WebhookGenerator() {}
}
