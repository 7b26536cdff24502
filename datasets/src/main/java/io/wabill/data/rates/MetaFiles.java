package io.wabill.data.rates;

import io.wabill.sim.market.MarketMap;
import io.wabill.sim.rates.CardProblem;
import io.wabill.sim.rates.RateCard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Card files that are not in the normalized form: Meta's downloads, read by the Meta reader. */
final class MetaFiles {
    private MetaFiles() {}

    static List<RateCard> read(List<Path> files, MarketMap markets, List<CardProblem> problems) throws IOException {
        List<RateCard> cards = new ArrayList<>();
        for (Path f : files)
            problems.add(new CardProblem(f.toString(), 0, "", "not a rate card: expected meta-rates-<CUR>-<YYYY-MM-DD>.csv"));
        return cards;
    }
}
