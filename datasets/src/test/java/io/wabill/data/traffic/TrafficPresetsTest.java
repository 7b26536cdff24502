package io.wabill.data.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.market.MarketResolver;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficPresetsTest {
    @Test
    void theFourPresetsAreBundled() {
        assertEquals(List.of("ecommerce-br", "fintech-otp-in", "support-heavy-gb", "multi-market-global"), TrafficPresets.names());
    }

    @Test
    void everyPresetLoadsAndItsNumbersBelongToItsMarkets() throws Exception {
        MarketResolver resolver = new MarketResolver(TrafficTestModels.markets());
        for (String name : TrafficPresets.names()) {
            TrafficModel m = TrafficPresets.load(name, TrafficTestModels.markets());
            assertTrue(m.expectedRowsPerDay() > 1000, name);
            assertEquals(List.of(), TrafficModelChecks.numbersResolve(m, resolver, LocalDate.of(2026, 12, 1)), name);
        }
    }

    @Test
    void everyPresetExplainsItsNumbersInComments() throws Exception {
        for (String name : TrafficPresets.names()) {
            try (InputStream in = TrafficPresets.open(name + ".yaml")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                long comments = text.lines().filter(l -> l.contains("#")).count();
                assertTrue(text.startsWith("# Preset " + name + ":"), name);
                assertTrue(comments >= 10, name + " has only " + comments + " commented lines");
            }
        }
    }

    @Test
    void aWrongNumberPrefixIsCaughtBeforeAnythingIsPriced() throws Exception {
        TrafficModel m = TrafficTestModels.yaml("markets:\n  - {market: India, number_prefix: \"5511\", number_length: 13}\n");
        List<String> problems = TrafficModelChecks.numbersResolve(m, new MarketResolver(TrafficTestModels.markets()), LocalDate.of(2026, 12, 1));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("belong to market Brazil"), problems.get(0));
    }

    @Test
    void anUnknownScenarioListsThePresets() {
        TrafficModelException e = assertThrows(TrafficModelException.class, () -> TrafficPresets.load("retail-xx", TrafficTestModels.markets()));
        assertTrue(e.getMessage().contains("presets: ecommerce-br, fintech-otp-in, support-heavy-gb, multi-market-global"), e.getMessage());
    }
}
