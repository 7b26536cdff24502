package io.wabill.data.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Instants the model cannot hold are input errors with a reason, never an overflow. */
class TimestampsRangeTest {
    @Test
    void instantsBeyondTheYear9999AreInputErrors() {
        for (String text : new String[] {"+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "-000001-01-01T00:00:00Z",
                "0000-12-31T23:59:59Z", "9999-12-31T23:59:59-01:00", "-999999999-01-01T00:00:00Z"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timestamps.parse(text), text);
            assertTrue(e.getMessage().contains("0001 to 9999") || e.getMessage().contains("ISO-8601"), e.getMessage());
        }
    }

    @Test
    void theEndsOfTheRangeAreRead() {
        assertEquals(Instant.parse("0001-01-01T00:00:00Z").toEpochMilli(), Timestamps.parse("0001-01-01T00:00:00Z"));
        assertEquals(Instant.parse("9999-12-31T23:59:59Z").toEpochMilli(), Timestamps.parse("9999-12-31T23:59:59Z"));
        assertEquals(Instant.parse("9999-12-31T22:59:59Z").toEpochMilli(), Timestamps.parse("9999-12-31T23:59:59+01:00"));
        assertEquals(99_999_999_999_000L, Timestamps.parse("99999999999"));
        assertTrue(Timestamps.inRange(Timestamps.parse("2026-10-01T00:00:00Z")));
    }
}
