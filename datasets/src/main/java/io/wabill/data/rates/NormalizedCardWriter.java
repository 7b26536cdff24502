package io.wabill.data.rates;

import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.RateCard;
import io.wabill.sim.rates.RateCategory;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a card in the normalized long form ({@code meta-rates-<CUR>-<YYYY-MM-DD>.csv}:
 * {@code market,currency,category,tier_from,tier_to,rate}, an open last band with an empty {@code tier_to}), the form
 * the bundled catalog uses and {@link NormalizedCardReader} reads. Rates are written exactly as printed.
 */
public final class NormalizedCardWriter {
    private NormalizedCardWriter() {}

    public static String fileName(RateCard card) {
        return "meta-rates-" + card.currency() + "-" + card.effective() + ".csv";
    }

    /** Writes the card into {@code dir} under its normalized name (via a temporary file) and returns the path. */
    public static Path write(RateCard card, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(fileName(card));
        Path tmp = dir.resolve("." + fileName(card) + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                write(card, w);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** Writes the card's rows to {@code w} (a run's output set stages the file and publishes it with the others). */
    public static void write(RateCard card, Writer w) throws IOException {
        w.write("market,currency,category,tier_from,tier_to,rate\n");
        for (Map.Entry<String, EnumMap<RateCategory, Bands>> m : new TreeMap<>(card.markets()).entrySet()) {
            for (Map.Entry<RateCategory, Bands> c : m.getValue().entrySet()) {
                for (Band b : c.getValue().asList()) {
                    w.write(cell(m.getKey()) + "," + card.currency() + "," + c.getKey().code() + "," + b.from() + ","
                            + (b.isOpen() ? "" : Long.toString(b.to())) + "," + b.rate().toPlainString() + "\n");
                }
            }
        }
    }

    /** Market names may hold a comma or an ampersand ("Rest of Central & Eastern Europe"): quote when needed. */
    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
