package io.wabill.data.rates.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** How printed numbers, currencies and titles are read: liberal about decoration, strict about values. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MetaAmountsTest {
    private static final long MAX = Long.MAX_VALUE;

    @Test
    void rates_keep_their_printed_digits_whatever_decorates_them() {
        assertEquals(new BigDecimal("0.0260"), Amounts.rate("0.0260"));
        assertEquals(new BigDecimal("0.0260"), Amounts.rate(" $0.0260 "));
        assertEquals(new BigDecimal("0.0304"), Amounts.rate("US$ 0.0304"));
        assertEquals(new BigDecimal("0.7846"), Amounts.rate("₹0.7846"));
        assertEquals(new BigDecimal("1234.5678"), Amounts.rate("1,234.5678"));
        assertEquals(new BigDecimal("9.0E-4"), Amounts.rate("9.0E-4"));
        assertEquals(new BigDecimal("-0.0100"), Amounts.rate("-$0.0100"));
        assertEquals(new BigDecimal("0.0500"), Amounts.rate("0.0500 USD"));
    }

    @Test
    void a_rate_that_is_not_one_plain_decimal_number_is_rejected() {
        for (String bad : new String[] {"0,0260", "1.2.3", "abc", "12,34.5", "", "0.02 0.03"}) {
            assertThrows(NumberFormatException.class, () -> Amounts.rate(bad), bad);
        }
    }

    @Test
    void a_negative_rate_or_one_with_more_than_eight_decimals_is_a_problem() {
        assertTrue(Amounts.rateProblem(new BigDecimal("-0.01")).startsWith("negative rate"));
        assertTrue(Amounts.rateProblem(new BigDecimal("0.000000001")).contains("more than 8 decimals"));
        assertNull(Amounts.rateProblem(new BigDecimal("0.12345678000")), "trailing zeros are no precision");
        assertNull(Amounts.rateProblem(BigDecimal.ZERO));
    }

    @Test
    void message_counts_accept_separators_and_spreadsheet_notation_but_only_whole_numbers() {
        assertEquals(100000, Amounts.count("100,000"));
        assertEquals(100000, Amounts.count("100 000"));
        assertEquals(100000, Amounts.count("100000.0"));
        assertEquals(17000001, Amounts.count("1.7000001E7"));
        assertEquals(0, Amounts.count("0"));
        for (String bad : new String[] {"1.5", "-1", "10,00", "many", "1,0000"}) {
            assertThrows(NumberFormatException.class, () -> Amounts.count(bad), bad);
        }
    }

    @Test
    void volume_ranges_read_meta_dashes_and_open_ends() {
        assertArrayEquals(new long[] {0, 100000}, Amounts.range("0 – 100,000"));
        assertArrayEquals(new long[] {100001, 1000000}, Amounts.range("100,001 - 1,000,000"));
        assertArrayEquals(new long[] {45000001, MAX}, Amounts.range("45,000,001+"));
        assertArrayEquals(new long[] {45000001, MAX}, Amounts.range("45,000,001 – --"));
        assertArrayEquals(new long[] {0, 100000}, Amounts.range("0 to 100000"));
        assertThrows(NumberFormatException.class, () -> Amounts.range("100,000"));
        assertTrue(Amounts.isOpen("--"));
    }

    @Test
    void printed_currencies_become_iso_codes() {
        assertEquals("USD", Currencies.code("$US"));
        assertEquals("USD", Currencies.code("US$"));
        assertEquals("INR", Currencies.code("₹"));
        assertEquals("EUR", Currencies.code("€"));
        assertEquals("COP", Currencies.code("COP"));
        assertNull(Currencies.code("$"), "a bare dollar sign names no single currency");
        assertTrue(Currencies.agrees("$", "USD"));
    }

    @Test
    void a_title_gives_currency_and_date_and_only_english_month_names_count() {
        CardTitle t = CardTitle.parse("Cost per message in USD on the WhatsApp Business Platform, effective October 1, 2026"
                + " - Reflecting volume tiers for utility and authentication messages");
        assertEquals("USD", t.currency());
        assertEquals(LocalDate.of(2026, 10, 1), t.effective());
        assertEquals(LocalDate.of(2023, 6, 1), CardTitle.parse("Cost per conversation in USD, effective June 1, 2023").effective());
        assertEquals("INR", CardTitle.parse("Cost per message in ₹, effective Oct. 1, 2025").currency());
        assertNull(CardTitle.parse("Cost per message in USD, effective Octubre 1, 2026").effective());
        assertEquals(LocalDate.of(2026, 10, 1), CardTitle.dateInFileName("meta-rates-USD-2026-10-01.csv"));
    }
}
