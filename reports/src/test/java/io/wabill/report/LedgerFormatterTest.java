package io.wabill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.events.Message;
import io.wabill.sim.market.CountryResolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ledger's encoder, with its kept cells (codes per constant, repeating text per string, rates and bands per
 * object, the last second's instant, masks per customer), writes each line as its cells printed one string at a
 * time: {@code Instant.toString()}, {@code BigDecimal.toPlainString()}, {@link LedgerFormat}, the neutralization of
 * {@link CsvCells} and {@link CsvWriter}'s quoting. Texts that repeat, collide and need quoting or other characters
 * are mixed so that every kept cell is both hit and replaced.
 */
class LedgerFormatterTest {
    private static final String[] TEMPLATES = {"shipping", "offer", "a,b", "say \"hi\"", "line\nbreak", "=1+2", "+5511",
        "-x", "@me", "\tx", "\rx", "caf\u00e9 \u65e5\u672c", "", "emoji \ud83d\ude00", "lone \ud800 surrogate", "'quoted'"};
    private static final TemplateCategory[] CATEGORIES = {TemplateCategory.UTILITY, TemplateCategory.MARKETING,
        TemplateCategory.AUTHENTICATION};

    /** A log of many lines over a few days: same seconds, milliseconds, day and month changes, hostile texts. */
    private static Fixture fixture(String account, long seed) {
        Fixture f = new Fixture(account);
        SplittableRandom rnd = new SplittableRandom(seed);
        long t = Instant.parse("2026-09-29T23:59:58Z").toEpochMilli();
        for (int i = 0; i < 3000; i++) {
            int step = rnd.nextInt(10);
            if (step < 4) t += 0; // the same instant
            else if (step < 6) t += rnd.nextInt(1000); // milliseconds
            else if (step < 9) t += 1000L * rnd.nextInt(1, 120);
            else t += 3_600_000L * rnd.nextInt(1, 30); // across days
            String at = Instant.ofEpochMilli(t).toString();
            String customer = rnd.nextBoolean() ? Fixture.BRAZIL : Fixture.INDIA;
            // new String: the reader hands a new string per row, as a log does
            String template = new String(TEMPLATES[rnd.nextInt(TEMPLATES.length)]);
            if (rnd.nextInt(4) == 0) template = template + i; // a text seen once
            switch (rnd.nextInt(4)) {
                case 0 -> f.inbound(account, at, customer);
                case 1 -> f.freeForm(account, at, customer);
                default -> f.template(account, at, customer, CATEGORIES[rnd.nextInt(CATEGORIES.length)],
                        rnd.nextInt(8) == 0 ? TEMPLATES[rnd.nextInt(TEMPLATES.length)] : template);
            }
        }
        return f;
    }

    /** The line's cells one string at a time, as the ledger printed them before it was encoded directly. */
    private static String reference(LedgerLine l, CustomerMask mask) {
        Message m = l.message();
        StringBuilder row = new StringBuilder();
        cell(row, CsvCells.text(m.messageId()));
        cell(row, raw(LedgerFormat.instant(m.sendAt())));
        cell(row, raw(LedgerFormat.instant(l.chargedAt())));
        cell(row, CsvCells.text(m.account()));
        cell(row, CsvCells.text(m.business()));
        cell(row, CsvCells.text(mask == null ? m.customer() : mask.mask(m.customer())));
        cell(row, CsvCells.text(l.market()));
        cell(row, m.direction().code());
        cell(row, m.kind().code());
        cell(row, CsvCells.text(m.template()));
        cell(row, LedgerFormat.category(m));
        cell(row, l.model().name());
        cell(row, l.type().code());
        cell(row, l.billable().code());
        cell(row, LedgerFormat.conversation(l.conversationId()));
        cell(row, raw(l.band() == null ? "" : l.band().label()));
        cell(row, raw(l.rate() == null ? "" : l.rate().toPlainString()));
        cell(row, raw(LedgerFormat.amount(l.amountUnits())));
        cell(row, raw(l.currency()));
        cell(row, raw(l.rateCard()));
        cell(row, CsvCells.text(l.note()));
        return row.substring(1);
    }

    /** What the ledger has always done with a cell it formatted itself: neutralized only when it could be a formula. */
    private static String raw(String v) {
        if (v == null || v.isEmpty()) return "";
        char c = v.charAt(0);
        return c == '+' || c == '-' || c == '=' || c == '@' ? CsvCells.formatted(v) : v;
    }

    private static void cell(StringBuilder row, String v) {
        row.append(',');
        if (v == null) return;
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        if (quote) row.append('"').append(v.replace("\"", "\"\"")).append('"');
        else row.append(v);
    }

    private static String expected(Fixture f, CsvDialect dialect, CustomerMask mask) {
        StringBuilder all = new StringBuilder();
        if (dialect.bom()) all.append('\uFEFF');
        all.append(String.join(",", LedgerFormat.COLUMNS)).append(dialect.lineEnd());
        f.run(l -> all.append(reference(l, mask)).append(dialect.lineEnd()));
        return all.toString();
    }

    @ParameterizedTest
    @EnumSource(CsvDialect.class)
    void eachLineIsItsCellsPrintedOneAtATime(CsvDialect dialect) throws IOException {
        for (String account : List.of("acct-1", "=cmd", "acct, \"quoted\"", "caf\u00e9")) {
            Fixture f = fixture(account, account.hashCode());
            String expected = expected(f, dialect, null);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (LedgerWriter w = new LedgerWriter(bytes, dialect, null)) {
                f.run(w);
            }
            // the JDK's encoder writes a lone surrogate as '?', as the ledger always has
            byte[] want = expected.getBytes(StandardCharsets.UTF_8);
            assertEquals(new String(want, StandardCharsets.UTF_8), bytes.toString(StandardCharsets.UTF_8), account);
            assertTrue(java.util.Arrays.equals(want, bytes.toByteArray()), account);
            StringWriter text = new StringWriter();
            try (LedgerWriter w = new LedgerWriter(text, dialect, null)) {
                f.run(w);
            }
            assertEquals(new String(want, StandardCharsets.UTF_8), text.toString(), account);
        }
    }

    @ParameterizedTest
    @EnumSource(CsvDialect.class)
    void maskedCustomersAreTheMaskOfEachLine(CsvDialect dialect) throws IOException {
        Fixture f = fixture("acct-1", 7);
        CountryResolver countries = new CountryResolver();
        String expected = expected(f, dialect, new CustomerMask("salt", countries));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (LedgerWriter w = new LedgerWriter(bytes, dialect, new CustomerMask("salt", countries))) {
            f.run(w);
        }
        assertTrue(java.util.Arrays.equals(expected.getBytes(StandardCharsets.UTF_8), bytes.toByteArray()));
    }

    @ParameterizedTest
    @EnumSource(CsvDialect.class)
    void linesWithoutAChargeLeaveTheirInstantEmpty(CsvDialect dialect) throws IOException {
        Fixture f = new Fixture("a");
        f.inbound("a", "2026-10-01T10:00:00Z", Fixture.BRAZIL);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (LedgerWriter w = new LedgerWriter(bytes, dialect, null)) {
            f.run(w);
        }
        String[] rows = bytes.toString(StandardCharsets.UTF_8).split(dialect.lineEnd());
        assertEquals("", rows[1].split(",", -1)[2]);
    }
}
