package io.wabill.data.rates.meta;

import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.RateCard;
import io.wabill.sim.rates.RateCategory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pairs each volume-tier file with the rates file of the same currency and date and builds their card.
 * The bands replace the list rate of their (market, category); the first band must be that list rate,
 * since Meta prints it as the "List rate" row, so a mismatch means the two files do not belong together.
 */
final class CardAssembler {
    private record Key(String currency, LocalDate effective) {
        @Override public String toString() { return currency + " effective " + effective; }
    }

    private CardAssembler() {}

    static List<RateCard> assemble(List<ParsedSheet> sheets) {
        Map<Key, List<ParsedSheet>> rates = new LinkedHashMap<>();
        Map<Key, List<ParsedSheet>> tiers = new LinkedHashMap<>();
        for (ParsedSheet s : sheets) {
            if (s.currency() == null || s.effective() == null) continue; // already reported
            Key key = new Key(s.currency(), s.effective());
            (s.kind() == ParsedSheet.Kind.RATES ? rates : tiers).computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            rates.putIfAbsent(key, new ArrayList<>());
        }
        List<RateCard> cards = new ArrayList<>();
        for (Map.Entry<Key, List<ParsedSheet>> e : rates.entrySet()) {
            Key key = e.getKey();
            List<ParsedSheet> rateFiles = e.getValue();
            List<ParsedSheet> tierFiles = tiers.getOrDefault(key, List.of());
            boolean ok = unique(rateFiles, key, "rates") & unique(tierFiles, key, "volume-tier");
            if (rateFiles.isEmpty()) {
                for (ParsedSheet t : tierFiles) {
                    t.issues().add(0, "", "no rates file for " + key + " to pair this volume-tier file with");
                }
                continue;
            }
            ParsedSheet r = rateFiles.get(0);
            ParsedSheet t = tierFiles.isEmpty() ? null : tierFiles.get(0);
            Map<String, EnumMap<RateCategory, List<Band>>> merged = merge(r, t);
            ok &= r.clean() && (t == null || t.clean());
            for (ParsedSheet other : rateFiles) ok &= other.clean();
            for (ParsedSheet other : tierFiles) ok &= other.clean();
            if (!ok) continue;
            Map<String, EnumMap<RateCategory, Bands>> byMarket = new TreeMap<>();
            merged.forEach((market, categories) -> {
                EnumMap<RateCategory, Bands> m = new EnumMap<>(RateCategory.class);
                categories.forEach((category, bands) -> m.put(category, new Bands(bands)));
                byMarket.put(market, m);
            });
            String source = t == null ? r.name() : r.name() + " + " + t.name();
            cards.add(new RateCard(key.currency(), key.effective(), source, byMarket));
        }
        cards.sort(Comparator.comparing(RateCard::currency).thenComparing(RateCard::effective));
        return cards;
    }

    /** Two cards with the same currency and date cannot both hold: each later file is reported. */
    private static boolean unique(List<ParsedSheet> files, Key key, String kind) {
        for (int i = 1; i < files.size(); i++) {
            files.get(i).issues().add(0, "", "a second " + kind + " file for " + key + "; "
                    + files.get(0).name() + " already is one");
        }
        return files.size() <= 1;
    }

    private static Map<String, EnumMap<RateCategory, List<Band>>> merge(ParsedSheet rates, ParsedSheet tiers) {
        Map<String, EnumMap<RateCategory, List<Band>>> merged = new LinkedHashMap<>();
        rates.checked().forEach((market, categories) -> merged.put(market, new EnumMap<>(categories)));
        if (tiers == null) return merged;
        SheetIssues issues = tiers.issues();
        for (Map.Entry<String, EnumMap<RateCategory, List<RawBand>>> m : tiers.raw().entrySet()) {
            String market = m.getKey();
            if (tiers.isUnknown(market)) continue;
            if (!rates.hasMarket(market)) {
                issues.add(tiers.lineOf(market), "Market", "market " + market + " is not in " + rates.name());
                continue;
            }
            for (Map.Entry<RateCategory, List<RawBand>> c : m.getValue().entrySet()) {
                RateCategory category = c.getKey();
                RawBand first = c.getValue().stream().min(Comparator.comparingLong(RawBand::from)).orElseThrow();
                List<RawBand> list = rates.raw().getOrDefault(market, new EnumMap<>(RateCategory.class)).get(category);
                if (list == null) {
                    issues.add(first.line(), first.column(), market + " has no " + category.code() + " rate in "
                            + rates.name() + " (n/a there), but has volume tiers here");
                    continue;
                }
                RawBand listRate = list.get(0);
                if (first.rate() != null && listRate.rate() != null && first.rate().compareTo(listRate.rate()) != 0) {
                    issues.add(first.line(), first.column(), "the first band of " + market + " " + category.code()
                            + " costs " + first.rate().toPlainString() + " but the list rate in " + rates.name()
                            + " (line " + listRate.line() + ") is " + listRate.rate().toPlainString());
                }
                List<Band> bands = tiers.checked().getOrDefault(market, new EnumMap<>(RateCategory.class)).get(category);
                if (bands != null) merged.computeIfAbsent(market, k -> new EnumMap<>(RateCategory.class)).put(category, bands);
            }
        }
        return merged;
    }
}
