package io.wabill.data.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * The bundled demo log: three months (September to November 2026, across the PMP to PMP-26 switch) of an
 * online retailer based in Brazil with customers in nine markets, two business numbers, customer questions
 * answered inside the window, order updates, one-time passwords, weekly campaigns, click-to-WhatsApp ad
 * arrivals, reactions, Meta Business Agent replies, failures and a few marketing sends to US numbers.
 * Generated from a fixed seed, so the bundled file can be checked against this class byte for byte.
 */
public final class DemoLog {
    public static final String RESOURCE = "/io/wabill/data/samples/demo-log.csv.gz";
    public static final long SEED = 20261001L;
    static final LocalDate FIRST = LocalDate.of(2026, 9, 1), LAST = LocalDate.of(2026, 11, 30);
    static final String[] BUSINESSES = {"5511940000001", "5511940000002"};

    private record Market(String prefix, int digits, double share) {}

    private static final Market[] MARKETS = {
        new Market("55119", 8, 0.40), new Market("52155", 7, 0.12), new Market("91987", 7, 0.14),
        new Market("57310", 7, 0.06), new Market("447911", 6, 0.06), new Market("1415", 7, 0.05),
        new Market("628123", 7, 0.06), new Market("4915123", 7, 0.05), new Market("54911", 8, 0.06),
    };

    private record Row(long ts, String line) {}

    private DemoLog() {}

    /** Opens the bundled log. */
    public static InputStream open() throws IOException {
        InputStream in = DemoLog.class.getResourceAsStream(RESOURCE);
        if (in == null) throw new IOException("the demo log " + RESOURCE + " is missing from the jar");
        return in;
    }

