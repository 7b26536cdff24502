package io.wabill.spark;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A log that exercises what crosses tasks if anything does: several portfolios of two accounts each, accounts in
 * three time zones (so local months differ), customers who write (some from ads), templates of every category
 * delivered at once, sent first and delivered minutes later by a second status row (G10), or failed, and free-form
 * replies. Around the end of September 2026, so the PMP to PMP-26 switch and a local month edge fall inside.
 */
final class TestLogs {
    static final String[] ZONES = {"UTC", "America/Sao_Paulo", "Asia/Kolkata"};

    private TestLogs() {}

    record Files2(Path log, Path accounts) {}

    static Files2 write(Path dir, int messages, int portfolios, long seed) throws IOException {
        return write(dir, messages, portfolios, seed, Instant.parse("2026-09-28T00:00:00Z"));
    }

    /** The same traffic from {@code start} (e.g. in the CBP era, where conversations are numbered per account). */
    static Files2 write(Path dir, int messages, int portfolios, long seed, Instant start0) throws IOException {
        Path accounts = dir.resolve("accounts.csv");
        List<String> acc = new ArrayList<>(List.of("account,time_zone,currency,business_country,auth_international_from,portfolio"));
        int n = 0;
        for (int p = 0; p < portfolios; p++)
            for (int a = 0; a < 2; a++) acc.add("p" + p + "a" + a + "," + ZONES[n++ % 3] + ",USD,BR,,pf" + p);
        Files.write(accounts, acc, StandardCharsets.UTF_8);

        SplittableRandom rnd = new SplittableRandom(seed);
        long start = start0.getEpochSecond();
        long span = 6 * 86_400;
        String[] prefixes = {"5511", "9198", "5215", "6281", "4915"};
        String[] categories = {"utility", "authentication", "marketing"};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            long t = start + rnd.nextLong(span);
            int account = rnd.nextInt(portfolios * 2);
            String acct = "p" + (account / 2) + "a" + (account % 2);
            String business = String.format("55119400%04d", account);
            int c = (int) (200 * Math.pow(rnd.nextDouble(), 2.5));
            String customer = prefixes[c % 5] + String.format("%08d", (c * 7919L) % 100_000_000L);
            int r = rnd.nextInt(100);
            if (r < 30) {
                rows.add(row(t, i, "", business, customer, "inbound", "message", "", r < 3 ? "ctwa" : "", "", "", acct));
            } else if (r < 45) {
                rows.add(row(t, i, "m" + i, business, customer, "outbound", "free_form", "", "", "", "", acct));
            } else {
                String category = categories[r % 3];
                if (r < 60) {
                    long delivered = t + 1 + rnd.nextInt(600);
                    rows.add(row(t, i, "m" + i, business, customer, "outbound", "template", category, "", "sent", "", acct));
                    rows.add(row(delivered + rnd.nextInt(120), i, "m" + i, business, customer, "outbound", "template",
                            category, "", "delivered", Instant.ofEpochSecond(delivered).toString(), acct));
                } else if (r < 63) {
                    rows.add(row(t, i, "m" + i, business, customer, "outbound", "template", category, "", "failed", "", acct));
                } else {
                    rows.add(row(t, i, "m" + i, business, customer, "outbound", "template", category, "", "", "", acct));
                }
            }
        }
        rows.sort(Comparator.<Object[]>comparingLong(o -> (Long) o[0]).thenComparingInt(o -> (Integer) o[1]));
        Path log = dir.resolve("log.csv");
        try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            w.write("timestamp,message_id,business,customer,direction,kind,category,entry_point,status,delivered_at,account\n");
            for (Object[] o : rows) {
                w.write(Instant.ofEpochSecond((Long) o[0]).toString());
                for (int k = 2; k < o.length; k++) w.write("," + o[k]);
                w.write('\n');
            }
        }
        return new Files2(log, accounts);
    }

    private static Object[] row(long t, int i, String id, String business, String customer, String direction, String kind,
                                String category, String entry, String status, String deliveredAt, String account) {
        return new Object[] {t, i, id, business, customer, direction, kind, category, entry, status, deliveredAt, account};
    }
}
