package io.wabill.data.traffic;

import io.wabill.data.rates.CatalogLoader;
import io.wabill.sim.market.MarketMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;

/** Models and logs the traffic tests share. */
final class TrafficTestModels {
    private TrafficTestModels() {}

    static MarketMap markets() throws IOException {
        return CatalogLoader.bundledMarkets(new ArrayList<>());
    }

    /** The model of {@code src/test/resources/traffic/known-model.yaml}. */
    static TrafficModel known() throws Exception {
        try (InputStream in = TrafficTestModels.class.getResourceAsStream("/traffic/known-model.yaml")) {
            return TrafficModelReader.read(in, "known-model.yaml", markets());
        }
    }

    static TrafficModel yaml(String text) throws Exception {
        return TrafficModelReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.yaml", markets());
    }

    /** The CSV bytes of a generated log. */
    static byte[] csv(TrafficModel model, LocalDate from, LocalDate to, double scale, long seed) throws IOException {
        return csv(model, from, to, scale, 0, seed);
    }

    /** The CSV bytes of a generated log whose customers grow by {@code growth} a month. */
    static byte[] csv(TrafficModel model, LocalDate from, LocalDate to, double scale, double growth, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LogCsvWriter w = new LogCsvWriter(out, model)) {
            new TrafficGenerator(model, new TrafficGenerator.Plan(from, to, scale, growth, seed)).run(w);
        }
        return out.toByteArray();
    }
}
