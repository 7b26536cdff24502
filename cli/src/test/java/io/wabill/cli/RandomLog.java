package io.wabill.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A random but valid-looking message log for property tests, from a seed: several accounts in different
 * zones, numbers and markets, every kind of row, status rows, a few deliberately bad rows, around a regime
 * switch. Every instant (timestamps and {@code delivered_at}) is distinct, so the executive's order does not
 * depend on row order and any permutation of the rows must give the same ledger.
 */
final class RandomLog {
    static final String HEADER = "timestamp,message_id,account,business,customer,direction,kind,category,entry_point,"
            + "status,delivered_at,tokens,template";
    static final String ACCOUNTS = "account,time_zone,currency,business_country,auth_international_from,portfolio\n"
            + "a1,UTC,USD,,,P\n"
            + "a2,America/Sao_Paulo,USD,,,P\n"
            + "a3,Asia/Kolkata,USD,GB,2024-06-01,Q\n";
    /** Starts near a regime switch or a rule date, so most logs cross one. */
    private static final String[] STARTS = {"2021-12-27", "2022-01-27", "2023-02-25", "2023-05-27", "2024-05-28",
        "2024-10-27", "2025-03-28", "2025-06-27", "2025-09-15", "2026-06-27", "2026-07-28", "2026-09-27", "2026-10-20"};
    private static final String[][] NUMBERS = {{"", "15550000001"}, {"a1", "15550001111"}, {"a1", "+15550001112"},
        {"a2", "15550002221"}, {"a3", "15550003331"}};
    private static final String[] CUSTOMERS = {"5511987600001", "5511987600002", "5521987600003", "919876500001",
        "919876500002", "+919876500003", "14155552671", "14165551234", "17875551234", "447911000001", "3546110001",
        "79161234567", "77011234567", "85291234567", "639171234567", "BR.7f3a9c21d0", "IN.a1b2c3"};
    private static final String[] CATEGORIES = {"marketing", "marketing", "marketing_lite", "utility", "utility",
        "utility", "authentication", "authentication"};
    static final long HOUR = 3600;

    /** One log row: its CSV line and whether the reader or assembler must reject it. */
    record Row(String csv, boolean bad, String messageId, boolean inbound) {}

    private final SplittableRandom r;
    private final Set<Long> usedSeconds = new HashSet<>();
    final long start;
    final long span = 10 * 24 * HOUR;
    final List<Row> rows = new ArrayList<>();
    private int ids;

    RandomLog(long seed) {
        r = new SplittableRandom(seed);
        start = LocalDate.parse(STARTS[r.nextInt(STARTS.length)]).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        int messages = 150 + r.nextInt(150);
        for (int i = 0; i < messages; i++) event();
    }

    /** A distinct instant (epoch seconds) at or after {@code from}, near it. */
    long uniqueAtOrAfter(long from) {
        long t = from;
        while (!usedSeconds.add(t)) t++;
        return t;
    }

    long uniqueInSpan() { return uniqueAtOrAfter(start + r.nextLong(span)); }

