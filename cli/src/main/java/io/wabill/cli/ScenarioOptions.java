package io.wabill.cli;

import io.wabill.app.UserException;
import io.wabill.app.Progress;

import io.wabill.data.log.RowErrorHandler;
import io.wabill.data.traffic.TrafficFitting;
import io.wabill.data.traffic.TrafficModel;
import io.wabill.data.traffic.TrafficModelChecks;
import io.wabill.data.traffic.TrafficModelException;
import io.wabill.data.traffic.TrafficPresets;
import io.wabill.sim.market.MarketMap;
import io.wabill.sim.market.MarketResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a traffic model comes from: a preset or YAML file ({@code --scenario}), or a fit of real logs ({@code --fit}). */
public final class ScenarioOptions {
    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "a bundled preset (ecommerce-br, fintech-otp-in, support-heavy-gb, multi-market-global) or a traffic model YAML file")
    String scenario;

    @Option(names = "--fit", paramLabel = "LOG", arity = "1..*", description = "fit the traffic model to these message logs instead")
    List<Path> fitLogs;

    @Option(names = "--market-zone", paramLabel = "MARKET=ZONE", description = "with --fit: the customers' time zone in one market (repeatable), e.g. India=Asia/Kolkata; others use the fit's time zone")
    Map<String, ZoneId> marketZones = new LinkedHashMap<>();

    @Option(names = "--fit-status-horizon", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1h",
            description = "with --fit: how long after sending a message's status rows may come (the fit holds that much traffic); default: ${DEFAULT-VALUE}")
    Duration fitStatusHorizon;

    /** The model, and the fit's result when it came from --fit (else null). */
    record Loaded(TrafficModel model, TrafficFitting.Result fit, String description) {}

    boolean given() { return scenario != null || fitLogs != null; }

    Loaded load(MarketMap markets, ZoneId fitZone, long maxUnsortedRows) throws IOException {
        if (scenario != null && fitLogs != null) throw new UserException("give either --scenario or --fit, not both");
        if (scenario != null) {
            try {
                return new Loaded(TrafficPresets.load(scenario, markets), null, "scenario " + scenario);
            } catch (TrafficModelException e) {
                throw new UserException(e.getMessage());
            }
        }
        TrafficFitting.Result fit = TrafficFitting.fit(fitLogs, fitZone, marketZones, new MarketResolver(markets),
                RowErrorHandler.STOP, fitStatusHorizon, maxUnsortedRows);
        return new Loaded(fit.model(), fit, "fit of " + fitLogs.size() + " log" + (fitLogs.size() > 1 ? "s" : "")
                + " (" + fit.firstDay() + " to " + fit.lastDay() + ")");
    }

    /**
     * Stops when a market's numbers would resolve to another market on {@code day} (G4, G5): a preset or a
     * hand-written file has a wrong prefix. A fitted model only gets a note: a market of mixed numbers (a few
     * Crown Dependency mobiles in Other) has no one prefix, and its traffic is priced where its numbers land.
     */
    static void checkNumbers(Loaded loaded, MarketMap markets, LocalDate day, Progress progress) {
        List<String> problems = TrafficModelChecks.numbersResolve(loaded.model(), new MarketResolver(markets), day);
        if (problems.isEmpty()) return;
        if (loaded.fit() == null) throw new UserException(String.join("\n  ", problems));
        for (String p : problems) progress.note(p + " (its traffic is priced in that market)");
    }
}
