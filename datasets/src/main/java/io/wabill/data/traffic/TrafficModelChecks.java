package io.wabill.data.traffic;

import io.wabill.sim.market.MarketResolver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Checks of a model against the market map that the YAML reader cannot do alone. */
public final class TrafficModelChecks {
    private TrafficModelChecks() {}

    /**
     * Every market's generated numbers must resolve to that market on {@code day} (G4, G5): a wrong prefix
     * would price the traffic in another market without a word. Samples a few customers per market.
     */
    public static List<String> numbersResolve(TrafficModel model, MarketResolver resolver, LocalDate day) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < model.markets().size(); i++) {
            MarketTraffic m = model.markets().get(i);
            CustomerNumbers numbers = new CustomerNumbers(m.numberPrefix(), m.numberLength(), i);
            for (long c : new long[] {0, 1, 7, 1000, Math.max(0, m.customers() - 1)}) {
                String number = numbers.number(c);
                String market = resolver.marketOf(resolver.countryOf(number), day);
                if (!market.equals(m.market())) {
                    problems.add("market " + m.market() + ": customer numbers made from prefix " + m.numberPrefix() + " (e.g. +"
                            + number + ") belong to market " + market + " on " + day + "; fix number_prefix or market");
                    break;
                }
            }
        }
        return problems;
    }
}
