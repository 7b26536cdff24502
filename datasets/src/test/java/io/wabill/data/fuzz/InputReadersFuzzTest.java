package io.wabill.data.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.wabill.data.accounts.AccountsException;
import io.wabill.data.accounts.AccountsReader;
import io.wabill.data.log.LogFormatException;
import io.wabill.data.log.RowError;
import io.wabill.data.rates.CatalogLoadException;
import io.wabill.data.rates.CatalogLoader;
import io.wabill.data.webhooks.ImportReport;
import io.wabill.data.webhooks.ImportedRow;
import io.wabill.data.webhooks.WebhookImport;
import io.wabill.sim.rates.CardProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing the readers of user files with seeded mutations of valid inputs. The property: every input gives either a
 * result or input errors that name the file (and the line when there is one), never another exception. A failure
 * names the seed; {@link Mutator#mutate} with it rebuilds the input.
 */
class InputReadersFuzzTest {
    private static final int CASES = 60;
    @TempDir Path dir;

    private static byte[] bundled(String name) throws IOException {
        try (InputStream in = CatalogLoader.resource(name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = InputReadersFuzzTest.class.getResourceAsStream("/meta/" + name)) {
            return in.readAllBytes();
        }
    }

    private Path fresh(String name) throws IOException {
        Path d = dir.resolve(name);
        if (Files.exists(d)) try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        return Files.createDirectories(d);
    }

    /** Loads the folder; returns the problems (none when it loaded). Any other exception fails with the seed. */
    private static List<CardProblem> load(Path folder, long seed) {
        try {
            CatalogLoader.load(folder);
            return List.of();
        } catch (CatalogLoadException e) {
            for (CardProblem p : e.problems()) {
                assertFalse(p.file() == null || p.file().isEmpty(), "seed " + seed + ": a problem names its file: " + p);
                assertFalse(p.message() == null || p.message().isEmpty(), "seed " + seed + ": " + p);
            }
            return e.problems();
        } catch (Throwable t) {
            return fail("seed " + seed + ": " + t, t);
        }
    }

    @Test
    void normalizedCards() throws IOException {
        byte[] card = bundled("meta-rates-USD-2026-10-01.csv");
        int rejected = 0;
        for (long seed = 1; seed <= CASES; seed++) {
            Path d = fresh("card");
            Files.write(d.resolve("meta-rates-USD-2026-10-01.csv"), Mutator.mutate(card, seed));
            if (!load(d, seed).isEmpty()) rejected++;
        }
        assertTrue(rejected > 0, "the mutations reach the checks");
    }

    @Test
    void marketMapsAndCoverage() throws IOException {
        byte[] card = bundled("meta-rates-USD-2026-10-01.csv");
        byte[] markets = bundled(CatalogLoader.MARKETS), coverage = bundled(CatalogLoader.COVERAGE);
        for (long seed = 1; seed <= CASES; seed++) {
            Path d = fresh("tables");
            Files.write(d.resolve("meta-rates-USD-2026-10-01.csv"), card);
            Files.write(d.resolve(CatalogLoader.MARKETS), seed % 2 == 0 ? Mutator.mutate(markets, seed) : markets);
            Files.write(d.resolve(CatalogLoader.COVERAGE), seed % 2 == 1 ? Mutator.mutate(coverage, seed) : coverage);
            load(d, seed);
        }
    }

    @Test
    void metasOwnFiles() throws IOException {
        byte[] rates = resource("meta-usd-rates-2026-10-01.csv"), tiers = resource("meta-usd-volume-tiers-2026-10-01.csv");
        byte[] older = resource("meta-usd-conversations-2022-06-01.csv");
        for (long seed = 1; seed <= CASES; seed++) {
            Path d = fresh("meta");
            Files.write(d.resolve("meta-usd-rates-2026-10-01.csv"), seed % 3 == 0 ? rates : Mutator.mutate(rates, seed));
            Files.write(d.resolve("meta-usd-volume-tiers-2026-10-01.csv"), seed % 3 == 1 ? tiers : Mutator.mutate(tiers, seed * 7));
            if (seed % 5 == 0) Files.write(d.resolve("meta-usd-conversations-2022-06-01.csv"), Mutator.mutate(older, seed));
            load(d, seed);
        }
    }

    @Test
    void accountsFiles() throws IOException {
        byte[] accounts = ("account,time_zone,currency,business_country,auth_international_from,auth_international_markets,portfolio\n"
                + "a1,America/Sao_Paulo,USD,BR,2024-07-01,India=2024-07-01;Indonesia=2024-06-01,p1\n"
                + "a2,Asia/Kolkata,INR,IN,,,p1\na3,UTC,,,,,\n").getBytes(StandardCharsets.UTF_8);
        int rejected = 0;
        for (long seed = 1; seed <= CASES * 2; seed++) {
            Path f = dir.resolve("accounts.csv");
            Files.write(f, Mutator.mutate(accounts, seed));
            try {
                AccountsReader.read(f);
            } catch (AccountsException e) {
                rejected++;
                for (RowError p : e.problems()) assertEquals(f.toString(), p.file(), "seed " + seed + ": " + p.describe());
            } catch (Throwable t) {
                fail("seed " + seed + ": " + t, t);
            }
        }
        assertTrue(rejected > 0, "the mutations reach the checks");
    }

    @Test
    void webhookPayloads() throws IOException {
        String hook = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"200000000000001\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"1\"},%s},"
                + "\"field\":\"messages\"}]}]}";
        String lines = String.format(hook, "\"messages\":[{\"from\":\"5511987600101\",\"id\":\"wamid.in1\",\"timestamp\":\"1757505600\","
                + "\"type\":\"text\",\"referral\":{\"source_type\":\"ad\",\"ctwa_clid\":\"x\"}}]") + "\n"
                + String.format(hook, "\"statuses\":[{\"id\":\"wamid.A\",\"status\":\"sent\",\"timestamp\":\"1757505660\",\"recipient_id\":"
                + "\"5511987600101\",\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"utility\",\"type\":\"regular\"},"
                + "\"conversation\":{\"id\":\"c1\",\"expiration_timestamp\":\"1757592000\",\"origin\":{\"type\":\"utility\"}}}]") + "\n"
                + String.format(hook, "\"statuses\":[{\"id\":\"wamid.A\",\"status\":\"delivered\",\"timestamp\":\"1757505663\","
                + "\"recipient_id\":\"5511987600101\",\"errors\":[{\"code\":131047}]}]") + "\n"
                + String.format(hook, "\"calls\":[{\"from\":\"5511987600101\",\"id\":\"call1\",\"timestamp\":\"1757505700\",\"direction\":\"USER_INITIATED\"}]") + "\n";
        byte[] jsonLines = lines.getBytes(StandardCharsets.UTF_8);
        byte[] array = ("[" + lines.strip().replace("\n", ",\n") + "]").getBytes(StandardCharsets.UTF_8);
        long unreadable = 0;
        for (long seed = 1; seed <= CASES * 2; seed++) {
            byte[] base = seed % 2 == 0 ? jsonLines : array;
            byte[] mutated = Mutator.mutate(base, seed);
            boolean gz = seed % 5 == 0;
            Path f = dir.resolve(gz ? "hooks.jsonl.gz" : "hooks.jsonl");
            if (gz) {
                byte[] packed = gzip(mutated);
                // every few, damage the compressed bytes themselves, not only the text
                Files.write(f, seed % 10 == 0 ? Mutator.mutate(packed, seed) : packed);
            } else {
                Files.write(f, mutated);
            }
            List<RowError> errors = new ArrayList<>();
            List<ImportedRow> rows = new ArrayList<>();
            try {
                ImportReport report = new WebhookImport(new WebhookImport.Settings(Duration.ofHours(1), Duration.ofDays(7), null))
                        .run(List.of(f), rows::add, errors::add);
                assertEquals(report.rowsWritten(), rows.size(), "seed " + seed);
            } catch (LogFormatException e) {
                assertEquals(f.toString(), e.error().file(), "seed " + seed);
            } catch (Throwable t) {
                fail("seed " + seed + ": " + t, t);
            }
            for (RowError e : errors) {
                assertEquals(f.toString(), e.file(), "seed " + seed + ": " + e.describe());
                assertFalse(e.reason().isEmpty(), "seed " + seed);
            }
            unreadable += errors.size();
        }
        assertTrue(unreadable > 0, "the mutations reach the checks");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream g = new GZIPOutputStream(b)) {
            g.write(data);
        }
        return b.toByteArray();
    }
}
