package io.wabill.data.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.log.RowErrorHandler;
import io.wabill.sim.market.MarketResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates eight weeks from known parameters (src/test/resources/traffic/known-model.yaml, two markets,
 * about 220,000 rows), fits them back, and checks every parameter against its stated tolerance. The table
 * of true and fitted values is printed and written to target/fitted-vs-true.md.
 *
 * <p>Tolerances follow from the sample: a rate measured from n events has a relative error near 1/sqrt(n)
 * (a few thousand events: 2-3 %), so counts and rates get 6 %, shares estimated from hundreds of events 12 %
 * or 0.01, delays 10 %; reply delays are estimated after subtracting the customers' own sessions that fall in
 * the reply window (as many as the replies themselves), so their median gets 25 % and their spread 0.3.
 * Hourly weights (scaled to mean 1) get 10 % or 0.03, weekly factors 0.08.
 */
class TrafficFitterTest {
    static TrafficModel truth;
    static TrafficModel fitted;

    @BeforeAll
    static void generateAndFit(@TempDir Path dir) throws Exception {
        truth = TrafficTestModels.known();
        Path log = dir.resolve("known.csv");
        Files.write(log, TrafficTestModels.csv(truth, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 25), 1, 7));
        fitted = TrafficFitting.fit(List.of(log), ZoneId.of("America/Sao_Paulo"), Map.of("India", ZoneId.of("Asia/Kolkata")),
                new MarketResolver(TrafficTestModels.markets()), RowErrorHandler.STOP, Duration.ofHours(1), 1000).model();
    }

    record Check(String name, ToDoubleFunction<MarketTraffic> value, double relative, double absolute) {}

    static final List<Check> CHECKS = List.of(
            new Check("customers", m -> m.customers(), 0.01, 0),
            new Check("sessions.per_customer_day", m -> m.sessions().perCustomerDay(), 0.06, 0),
            new Check("sessions.ctwa_share", m -> m.sessions().ctwaShare(), 0.12, 0.01),
            new Check("sessions.call_share", m -> m.sessions().callShare(), 0.12, 0.01),
            new Check("sessions.messages_mean", m -> m.sessions().messagesMean(), 0.05, 0),
            new Check("sessions.gap_seconds", m -> m.sessions().gapSeconds(), 0.10, 0),
            new Check("sessions.replies_per_message", m -> m.sessions().repliesPerMessage(), 0.05, 0),
            new Check("sessions.reply_delay_seconds", m -> m.sessions().replyDelaySeconds(), 0.10, 0),
            new Check("sessions.reaction_probability", m -> m.sessions().reactionProbability(), 0.12, 0.01),
            new Check("sessions.agent_share", m -> m.sessions().agentShare(), 0.12, 0.01),
            new Check("sessions.agent_tokens_mean", m -> m.sessions().agentTokensMean(), 0.05, 0),
            new Check("marketing.campaigns_per_week", m -> m.marketing().campaignsPerWeek(), 0.10, 0),
            new Check("marketing.send_hour", m -> m.marketing().sendHour(), 0, 0),
            new Check("marketing.burst_minutes", m -> m.marketing().burstMinutes(), 0.10, 0),
            new Check("marketing.audience_share", m -> m.marketing().audienceShare(), 0.05, 0),
            new Check("marketing.reply_probability", m -> m.marketing().reply().probability(), 0.15, 0.005),
            new Check("marketing.reply_median_minutes", m -> m.marketing().reply().medianMinutes(), 0.25, 0),
            new Check("marketing.reply_sigma", m -> m.marketing().reply().sigma(), 0, 0.3),
            new Check("utility.events_per_customer_day", m -> m.utility().eventsPerCustomerDay(), 0.06, 0),
            new Check("utility.messages_per_event", m -> m.utility().messagesPerEvent(), 0.05, 0),
            new Check("utility.spacing_hours", m -> m.utility().spacingHours(), 0.10, 0),
            new Check("utility.reply_probability", m -> m.utility().reply().probability(), 0.15, 0.005),
            new Check("utility.reply_median_minutes", m -> m.utility().reply().medianMinutes(), 0.25, 0),
            new Check("utility.reply_sigma", m -> m.utility().reply().sigma(), 0, 0.3),
            new Check("authentication.requests_per_customer_day", m -> m.authentication().requestsPerCustomerDay(), 0.06, 0),
            new Check("authentication.retry_probability", m -> m.authentication().retryProbability(), 0.12, 0.01),
            new Check("authentication.retry_delay_seconds", m -> m.authentication().retryDelaySeconds(), 0.10, 0),
            new Check("authentication.max_retries", m -> m.authentication().maxRetries(), 0, 0),
            new Check("authentication.reply_probability", m -> m.authentication().reply().probability(), 0, 0.005),
            new Check("delivery.failure_rate", m -> m.delivery().failureRate(), 0.10, 0.003),
            new Check("delivery.mean_delay_seconds", m -> m.delivery().meanDelaySeconds(), 0.05, 0),
            new Check("delivery.read_share", m -> m.delivery().readShare(), 0.03, 0));

    @Test
    void fittingALogGeneratedFromKnownParametersRecoversThemWithinTolerance() throws Exception {
        assertEquals(2, fitted.markets().size());
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder("| market | parameter | true | fitted | tolerance |\n|---|---|---:|---:|---|\n");
        for (MarketTraffic t : truth.markets()) {
            MarketTraffic f = fitted.markets().stream().filter(m -> m.market().equals(t.market())).findFirst().orElseThrow();
            for (Check c : CHECKS) {
                double want = c.value().applyAsDouble(t), got = c.value().applyAsDouble(f);
                double allowed = Math.max(c.absolute(), c.relative() * Math.abs(want));
                boolean ok = Math.abs(got - want) <= allowed + 1e-12;
                table.append("| ").append(t.market()).append(" | ").append(c.name()).append(" | ").append(TrafficModelWriter.num(want))
                        .append(" | ").append(TrafficModelWriter.num(got)).append(" | ")
                        .append(c.relative() > 0 ? "±" + Math.round(c.relative() * 100) + " %" : "")
                        .append(c.relative() > 0 && c.absolute() > 0 ? " or " : "")
                        .append(c.absolute() > 0 ? "±" + TrafficModelWriter.num(c.absolute()) : "")
                        .append(c.relative() == 0 && c.absolute() == 0 ? "exact" : "").append(ok ? "" : " **FAILED**").append(" |\n");
                if (!ok) failures.add(t.market() + " " + c.name() + ": true " + want + ", fitted " + got + ", allowed ±" + allowed);
            }
            assertEquals(t.numberPrefix(), f.numberPrefix(), t.market());
            assertEquals(t.numberLength(), f.numberLength(), t.market());
            assertEquals(t.marketing().days(), f.marketing().days(), t.market());
            assertEquals(t.utility().template(), f.utility().template(), t.market());
            for (int h = 0; h < 24; h++) {
                double want = t.hourly()[h] * 24 / sum(t.hourly()), got = f.hourly()[h];
                if (Math.abs(got - want) > Math.max(0.03, 0.1 * want)) failures.add(t.market() + " hourly[" + h + "]: true " + want + ", fitted " + got);
            }
            for (int d = 0; d < 7; d++) {
                if (Math.abs(f.weekly()[d] - t.weekly()[d]) > 0.08) failures.add(t.market() + " weekly[" + d + "]: true " + t.weekly()[d] + ", fitted " + f.weekly()[d]);
            }
        }
        System.out.println(table);
        Files.writeString(Path.of("target", "fitted-vs-true.md"), table);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void aFittedModelSavedAndReadBackGeneratesTheSameVolumesWithinTolerance() throws Exception {
        java.io.StringWriter yaml = new java.io.StringWriter();
        TrafficModelWriter.write(fitted, List.of(), yaml);
        TrafficModel back = TrafficTestModels.yaml(yaml.toString());
        LocalDate from = LocalDate.of(2027, 1, 4), to = LocalDate.of(2027, 1, 31);
        long trueRows = new TrafficGenerator(truth, new TrafficGenerator.Plan(from, to, 1, 0, 5)).run(r -> { });
        long fittedRows = new TrafficGenerator(back, new TrafficGenerator.Plan(from, to, 1, 0, 5)).run(r -> { });
        assertEquals(trueRows, fittedRows, trueRows * 0.04, "rows of four weeks");
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double x : w) s += x;
        return s;
    }
}