    /** Writes the demo log, gzip-compressed, to {@code target}. */
    public static void write(Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            write(out);
        }
    }

    public static void write(OutputStream target) throws IOException {
        List<Row> rows = generate(new SplittableRandom(SEED));
        // A fixed gzip header time keeps the bytes identical from run to run.
        GZIPOutputStream gz = new GZIPOutputStream(target) {
            { def.setLevel(9); }
        };
        try (Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
            w.write("timestamp,message_id,business,customer,direction,kind,category,entry_point,status,delivered_at,template,tokens\n");
            for (Row r : rows) w.write(r.line);
        }
    }

    static List<Row> generate(SplittableRandom rnd) {
        int customers = 2500;
        String[] numbers = new String[customers];
        for (int i = 0; i < customers; i++) numbers[i] = number(rnd, i);
        List<Row> rows = new ArrayList<>();
        int[] ids = {0};
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            long midnight = day.atStartOfDay(ZoneOffset.ofHours(-3)).toInstant().toEpochMilli();
            boolean campaign = day.getDayOfWeek().getValue() == 4;
            for (int c = 0; c < customers; c++) {
                String customer = numbers[c];
                String business = BUSINESSES[c % 2];
                double p = rnd.nextDouble();
                if (p < 0.05) conversation(rnd, rows, ids, business, customer, midnight, day);
                if (rnd.nextDouble() < 0.03) order(rnd, rows, ids, business, customer, midnight);
                if (rnd.nextDouble() < 0.02) otp(rnd, rows, ids, business, customer, midnight);
                if (campaign && rnd.nextDouble() < 0.25) {
                    long t = midnight + hours(10) + rnd.nextLong(3_600_000);
                    outbound(rnd, rows, ids, t, business, customer, "template", "marketing", "weekly_offers");
                }
            }
        }
        rows.sort(Comparator.comparingLong(Row::ts).thenComparing(Row::line));
        return rows;
    }

    /** A customer writes (sometimes from an ad), the business answers free-form, maybe with a utility template. */
    private static void conversation(SplittableRandom rnd, List<Row> rows, int[] ids, String business, String customer,
                                     long midnight, LocalDate day) {
        long t = midnight + hours(8) + rnd.nextLong(hours(14));
        String entry = rnd.nextDouble() < 0.15 ? "ctwa" : "";
        rows.add(new Row(t, line(t, "", business, customer, "inbound", rnd.nextDouble() < 0.05 ? "call" : "message", "", entry, "", "", "", "")));
        int replies = 1 + rnd.nextInt(3);
        for (int i = 0; i < replies; i++) {
            t += 60_000 + rnd.nextLong(1_800_000);
            boolean agent = !day.isBefore(LocalDate.of(2026, 10, 1)) && rnd.nextDouble() < 0.1;
            if (agent) {
                String id = "wamid.demo" + (++ids[0]);
                rows.add(new Row(t, line(t, id, business, customer, "outbound", "agent", "", "", "delivered", "", "", Integer.toString(800 + rnd.nextInt(4000)))));
            } else {
                outbound(rnd, rows, ids, t, business, customer, "free_form", "", "");
            }
        }
        if (rnd.nextDouble() < 0.2) {
            t += 60_000;
            String id = "wamid.demo" + (++ids[0]);
            rows.add(new Row(t, line(t, id, business, customer, "outbound", "reaction", "", "", "delivered", "", "", "")));
        }
        if (rnd.nextDouble() < 0.3) outbound(rnd, rows, ids, t + 120_000, business, customer, "template", "utility", "order_confirmation");
    }

    private static void order(SplittableRandom rnd, List<Row> rows, int[] ids, String business, String customer, long midnight) {
        long t = midnight + hours(7) + rnd.nextLong(hours(15));
        outbound(rnd, rows, ids, t, business, customer, "template", "utility", "shipping_update");
    }

    private static void otp(SplittableRandom rnd, List<Row> rows, int[] ids, String business, String customer, long midnight) {
        long t = midnight + rnd.nextLong(hours(24));
        outbound(rnd, rows, ids, t, business, customer, "template", "authentication", "login_code");
        if (rnd.nextDouble() < 0.1) outbound(rnd, rows, ids, t + 45_000, business, customer, "template", "authentication", "login_code");
    }

    private static void outbound(SplittableRandom rnd, List<Row> rows, int[] ids, long t, String business, String customer,
                                 String kind, String category, String template) {
        String id = "wamid.demo" + (++ids[0]);
        double q = rnd.nextDouble();
        if (q < 0.015) {
            rows.add(new Row(t, line(t, id, business, customer, "outbound", kind, category, "", "failed", "", template, "")));
        } else if (q < 0.08) {
            // Sent, then delivered a little later: two status rows of one message (G10).
            long d = t + 1000 + rnd.nextLong(120_000);
            rows.add(new Row(t, line(t, id, business, customer, "outbound", kind, category, "", "sent", "", template, "")));
            rows.add(new Row(d, line(d, id, business, customer, "outbound", kind, category, "", "delivered", "", template, "")));
        } else {
            rows.add(new Row(t, line(t, id, business, customer, "outbound", kind, category, "", q < 0.5 ? "read" : "delivered", "", template, "")));
        }
    }

    private static String number(SplittableRandom rnd, int i) {
        double x = rnd.nextDouble(), acc = 0;
        Market m = MARKETS[0];
        for (Market candidate : MARKETS) {
            acc += candidate.share;
            if (x < acc) {
                m = candidate;
                break;
            }
        }
        StringBuilder b = new StringBuilder(m.prefix);
        if (m.prefix.equals("1415")) b.append(2 + rnd.nextInt(8)); // a valid exchange starts with 2-9
        while (b.length() < m.prefix.length() + m.digits) b.append(rnd.nextInt(10));
        return b.toString();
    }

    private static long hours(long h) { return h * 3_600_000L; }

    private static String line(long t, String id, String business, String customer, String direction, String kind,
                               String category, String entry, String status, String deliveredAt, String template, String tokens) {
        return Instant.ofEpochMilli(t - t % 1000) + "," + id + "," + business + "," + customer + "," + direction + "," + kind
                + "," + category + "," + entry + "," + status + "," + deliveredAt + "," + template + "," + tokens + "\n";
    }

    /** Regenerates the bundled file: {@code DemoLog <target.csv.gz>}. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]));
    }
}
