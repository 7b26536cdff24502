package io.wabill.data.traffic;

import io.wabill.sim.market.MarketResolver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Checks of a model against the market map that the YAML reader cannot do alone. */
public final class TrafficModelChecks {
    private TrafficModelChecks() {}

    static final int SAMPLES = 2000;

    /**
     * Every market's generated numbers must resolve to that market on {@code day} (G4, G5): a wrong prefix
     * would price the traffic in another market without a word. Checks {@value #SAMPLES} customers spread
     * over the numbers the prefix allows, so a range that is partly another country's (the UK's 79xx mobiles
     * include Jersey, Guernsey and the Isle of Man) is caught too.
     */
    public static List<String> numbersResolve(TrafficModel model, MarketResolver resolver, LocalDate day) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < model.markets().size(); i++) {
            MarketTraffic m = model.markets().get(i);
            String wrong = firstWrongNumber(m.market(), m.numberPrefix(), m.numberLength(), resolver, day);
            if (wrong != null) {
                String market = resolver.marketOf(resolver.countryOf(wrong), day);
                problems.add("market " + m.market() + ": customer numbers made from prefix " + m.numberPrefix() + " (e.g. +"
                        + wrong + ") belong to market " + market + " on " + day + "; fix number_prefix or market");
            }
        }
        return problems;
    }

    /** A sample number of the prefix that resolves to another market, or null when all resolve to {@code market}. */
    static String firstWrongNumber(String market, String prefix, int length, MarketResolver resolver, LocalDate day) {
        CustomerNumbers numbers = new CustomerNumbers(prefix, length, 0);
        long capacity = CustomerNumbers.capacity(prefix, length);
        long step = Math.max(1, capacity / SAMPLES);
        for (long c = 0; c < capacity && c < step * SAMPLES; c += step) {
            String number = numbers.number(c);
            if (!resolver.marketOf(resolver.countryOf(number), day).equals(market)) return number;
        }
        return null;
    }
}
