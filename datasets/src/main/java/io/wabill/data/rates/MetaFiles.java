package io.wabill.data.rates;

import io.wabill.data.rates.meta.MetaRateCardReader;
import io.wabill.sim.market.MarketMap;
import io.wabill.sim.rates.CardProblem;
import io.wabill.sim.rates.RateCard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Card files that are not in the normalized form: Meta's own downloads, or files that are no card at all. */
final class MetaFiles {
    private MetaFiles() {}

    static List<RateCard> read(List<Path> files, MarketMap markets, List<CardProblem> problems) throws IOException {
        List<Path> meta = new ArrayList<>();
        for (Path f : files) {
            boolean looksLikeMeta;
            try {
                looksLikeMeta = MetaRateCardReader.looksLikeMetaFile(f);
            } catch (io.wabill.data.io.BadInputException e) {
                problems.add(new CardProblem(e.file(), e.line(), e.column(), e.reason()));
                continue;
            }
            if (looksLikeMeta) meta.add(f);
            else problems.add(new CardProblem(f.toString(), 0, "", "not a rate card: expected a file named "
                    + "meta-rates-<CUR>-<YYYY-MM-DD>.csv (market,currency,category,tier_from,tier_to,rate) or one of "
                    + "Meta's downloaded rate or volume-tier files"));
        }
        return meta.isEmpty() ? List.of() : MetaRateCardReader.read(meta, markets.markets(), problems);
    }
}
