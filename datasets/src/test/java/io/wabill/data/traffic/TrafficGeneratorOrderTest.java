package io.wabill.data.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generator emits rows by instant, ties in the order they were created, whatever sort it uses inside (a radix sort
 * for a day's batch, a comparison sort for small ones) and although it reuses its row objects: checked against a
 * plain sort of copies of every row, over days of thousands of events in several time zones.
 */
class TrafficGeneratorOrderTest {
    private record Row(long at, long sequence, int market, long customer, byte type, long deliveredAt) {}

    @Test
    void rowsComeByInstantThenCreationOrder() throws Exception {
        TrafficModel model = TrafficPresets.load("multi-market-global", TrafficTestModels.markets());
        TrafficGenerator g = new TrafficGenerator(model,
                new TrafficGenerator.Plan(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 12), 2, 0.05, 11));
        List<Row> emitted = new ArrayList<>();
        g.run(r -> emitted.add(new Row(r.at, r.sequence, r.market, r.customer, r.type, r.deliveredAt)));
        assertTrue(emitted.size() > 20_000, "days large enough for the radix sort: " + emitted.size());
        List<Row> sorted = new ArrayList<>(emitted);
        sorted.sort(Comparator.comparingLong(Row::at).thenComparingLong(Row::sequence));
        assertEquals(sorted, emitted);
    }
}