    /** Timestamps are written in the three accepted forms; all denote distinct instants. */
    private String stamp(long seconds) {
        switch (r.nextInt(6)) {
            case 0: return Long.toString(seconds);
            case 1: return Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.ofHoursMinutes(5, 30)).toString();
            default: return Instant.ofEpochSecond(seconds).toString();
        }
    }

    private String pick(String[] a) { return a[r.nextInt(a.length)]; }

    private void event() {
        String[] number = NUMBERS[r.nextInt(NUMBERS.length)];
        String account = number[0], business = number[1], customer = pick(CUSTOMERS);
        int what = r.nextInt(100);
        if (what < 30) {
            String kind = r.nextInt(4) == 0 ? "call" : "message";
            int e = r.nextInt(20);
            String entry = e < 3 ? "ctwa" : e < 5 ? "page_cta" : e < 6 ? "post" : "";
            add(stamp(uniqueInSpan()), "", account, business, customer, "inbound", kind, "", entry, "", "", "", "", false);
            return;
        }
        if (what < 34) {
            badRow(account, business, customer);
            return;
        }
        String id = "w" + (++ids);
        int k = r.nextInt(100);
        String kind = k < 55 ? "template" : k < 80 ? "free_form" : k < 90 ? "reaction" : "agent";
        String category = kind.equals("template") ? pick(CATEGORIES) : "";
        String tokens = kind.equals("agent") ? Integer.toString(100 + r.nextInt(100_000)) : "";
        String template = kind.equals("template") ? (r.nextInt(5) == 0 ? "=promo,\"big\"" : "t" + r.nextInt(5)) : "";
        long sent = uniqueInSpan();
        int shape = r.nextInt(100);
        if (shape < 55) {
            String status = pick(new String[] {"", "delivered", "read"});
            String deliveredAt = r.nextInt(3) == 0 ? stamp(uniqueAtOrAfter(sent + r.nextInt(600))) : "";
            add(stamp(sent), id, account, business, customer, "outbound", kind, category, "", status, deliveredAt, tokens,
                    template, false);
        } else if (shape < 65) {
            add(stamp(sent), id, account, business, customer, "outbound", kind, category, "", pick(new String[] {"sent", "failed"}),
                    "", tokens, template, false);
        } else {
            // Status rows of one message (G10), a few minutes apart; sometimes one disagrees or comes late.
            add(stamp(sent), id, account, business, customer, "outbound", kind, category, "", "sent", "", tokens, template, false);
            int late = r.nextInt(100);
            if (late < 6) {
                // Past the 1 h horizon the tests run with: a streamed log cannot wait for it, but these logs are short
                // enough to be held whole, which merges a status row whatever its delay (G10).
                long lateAt = uniqueAtOrAfter(sent + 70 * 60 + r.nextInt(40 * 60));
                add(stamp(lateAt), id, account, business, customer, "outbound", kind, category, "", "delivered", "",
                        tokens, template, false);
                return;
            }
            long delivered = uniqueAtOrAfter(sent + 1 + r.nextInt(300));
            // A status row's delivered_at may come before the row itself, never before the send.
            String deliveredAt = r.nextBoolean() ? stamp(uniqueAtOrAfter(sent + 1 + r.nextInt(200))) : "";
            add(stamp(delivered), id, account, business, customer, "outbound", kind, category, "", "delivered", deliveredAt,
                    tokens, template, false);
            if (r.nextBoolean()) {
                add(stamp(uniqueAtOrAfter(delivered + 1 + r.nextInt(300))), id, account, business, customer, "outbound",
                        kind, category, "", r.nextInt(4) == 0 ? "failed" : "read", "", tokens, template, false);
            }
            if (late < 10) {
                // A status row that disagrees with its message on the kind or the category is refused (G10).
                String otherKind = kind.equals("template") ? "template" : kind.equals("free_form") ? "reaction" : "free_form";
                String otherCategory = kind.equals("template") ? (category.equals("utility") ? "marketing" : "utility") : "";
                add(stamp(uniqueAtOrAfter(delivered + r.nextInt(600))), id, account, business, customer, "outbound",
                        otherKind, otherCategory, "", "read", "", tokens, template, true);
            }
        }
    }

    /** A row the reader refuses: each names a column and what was expected. */
    private void badRow(String account, String business, String customer) {
        String id = "w" + (++ids);
        String ts = stamp(uniqueInSpan());
        switch (r.nextInt(6)) {
            case 0: add("yesterday", id, account, business, customer, "outbound", "template", "utility", "", "", "", "", "", true); break;
            case 1: add(ts, id, account, business, customer, "outbound", "fax", "", "", "", "", "", "", true); break;
            case 2: add(ts, id, account, business, customer, "outbound", "template", "promotional", "", "", "", "", "", true); break;
            case 3: add(ts, id, account, business, customer, "sideways", "message", "", "", "", "", "", "", true); break;
            case 4: add(ts, id, account, business, customer, "outbound", "agent", "", "", "", "", "", "", true); break;
            default: add(ts, id, account, business, "not-a-number", "outbound", "template", "utility", "", "", "", "", "", true);
        }
    }

    void add(String ts, String id, String account, String business, String customer, String direction, String kind,
             String category, String entry, String status, String deliveredAt, String tokens, String template, boolean bad) {
        String line = String.join(",", ts, id, account, business, customer, direction, kind, category, entry, status,
                deliveredAt, tokens, quote(template));
        rows.add(new Row(line, bad, id, direction.equals("inbound")));
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0) return cell;
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    /**
     * Adds messages that must all be free to customers the log does not have, on the numbers that share tier
     * counters with the log: rejected and undelivered messages in any regime; replies inside the window under
     * NBP (A2) and PMP (D2, D3); free entry point windows under PMP and PMP-26 (D5); reactions under PMP-26 (E4).
     * Each kind is used only where its regime holds for the next days, so no window crosses a switch.
     */
    List<Row> addFreeExtras(int events) {
        List<Row> extras = new ArrayList<>();
        int before = rows.size();
        for (int i = 0; i < events; i++) {
            String business = r.nextBoolean() ? "15550000001" : "15550001111";
            String account = business.equals("15550001111") ? "a1" : "";
            String customer = (r.nextBoolean() ? "91987659" : "551198769") + String.format("%04d", i);
            long t = uniqueInSpan();
            io.wabill.sim.domain.Regime regime = regimeOn(t);
            boolean stable = regime == regimeOn(t + 4 * 24 * HOUR);
            int choice = r.nextInt(stable ? 6 : 3);
            String id = "x" + i;
            switch (choice) {
                case 0:
                    add(stamp(t), id, account, business, customer, "outbound", "free_form", "", "", "", "", "", "", false);
                    break;
                case 1:
                    add(stamp(t), id, account, business, customer, "outbound", "template", pick(CATEGORIES), "",
                            pick(new String[] {"sent", "failed"}), "", "", "", false);
                    break;
                case 2:
                    if (t >= LocalDate.parse("2025-04-02").atStartOfDay(ZoneOffset.UTC).toEpochSecond()) {
                        add(stamp(t), id, account, business, "1212555" + String.format("%04d", i), "outbound", "template",
                                "marketing", "", "", "", "", "", false);
                    } else {
                        add(stamp(t), id, account, business, customer, "outbound", "reaction", "", "", "", "", "", "", false);
                    }
                    break;
                default:
                    windowExtra(regime, stable, t, id, account, business, customer);
            }
        }
        for (int i = before; i < rows.size(); i++) extras.add(rows.get(i));
        return extras;
    }

    private void windowExtra(io.wabill.sim.domain.Regime regime, boolean stable, long t, String id, String account,
                             String business, String customer) {
        long reply = uniqueAtOrAfter(t + 600), next = uniqueAtOrAfter(t + 3600);
        switch (regime) {
            case NBP:
                add(stamp(t), "", account, business, customer, "inbound", "message", "", "", "", "", "", "", false);
                add(stamp(reply), id + "a", account, business, customer, "outbound", "template", pick(CATEGORIES), "", "", "", "", "", false);
                add(stamp(next), id + "b", account, business, customer, "outbound", "free_form", "", "", "", "", "", "", false);
                break;
            case PMP:
                add(stamp(t), "", account, business, customer, "inbound", "call", "", "", "", "", "", "", false);
                add(stamp(reply), id + "a", account, business, customer, "outbound", "template", "utility", "", "", "", "", "", false);
                add(stamp(next), id + "b", account, business, customer, "outbound", "free_form", "", "", "", "", "", "", false);
                break;
            case PMP26:
                add(stamp(t), "", account, business, customer, "inbound", "message", "", "ctwa", "", "", "", "", false);
                add(stamp(reply), id + "a", account, business, customer, "outbound", "free_form", "", "", "", "", "", "", false);
                add(stamp(next), id + "b", account, business, customer, "outbound", "template", "utility", "", "", "", "", "", false);
                add(stamp(uniqueAtOrAfter(t + 7200)), id + "c", account, business, customer, "outbound", "reaction", "", "",
                        "", "", "", "", false);
                break;
            default:
                // Conversations count toward CBP free tiers even when free, so only messages that never open one.
                add(stamp(t), id, account, business, customer, "outbound", "free_form", "", "", "failed", "", "", "", false);
        }
    }

    private static io.wabill.sim.domain.Regime regimeOn(long epochSecond) {
        return io.wabill.sim.domain.Regime.onLocalDate(LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    /** Rows sorted by instant: the order a streaming reader gets. Bad timestamps go last. */
    List<Row> sorted() {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparingLong(RandomLog::instantOf));
        return sorted;
    }

    private static long instantOf(Row row) {
        String ts = row.csv().substring(0, row.csv().indexOf(','));
        try {
            return io.wabill.data.log.Timestamps.parse(ts);
        } catch (IllegalArgumentException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The same rows in a random order. */
    List<Row> shuffled(long seed) {
        List<Row> copy = new ArrayList<>(rows);
        SplittableRandom s = new SplittableRandom(seed);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = s.nextInt(i + 1);
            Row t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }

    static Path write(Path file, List<Row> rows) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Row row : rows) b.append(row.csv()).append('\n');
        Files.writeString(file, b, StandardCharsets.UTF_8);
        return file;
    }
}
