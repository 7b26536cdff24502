package io.wabill.bench.e2e;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * The log of issue 14's end-to-end comparison: one business number, a given number of customers (Brazil, India and
 * the United States), epoch-second timestamps sorted by time, one month of PMP (October 2025), customers who write
 * and a business that answers inside the customer service window (G6) or outside it (G7, rejected), utility
 * templates (free inside the window, D3; tiered outside it, D6), marketing templates (blocked to US numbers, G8),
 * 2 % failed sends, no entry points and no status rows. The same arguments give the same bytes.
 *
 * <p>{@code PmpLog ROWS CUSTOMERS LOG CARD-DIR} writes the log and a tiered USD card of 2025-07-01 for the three
 * markets into CARD-DIR (the card both wabill and the SQL baseline price with).
 */
public final class PmpLog {
    static final LocalDate FIRST = LocalDate.of(2025, 10, 1);
    static final int DAYS = 31;
    static final String HEADER = "timestamp,message_id,business,customer,direction,kind,category,status\n";
    static final String BUSINESS = "5511940000001";
    /** Market of customer c: 45 % Brazil, 35 % India, 20 % United States. */
    static final String[] MARKETS = {"Brazil", "India", "North America"};

    private PmpLog() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: PmpLog ROWS CUSTOMERS LOG CARD-DIR");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0]);
        int customers = Integer.parseInt(args[1]);
        Path log = Path.of(args[2]);
        Path cards = Files.createDirectories(Path.of(args[3]));
        writeCard(cards.resolve("meta-rates-USD-2025-07-01.csv"));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log), 1 << 16)) {
            write(rows, customers, 20251001L, out);
        }
    }

    /** Tiered utility (D6) so a month crosses every band; marketing flat. */
    public static void writeCard(Path card) throws IOException {
        StringBuilder b = new StringBuilder("market,currency,category,tier_from,tier_to,rate\n");
        for (int i = 0; i < MARKETS.length; i++) {
            String m = MARKETS[i];
            b.append(m).append(",USD,marketing,1,,0.0").append(500 + 17 * i).append('\n');
            b.append(m).append(",USD,utility,1,50000,0.00").append(68 - i).append('\n');
            b.append(m).append(",USD,utility,50001,150000,0.00").append(60 - i).append('\n');
            b.append(m).append(",USD,utility,150001,,0.00").append(50 - i).append('\n');
            b.append(m).append(",USD,authentication,1,,0.00").append(68 - i).append('\n');
        }
        Files.writeString(card, b);
    }

    static String customer(int c) {
        long spread = (c * 0x9E3779B97F4A7C15L) >>> 20;
        int m = c % 20;
        if (m < 9) return "5511" + (900000000L + spread % 100000000L);          // Brazil, mobile
        if (m < 16) return "91" + (9000000000L + spread % 1000000000L);         // India, mobile
        return "1415" + (2000000L + spread % 8000000L);                         // United States, San Francisco
    }

    public static void write(long rows, int customers, long seed, OutputStream out) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] numbers = new String[customers];
        for (int c = 0; c < customers; c++) numbers[c] = customer(c);
        long[] lastInbound = new long[customers];
        java.util.Arrays.fill(lastInbound, Long.MIN_VALUE / 2);
        long start = FIRST.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        double meanGap = DAYS * 86_400.0 / Math.max(1, rows);
        double t = start;
        out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
        StringBuilder b = new StringBuilder(120);
        byte[] line = new byte[256];
        for (long i = 0; i < rows; i++) {
            t += -Math.log(1 - rnd.nextDouble()) * meanGap;
            long s = (long) t;
            int c = (int) (customers * Math.pow(rnd.nextDouble(), 2.0)); // a few customers busy, most quiet
            b.setLength(0);
            b.append(s).append(",m").append(i).append(',').append(BUSINESS).append(',').append(numbers[c]).append(',');
            int roll = rnd.nextInt(100);
            if (roll < 30) {
                lastInbound[c] = s;
                b.append("inbound,message,,");
            } else {
                boolean inWindow = s - lastInbound[c] < 86_400L;
                if (roll < 50 && (inWindow || roll < 32)) {
                    b.append("outbound,free_form,,delivered");
                } else {
                    String category = roll < 80 ? "utility" : roll < 83 ? "authentication" : "marketing";
                    b.append("outbound,template,").append(category).append(',')
                            .append(rnd.nextInt(50) == 0 ? "failed" : "delivered");
                }
            }
            b.append('\n');
            int n = b.length();
            for (int k = 0; k < n; k++) line[k] = (byte) b.charAt(k);
            out.write(line, 0, n);
        }
    }
}
