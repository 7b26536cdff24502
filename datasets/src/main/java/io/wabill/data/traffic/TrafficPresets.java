package io.wabill.data.traffic;

import io.wabill.sim.market.MarketMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bundled traffic presets, and how a scenario argument (a preset name or a YAML file) is resolved. */
public final class TrafficPresets {
    static final String FOLDER = "/io/wabill/data/traffic/presets/";

    private TrafficPresets() {}

    /** The preset names, in the order of the bundle's index. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open("index.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) if (!line.isBlank() && !line.startsWith("#")) names.add(line.trim());
        } catch (IOException e) {
            throw new IllegalStateException("the traffic preset index cannot be read: " + e.getMessage(), e);
        }
        return names;
    }

    /** A preset's YAML text as bundled, comments included. */
    public static InputStream open(String name) throws IOException {
        InputStream in = TrafficPresets.class.getResourceAsStream(FOLDER + name);
        if (in == null) throw new IOException("bundled traffic file " + name + " is missing from the jar");
        return in;
    }

    /**
     * Reads a scenario: an existing file, else a bundled preset of that name (with or without {@code .yaml}).
     * An unknown name is a {@link TrafficModelException} listing the presets.
     */
    public static TrafficModel load(String scenario, MarketMap markets) throws IOException, TrafficModelException {
        Path path = Path.of(scenario);
        if (Files.isRegularFile(path)) return TrafficModelReader.read(path, markets);
        String name = scenario.endsWith(".yaml") ? scenario.substring(0, scenario.length() - 5) : scenario;
        if (!names().contains(name)) {
            throw new TrafficModelException(List.of("scenario '" + scenario + "' is neither a file nor a bundled preset (presets: "
                    + String.join(", ", names()) + ")"));
        }
        try (InputStream in = open(name + ".yaml")) {
            return TrafficModelReader.read(in, "preset " + name, markets);
        }
    }
}
