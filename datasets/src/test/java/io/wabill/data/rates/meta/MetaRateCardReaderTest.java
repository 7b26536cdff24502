package io.wabill.data.rates.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.CardProblem;
import io.wabill.sim.rates.RateCard;
import io.wabill.sim.rates.RateCategory;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MetaRateCardReaderTest {
    private static final long MAX = Long.MAX_VALUE;
    /** The market map's names that the fixtures use (Atlantis is deliberately absent). */
    private static final Set<String> MARKETS = Set.of("Argentina", "Bangladesh", "Brazil", "Chile", "Egypt", "India",
            "Kazakhstan", "Nigeria", "North America", "Other");
    private static final String RATES = "meta-usd-rates-2026-10-01.csv";
    private static final String TIERS = "meta-usd-volume-tiers-2026-10-01.csv";

    @TempDir Path temp;
    private final List<CardProblem> problems = new ArrayList<>();

    @Test
    void rates_are_read_exactly_as_printed() throws Exception {
        RateCard card = only(read(RATES));
        assertEquals("USD", card.currency());
        assertEquals(LocalDate.of(2026, 10, 1), card.effective());
        assertEquals(RATES, card.source());
        // BigDecimal equality includes the scale: 0.0260 stays 0.0260, not 0.026 or 0.02600000000001.
        assertEquals(List.of(band(1, MAX, "0.0618")), bands(card, "Argentina", RateCategory.MARKETING));
        assertEquals(List.of(band(1, MAX, "0.0260")), bands(card, "Argentina", RateCategory.UTILITY));
        assertEquals(List.of(band(1, MAX, "0.0960")), bands(card, "Bangladesh", RateCategory.AUTHENTICATION_INTERNATIONAL));
        assertEquals(List.of(band(1, MAX, "0.0014")), bands(card, "India", RateCategory.SERVICE));
        assertEquals(Set.of("Argentina", "Bangladesh", "Brazil", "India", "Kazakhstan"), card.markets().keySet(),
                "Meta's footnote star (Kazakhstan*) is not part of the market name; the footnote row is no market");
    }

    @Test
    void an_n_a_cell_gives_no_rate() throws Exception {
        RateCard usd = only(read(RATES));
        assertNull(usd.bands("Argentina", RateCategory.AUTHENTICATION_INTERNATIONAL));
        assertNull(usd.bands("Brazil", RateCategory.AUTHENTICATION_INTERNATIONAL));
        RateCard cop = only(read("meta-cop-rates-2026-07-01.csv"));
        for (String market : cop.markets().keySet()) assertNull(cop.bands(market, RateCategory.SERVICE), market);
        assertEquals(List.of(band(1, MAX, "239.3179")), bands(cop, "Egypt", RateCategory.AUTHENTICATION_INTERNATIONAL));
    }

    @Test
    void the_title_row_gives_the_currency_and_the_effective_date_even_against_the_file_name() throws Exception {
        Path renamed = copy("meta-cop-rates-2026-07-01.csv", "rates-2020-01-01.csv");
        RateCard card = only(MetaRateCardReader.read(List.of(renamed), MARKETS, problems));
        assertEquals("COP", card.currency());
        assertEquals(LocalDate.of(2026, 7, 1), card.effective());
        assertEquals(List.of(band(1, MAX, "227.5361")), bands(card, "Argentina", RateCategory.MARKETING));
    }

    @Test
    void without_a_title_the_currency_column_and_the_file_name_give_them() throws Exception {
        RateCard card = only(read("rates-without-title-inr-2025-10-01.csv"));
        assertEquals("INR", card.currency(), "₹ in the Currency column");
        assertEquals(LocalDate.of(2025, 10, 1), card.effective(), "the date in the file name");
        assertEquals(List.of(band(1, MAX, "0.7846")), bands(card, "India", RateCategory.MARKETING), "₹0.7846");
        assertEquals(List.of(band(1, MAX, "1.8313")), bands(card, "North America", RateCategory.MARKETING));
        assertNull(card.bands("North America", RateCategory.AUTHENTICATION_INTERNATIONAL), "N/A");
        assertNull(card.bands("India", RateCategory.SERVICE), "an empty cell");
    }

    @Test
    void conversation_era_cards_read_user_and_business_initiated_columns() throws Exception {
        RateCard card = only(read("meta-usd-conversations-2022-06-01.csv"));
        assertEquals("USD", card.id().substring(0, 3));
        assertEquals(LocalDate.of(2022, 6, 1), card.effective());
        assertEquals(List.of(band(1, MAX, "0.0316")), bands(card, "Argentina", RateCategory.USER_INITIATED));
        assertEquals(List.of(band(1, MAX, "0.0526")), bands(card, "Argentina", RateCategory.BUSINESS_INITIATED));
        assertNull(card.bands("Argentina", RateCategory.MARKETING));
    }

    @Test
    void volume_tiers_replace_the_list_rate_of_their_market_and_category_only() throws Exception {
        RateCard card = only(read(RATES, TIERS));
        assertEquals(RATES + " + " + TIERS, card.source());
        assertEquals(6, card.bands("Argentina", RateCategory.UTILITY).size());
        assertEquals(6, card.bands("India", RateCategory.AUTHENTICATION_INTERNATIONAL).size());
        assertEquals(List.of(band(1, MAX, "0.0618")), bands(card, "Argentina", RateCategory.MARKETING), "marketing has no tiers");
        assertEquals(List.of(band(1, MAX, "0.0260")), bands(card, "Argentina", RateCategory.SERVICE), "service has no tiers");
        assertNull(card.bands("Brazil", RateCategory.AUTHENTICATION_INTERNATIONAL), "n/a in both files");
    }

    /**
     * The expected bands are the rows of shared/ratecards/meta-rates-USD-2026-10-01.csv (the normalized form
     * of the same Meta files) for these markets, copied by hand.
     */
    @Test
    void a_wide_meta_card_gives_the_same_bands_as_the_normalized_card() throws Exception {
        RateCard card = only(read(RATES, TIERS));
        assertEquals(List.of(band(1, MAX, "0.0618")), bands(card, "Argentina", RateCategory.MARKETING));
        assertEquals(List.of(
                band(1, 100000, "0.0260"), band(100001, 1000000, "0.0247"), band(1000001, 4500000, "0.0234"),
                band(4500001, 15000000, "0.0221"), band(15000001, 30000000, "0.0208"), band(30000001, MAX, "0.0195")),
                bands(card, "Argentina", RateCategory.UTILITY));
        assertEquals(List.of(
                band(1, 120000, "0.0260"), band(120001, 400000, "0.0247"), band(400001, 1000000, "0.0234"),
                band(1000001, 5000000, "0.0221"), band(5000001, 10000000, "0.0208"), band(10000001, MAX, "0.0195")),
                bands(card, "Argentina", RateCategory.AUTHENTICATION));
        assertEquals(List.of(band(1, MAX, "0.0260")), bands(card, "Argentina", RateCategory.SERVICE));
        assertEquals(List.of(band(1, MAX, "0.0732")), bands(card, "Bangladesh", RateCategory.MARKETING));
        assertEquals(List.of(
                band(1, 150000, "0.0037"), band(150001, 1000000, "0.0035"), band(1000001, 4000000, "0.0033"),
                band(4000001, 25000000, "0.0031"), band(25000001, 50000000, "0.0030"), band(50000001, MAX, "0.0028")),
                bands(card, "Bangladesh", RateCategory.UTILITY));
        assertEquals(List.of(
                band(1, 100000, "0.0037"), band(100001, 300000, "0.0035"), band(300001, 1000000, "0.0033"),
                band(1000001, 10000000, "0.0031"), band(10000001, 20000000, "0.0030"), band(20000001, MAX, "0.0028")),
                bands(card, "Bangladesh", RateCategory.AUTHENTICATION));
        assertEquals(List.of(
                band(1, 100000, "0.0960"), band(100001, 300000, "0.0912"), band(300001, 1000000, "0.0864"),
                band(1000001, 10000000, "0.0816"), band(10000001, 20000000, "0.0768"), band(20000001, MAX, "0.0720")),
                bands(card, "Bangladesh", RateCategory.AUTHENTICATION_INTERNATIONAL));
        assertEquals(List.of(band(1, MAX, "0.0037")), bands(card, "Bangladesh", RateCategory.SERVICE));
        // Brazil's block is printed the way a spreadsheet export prints numbers (250000.0, 1.7E7).
        assertEquals(List.of(
                band(1, 250000, "0.0068"), band(250001, 2000000, "0.0065"), band(2000001, 17000000, "0.0061"),
                band(17000001, 35000000, "0.0058"), band(35000001, 70000000, "0.0054"), band(70000001, MAX, "0.0051")),
                bands(card, "Brazil", RateCategory.UTILITY));
        assertEquals(List.of(
                band(1, 100000, "0.1600"), band(100001, 500000, "0.1520"), band(500001, 2000000, "0.1440"),
                band(2000001, 5000000, "0.1360"), band(5000001, 10000000, "0.1280"), band(10000001, MAX, "0.1200")),
                bands(card, "Kazakhstan", RateCategory.AUTHENTICATION_INTERNATIONAL));
    }

    @Test
    void a_tier_file_with_one_band_per_row_gives_the_same_bands_as_meta_wide_layout() throws Exception {
        RateCard wide = only(read(RATES, TIERS));
        problems.clear();
        RateCard longForm = only(read(RATES, "meta-usd-volume-tiers-long-2026-10-01.csv"));
        for (RateCategory c : List.of(RateCategory.UTILITY, RateCategory.AUTHENTICATION)) {
            assertEquals(bands(wide, "India", c), bands(longForm, "India", c), c.code());
        }
        assertEquals(1, longForm.bands("Argentina", RateCategory.UTILITY).size(), "Argentina is not in the long file");
    }

    @Test
    void an_unknown_market_a_negative_rate_and_a_band_gap_in_one_file_are_all_reported_with_their_lines()
            throws Exception {
        List<RateCard> cards = read(RATES, "broken-volume-tiers-2026-10-01.csv");
        assertTrue(cards.isEmpty(), "a card with problems is not returned");
        String file = resource("broken-volume-tiers-2026-10-01.csv").toString();
        assertProblem(file, 8, "Market", "unknown market 'Atlantis'");
        assertProblem(file, 6, "Utility Rate", "negative rate -0.0234");
        assertProblem(file, 7, "Authentication From", "gap: message 1,000,001 of Argentina authentication has no band");
    }

    @Test
    void every_problem_of_a_rates_file_is_reported_at_once() throws Exception {
        assertTrue(read("broken-rates-2026-10-01.csv").isEmpty());
        String file = resource("broken-rates-2026-10-01.csv").toString();
        assertProblem(file, 3, "Utility", "negative rate -0.0260");
        assertProblem(file, 4, "Market", "unknown market 'Atlantis'");
        assertProblem(file, 5, "Marketing", "'0,0625' is not a rate");
        assertProblem(file, 6, "Currency", "currency 'EUR' differs from the card's USD");
        assertProblem(file, 6, "Authentication-International", "rate 0.030400001 has more than 8 decimals");
        assertProblem(file, 7, "Market", "market Argentina appears twice (first on line 3)");
        assertEquals(6, problems.size(), describe());
    }

    @Test
    void overlapping_bands_and_a_closed_last_band_are_reported() throws Exception {
        Path tiers = write("tiers-2026-10-01.csv", """
                Cost per message in USD on the WhatsApp Business Platform, effective October 1, 2026 - Reflecting volume tiers
                Market,Currency,Category,From,To,Rate
                Argentina,USD,Utility,0,"100,000",0.0260
                Argentina,USD,Utility,"90,001","1,000,000",0.0247
                Argentina,USD,Authentication,0,"120,000",0.0260
                """);
        assertTrue(MetaRateCardReader.read(List.of(resource(RATES), tiers), MARKETS, problems).isEmpty());
        assertProblem(tiers.toString(), 4, "From", "overlap: the band of Argentina utility starting at 90,001 overlaps the band on line 3");
        assertProblem(tiers.toString(), 4, "From", "the last band of Argentina utility ends at 1,000,000; it must be open");
        assertProblem(tiers.toString(), 5, "From", "the last band of Argentina authentication ends at 120,000");
    }

    @Test
    void two_cards_with_the_same_currency_and_date_are_a_problem() throws Exception {
        Path again = copy(RATES, "usd-rates-again.csv");
        List<RateCard> cards = MetaRateCardReader.read(List.of(resource(RATES), again), MARKETS, problems);
        assertTrue(cards.isEmpty(), "neither card can be trusted to be the one in force");
        assertProblem(again.toString(), 0, "", "a second rates file for USD effective 2026-10-01");
    }

    @Test
    void a_first_band_that_is_not_the_list_rate_means_the_files_do_not_belong_together() throws Exception {
        String text = Files.readString(resource(RATES), StandardCharsets.UTF_8)
                .replace("Argentina,$US,0.0618,0.0260", "Argentina,$US,0.0618,0.0270");
        Path rates = write("changed-rates-2026-10-01.csv", text);
        assertTrue(MetaRateCardReader.read(List.of(rates, resource(TIERS)), MARKETS, problems).isEmpty());
        assertProblem(resource(TIERS).toString(), 8, "Utility From",
                "the first band of Argentina utility costs 0.0260 but the list rate in changed-rates-2026-10-01.csv (line 9) is 0.0270");
    }

    @Test
    void a_tier_file_without_its_rates_file_is_a_problem() throws Exception {
        assertTrue(read(TIERS, "meta-cop-rates-2026-07-01.csv").stream().noneMatch(c -> c.currency().equals("USD")));
        assertProblem(resource(TIERS).toString(), 0, "", "no rates file for USD effective 2026-10-01");
    }

    @Test
    void a_title_with_a_month_that_is_not_english_is_a_problem() throws Exception {
        Path rates = write("rates.csv", """
                "Cost per message in USD on the WhatsApp Business Platform, effective Octubre 1, 2026"
                Market,Currency,Marketing
                Argentina,USD,0.0618
                """);
        assertTrue(MetaRateCardReader.read(List.of(rates), MARKETS, problems).isEmpty());
        assertProblem(rates.toString(), 1, "", "the title's month 'Octubre' is not an English month name");
    }

    @Test
    void meta_downloads_are_told_apart_from_the_normalized_long_form() throws Exception {
        for (String name : List.of(RATES, TIERS, "meta-usd-volume-tiers-long-2026-10-01.csv",
                "meta-cop-rates-2026-07-01.csv", "meta-usd-conversations-2022-06-01.csv",
                "rates-without-title-inr-2025-10-01.csv")) {
            assertTrue(MetaRateCardReader.looksLikeMetaFile(resource(name)), name);
        }
        assertFalse(MetaRateCardReader.looksLikeMetaFile(resource("normalized-long-form-USD-2026-10-01.csv")));
    }

    // --- helpers

    private List<RateCard> read(String... names) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String n : names) files.add(resource(n));
        return MetaRateCardReader.read(files, MARKETS, problems);
    }

    private RateCard only(List<RateCard> cards) {
        if (!problems.isEmpty()) fail("unexpected problems:\n" + describe());
        assertEquals(1, cards.size());
        return cards.get(0);
    }

    private static List<Band> bands(RateCard card, String market, RateCategory category) {
        var bands = card.bands(market, category);
        if (bands == null) fail(card + " has no " + category.code() + " rate for " + market);
        return bands.asList();
    }

    private static Band band(long from, long to, String rate) {
        return new Band(from, to, new BigDecimal(rate));
    }

    private void assertProblem(String file, long line, String column, String messageStart) {
        boolean found = problems.stream().anyMatch(p -> p.file().equals(file) && p.line() == line
                && p.column().equals(column) && p.message().startsWith(messageStart));
        assertTrue(found, "expected " + file + ":" + line + " [" + column + "] " + messageStart + "…, got:\n" + describe());
    }

    private String describe() {
        return problems.stream().map(CardProblem::toString).collect(Collectors.joining("\n"));
    }

    private Path resource(String name) {
        try {
            return Path.of(getClass().getResource("/meta/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource meta/" + name, e);
        }
    }

    private Path copy(String name, String as) throws IOException {
        return Files.copy(resource(name), temp.resolve(as));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
    }
}
