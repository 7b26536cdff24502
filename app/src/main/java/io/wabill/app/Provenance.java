package io.wabill.app;

import io.wabill.data.rates.CatalogLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a card came from, for the report: for a bundled card, the summary and the source paragraph of its section
 * in the bundle's {@code PROVENANCE.md}; for a user's card, its file.
 */
public final class Provenance {
    static final String BUNDLED = "bundled ";
    private static final int MAX = 600;

    private final Map<String, String> byFile;

    private Provenance(Map<String, String> byFile) { this.byFile = byFile; }

    public static Provenance bundled() {
        Map<String, String> map = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(CatalogLoader.resource("PROVENANCE.md"), StandardCharsets.UTF_8))) {
            String line, file = null;
            StringBuilder text = null;
            boolean inSource = false;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("## ")) {
                    if (file != null) map.put(file, clip(text));
                    String head = line.substring(3).trim();
                    int dash = head.indexOf(" — ");
                    file = dash < 0 ? head : head.substring(0, dash).trim();
                    text = new StringBuilder(dash < 0 ? "" : head.substring(dash + 3).trim() + ". ");
                    inSource = false;
                } else if (file != null) {
                    String t = line.trim();
                    if (t.startsWith("* **Source")) inSource = true;
                    else if (t.startsWith("* **")) inSource = false;
                    if (inSource && !t.isEmpty())
                        text.append(t.replaceFirst("^\\* ", "").replace("**", "").replace("*", "").replace("`", "")).append(' ');
                }
            }
            if (file != null) map.put(file, clip(text));
        } catch (IOException e) {
            // Without the file the report says so per card; pricing does not depend on it.
        }
        return new Provenance(map);
    }

    private static String clip(StringBuilder b) {
        String s = b.toString().replaceAll("\\s+", " ").trim();
        return s.length() <= MAX ? s : s.substring(0, MAX - 1) + "…";
    }

    /**
     * The provenance text of a card whose {@code source} is as {@link io.wabill.sim.rates.RateCard#source()} gives it
     * (the file name, for a bundled card).
     */
    public String of(String source, boolean bundledCatalog) {
        if (bundledCatalog) {
            String name = source.startsWith(BUNDLED) ? source.substring(BUNDLED.length()).trim() : source.trim();
            String text = byFile.get(name);
            return text == null ? "bundled card; see PROVENANCE.md in the bundle" : "bundled: " + text + " (PROVENANCE.md)";
        }
        return "supplied by the user: " + source;
    }
}
