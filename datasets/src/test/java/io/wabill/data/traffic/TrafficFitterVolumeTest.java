package io.wabill.data.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wabill.data.log.RowErrorHandler;
import io.wabill.sim.market.MarketResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever the shape of a log's utility traffic, the fitted model sends as many utility templates as the log did. */
class TrafficFitterVolumeTest {
    @Test
    void singleTemplateEventsThatNeverOverlapAreNotInflatedByTheHiddenEventCorrection(@TempDir Path dir) throws Exception {
        // 300 customers, one utility template every third day each, never two within 48 h: the correction for events
        // hidden inside another's 48 hours would nearly double the volume (rate 1/3 a day); there is nothing hidden.
        StringBuilder csv = new StringBuilder("timestamp,message_id,business,customer,direction,kind,category,entry_point,status,delivered_at,template,tokens\n");
        long start = Instant.parse("2026-09-01T12:00:00Z").getEpochSecond();
        int templates = 0;
        for (int day = 0; day < 42; day++) {
            for (int c = 0; c < 300; c++) {
                if ((c + day) % 3 != 0) continue;
                long t = start + day * 86_400L + c * 60L;
                csv.append(Instant.ofEpochSecond(t)).append(",wamid.u").append(templates++).append(",5511940000001,55119")
                        .append(String.format("%08d", 10_000_000 + c)).append(",outbound,template,utility,,delivered,")
                        .append(Instant.ofEpochSecond(t + 2)).append(",order_update,\n");
            }
        }
        Path log = dir.resolve("utility.csv");
        Files.writeString(log, csv.toString());
        TrafficFitting.Result fit = TrafficFitting.fit(List.of(log), ZoneId.of("UTC"), Map.of(), new MarketResolver(TrafficTestModels.markets()),
                RowErrorHandler.STOP, Duration.ofHours(1), 1000);
        MarketTraffic m = fit.model().markets().get(0);
        double perDay = m.customers() * m.utility().eventsPerCustomerDay() * m.utility().messagesPerEvent();
        assertEquals(templates / 42.0, perDay, templates / 42.0 * 0.02, "utility templates a day, fitted against seen");
    }
}
