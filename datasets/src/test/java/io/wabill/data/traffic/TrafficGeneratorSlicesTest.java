package io.wabill.data.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A day with more events than the batch budget is generated again per slice of time; the rows must be the same,
 * in the same order, as when the day is held whole (the seed's bytes do not depend on the heap).
 */
class TrafficGeneratorSlicesTest {
    private static final LocalDate FROM = LocalDate.of(2026, 10, 1);

    @ParameterizedTest
    @ValueSource(strings = {"ecommerce-br", "fintech-otp-in", "support-heavy-gb", "multi-market-global"})
    void slicedDaysGiveTheSameRowsAsWholeDays(String preset) throws Exception {
        TrafficModel model = TrafficPresets.load(preset, TrafficTestModels.markets());
        TrafficGenerator.Plan plan = new TrafficGenerator.Plan(FROM, FROM.plusDays(2), 0.3, 0, 5);
        List<String> whole = rows(new TrafficGenerator(model, plan));
        TrafficGenerator sliced = new TrafficGenerator(model, plan).sliceBudget(whole.size() / 20 + 1);
        List<String> parts = rows(sliced);
        assertTrue(whole.size() > 1000, "a test log long enough to need slices: " + whole.size());
        assertTrue(sliced.peakHeld() < whole.size() / 2, "slices hold less than the days: " + sliced.peakHeld());
        assertEquals(whole.size(), parts.size());
        for (int i = 0; i < whole.size(); i++) assertEquals(whole.get(i), parts.get(i), "row " + i);
    }

    private static List<String> rows(TrafficGenerator g) throws IOException {
        List<String> out = new ArrayList<>();
        g.run(r -> out.add(r.at() + " " + r.deliveredAt() + " " + r.market() + " " + r.customer() + " " + r.type() + " "
                + r.category() + " " + r.status() + " " + r.ctwa() + " " + r.tokens() + " " + r.messageNo()));
        return out;
    }
}
