package io.wabill.data.traffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficModelReaderTest {
    @Test
    void anEmptyFileIsOneBrazilMarketWithEveryDefault() throws Exception {
        TrafficModel m = TrafficTestModels.yaml("");
        assertEquals(List.of(TrafficParameters.DEFAULT_BUSINESS), m.businesses());
        MarketTraffic b = m.markets().get(0);
        assertEquals("Brazil", b.market());
        assertEquals("55", b.numberPrefix(), "the default prefix is the market's calling code");
        assertEquals(12, b.numberLength(), "calling code + 10 digits");
        assertEquals(ZoneId.of("UTC"), b.zone());
        assertEquals(10_000, b.customers());
        assertEquals(0.03, b.sessions().perCustomerDay());
        assertEquals(Set.of(DayOfWeek.THURSDAY), b.marketing().days());
        assertEquals("login_code", b.authentication().template());
        double sum = 0;
        for (double w : b.weekly()) sum += w;
        assertEquals(7.0, sum, 1e-9, "weekly factors are scaled to mean 1");
    }

    @Test
    void theDefaultsBlockAppliesToEveryMarketThatDoesNotSetTheKey() throws Exception {
        TrafficModel m = TrafficTestModels.yaml("""
                defaults:
                  sessions: {per_customer_day: 0.5}
                  delivery: {failure_rate: 0.1}
                markets:
                  - market: Brazil
                  - market: India
                    delivery: {failure_rate: 0.2}
                """);
        assertEquals(0.5, m.markets().get(0).sessions().perCustomerDay());
        assertEquals(0.5, m.markets().get(1).sessions().perCustomerDay());
        assertEquals(0.1, m.markets().get(0).delivery().failureRate());
        assertEquals(0.2, m.markets().get(1).delivery().failureRate());
    }

    @Test
    void everyProblemIsReportedAtOnceWithLineColumnKeyAndWhatWasExpected() {
        TrafficModelException e = assertThrows(TrafficModelException.class, () -> TrafficTestModels.yaml("""
                markets:
                  - market: Brasil
                  - market: India
                    time_zone: Mars/Olympus
                    sessions:
                      per_customer_day: lots
                      ctwa_share: 1.5
                      per_day: 3
                    hourly: [1, 2, 3]
                    marketing: {days: [FUNDAY]}
                """));
        List<String> p = e.problems();
        assertTrue(p.stream().anyMatch(s -> s.startsWith("test.yaml:2:13: markets[0].market: unknown market 'Brasil' (did you mean Brazil?) (expected one of")), p::toString);
        assertTrue(p.contains("test.yaml:4:16: markets[1].time_zone: expected an IANA time zone such as America/Sao_Paulo, was 'Mars/Olympus'"), p::toString);
        assertTrue(p.contains("test.yaml:6:25: markets[1].sessions.per_customer_day: expected a number from 0 to 100, was 'lots'"), p::toString);
        assertTrue(p.contains("test.yaml:7:19: markets[1].sessions.ctwa_share: expected a number from 0 to 1, was 1.5"), p::toString);
        assertTrue(p.stream().anyMatch(s -> s.startsWith("test.yaml:8:16: markets[1].sessions.per_day: unknown key (expected one of per_customer_day,")), p::toString);
        assertTrue(p.contains("test.yaml:9:13: markets[1].hourly: expected 24 weights, one per local hour 0..23, found 3"), p::toString);
        assertTrue(p.contains("test.yaml:10:24: markets[1].marketing.days[0]: expected a weekday (MON, TUE, WED, THU, FRI, SAT, SUN), was 'FUNDAY'"), p::toString);
        assertEquals(7, p.size(), p::toString);
    }

    @Test
    void yamlThatDoesNotParseNamesTheLineAndColumn() {
        TrafficModelException e = assertThrows(TrafficModelException.class, () -> TrafficTestModels.yaml("markets:\n  - market: [Brazil\n"));
        assertTrue(e.getMessage().startsWith("test.yaml:3:1: not valid YAML"), e.getMessage());
    }

    @Test
    void tooManyCustomersForTheDigitsAfterThePrefixIsAnError() {
        TrafficModelException e = assertThrows(TrafficModelException.class, () -> TrafficTestModels.yaml("""
                markets:
                  - {market: Brazil, number_prefix: "551199", number_length: 10, customers: 3000}
                """));
        assertTrue(e.getMessage().contains("markets[0].customers: expected at most 2500 customers for 4 free digits after prefix 551199"), e.getMessage());
    }

    @Test
    void aSavedModelReadsBackToTheSameFile() throws Exception {
        TrafficModel known = TrafficTestModels.known();
        StringWriter first = new StringWriter();
        TrafficModelWriter.write(known, List.of("round trip"), first);
        TrafficModel back = TrafficTestModels.yaml(first.toString());
        StringWriter second = new StringWriter();
        TrafficModelWriter.write(back, List.of("round trip"), second);
        assertEquals(first.toString(), second.toString());
        assertArrayEquals(known.markets().get(0).hourly(), back.markets().get(0).hourly(), 1e-9);
        assertEquals(known.markets().get(1).marketing(), back.markets().get(1).marketing());
    }

    @Test
    void everyParameterIsDocumentedInTheReadme() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        for (TrafficParameters.Param p : TrafficParameters.all())
            assertTrue(readme.contains("| `" + p.key() + "` |"), p.key() + " is missing from the README's parameter table");
    }
}
