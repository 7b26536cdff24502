package io.wabill.data.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * A large, time-sorted canonical log (FORMATS.md section 1) for benchmarks and differential tests: several
 * portfolios, each with accounts and business numbers, customers in six single-region markets (Brazil, India,
 * Mexico, Indonesia, Germany, Colombia), customers who write and businesses that answer inside the window,
 * utility, authentication and marketing templates, click-to-WhatsApp arrivals, free-form replies (some outside
 * any window, so rejected under G7) and failed sends. Arrivals are a Poisson stream and customers are drawn
 * with a skew, so some pairs are busy and most are quiet. The same settings and seed give the same bytes.
 *
 * <p>Each message is one row (no status rows) with the id {@code m<row>}, so a log of n rows is n messages in
 * file order; account {@code acc0} of
 * every portfolio is in UTC, {@code acc1} in {@code America/Sao_Paulo}, further ones in {@code Asia/Kolkata}.
 */
public final class SyntheticLog {
    /**
     * @param rows        rows to write
     * @param first       local date of the first row (UTC midnight)
     * @param days        days the rows span
     * @param portfolios  business portfolios
     * @param accounts    accounts per portfolio
     * @param customers   distinct customers per business number
     * @param seed        random seed
     */
    public record Settings(long rows, LocalDate first, int days, int portfolios, int accounts, int customers, long seed) {
        public Settings {
            if (rows < 0) throw new IllegalArgumentException("rows must be >= 0, was " + rows);
            if (days < 1) throw new IllegalArgumentException("days must be >= 1, was " + days);
            if (portfolios < 1 || accounts < 1) throw new IllegalArgumentException("portfolios and accounts must be >= 1");
            if (customers < 1) throw new IllegalArgumentException("customers must be >= 1, was " + customers);
        }
    }

    public static final String HEADER = "timestamp,message_id,business,customer,direction,kind,category,entry_point,status,"
            + "account,portfolio";
    static final String[] PREFIXES = {"55119", "91987", "52155", "62812", "49151", "57310"};
    static final String[] ZONES = {"UTC", "America/Sao_Paulo", "Asia/Kolkata"};

    private SyntheticLog() {}

    /** The account's id, {@code p<portfolio>acc<index>}. */
    public static String account(int portfolio, int index) { return "p" + portfolio + "acc" + index; }

    public static String zoneOf(int accountIndex) { return ZONES[Math.min(accountIndex, ZONES.length - 1)]; }

    /** Writes {@code accounts.csv} for the log's accounts (FORMATS.md section 2). */
    public static void writeAccounts(Settings s, Path target) throws IOException {
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write("account,time_zone,currency,business_country,auth_international_from,portfolio\n");
            for (int p = 0; p < s.portfolios(); p++)
                for (int a = 0; a < s.accounts(); a++)
                    w.write(account(p, a) + "," + zoneOf(a) + ",USD,BR,,portfolio" + p + "\n");
        }
    }

    /** Writes the log. */
    public static void write(Settings s, Path target) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8),
                1 << 16)) {
            write(s, w);
        }
    }

    public static void write(Settings s, Writer w) throws IOException {
        SplittableRandom rnd = new SplittableRandom(s.seed());
        int accounts = s.portfolios() * s.accounts();
        int businesses = accounts * 2;
        // when each pair's customer last wrote, so that most free-form replies fall inside the window
        long[] lastInbound = new long[Math.min(1 << 22, businesses * s.customers())];
        java.util.Arrays.fill(lastInbound, Long.MIN_VALUE / 2);
        long start = s.first().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        double meanGap = s.days() * 86_400_000.0 / Math.max(1, s.rows());
        double t = start;
        char[] line = new char[256];
        w.write(HEADER);
        w.write('\n');
        StringBuilder b = new StringBuilder(160);
        for (long i = 0; i < s.rows(); i++) {
            t += -Math.log(1 - rnd.nextDouble()) * meanGap;
            long ms = (long) t / 1000 * 1000;
            int business = rnd.nextInt(businesses);
            int account = business / 2;
            int portfolio = account / s.accounts();
            // a skewed draw: a few customers write often, most rarely
            int c = (int) (s.customers() * Math.pow(rnd.nextDouble(), 2.5));
            int pairSlot = (int) (((long) business * s.customers() + c) % lastInbound.length);
            b.setLength(0);
            b.append(Instant.ofEpochMilli(ms)).append(',');
            int roll = rnd.nextInt(100);
            boolean inbound = roll < 30;
            b.append('m').append(i); // inbound rows may leave it empty; an id on every row keeps the file order visible
            b.append(',').append("5511940").append(String.format("%06d", business)).append(',');
            String prefix = PREFIXES[(int) ((c * 2654435761L) % PREFIXES.length)];
            b.append(prefix).append(digits(c, 12 - prefix.length() + 1)).append(',');
            if (inbound) {
                lastInbound[pairSlot] = ms;
                b.append("inbound,message,,").append(roll < 3 ? "ctwa" : "").append(",,");
            } else {
                boolean inWindow = ms - lastInbound[pairSlot] < 86_400_000L;
                if (roll < 45 && (inWindow || roll < 33)) {
                    b.append("outbound,free_form,,,,");
                } else {
                    String category = roll < 70 ? "utility" : roll < 85 ? "authentication" : roll < 98 ? "marketing" : "marketing_lite";
                    b.append("outbound,template,").append(category).append(",,").append(rnd.nextInt(50) == 0 ? "failed" : "delivered").append(',');
                }
            }
            b.append(account(portfolio, account % s.accounts())).append(",portfolio").append(portfolio).append('\n');
            int n = b.length();
            if (n > line.length) line = new char[n * 2];
            b.getChars(0, n, line, 0);
            w.write(line, 0, n);
        }
    }

    private static String digits(long v, int n) {
        char[] d = new char[n];
        long x = (v * 0x9E3779B97F4A7C15L) >>> 8; // spread the customers over the numbering plan
        for (int i = n - 1; i >= 0; i--) {
            d[i] = (char) ('0' + (int) (x % 10));
            x /= 10;
        }
        return new String(d);
    }

    /** Writes a log: {@code SyntheticLog ROWS FILE [PORTFOLIOS] [FIRST-DAY] [DAYS]}, and accounts.csv beside it. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticLog ROWS FILE [PORTFOLIOS] [FIRST-DAY] [DAYS]");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0]);
        Path file = Path.of(args[1]);
        int portfolios = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        LocalDate first = args.length > 3 ? LocalDate.parse(args[3]) : LocalDate.of(2026, 10, 1);
        int days = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        Settings s = new Settings(rows, first, days, portfolios, 3, 200_000, 20261126L);
        write(s, file);
        Path accounts = file.toAbsolutePath().resolveSibling("accounts.csv");
        writeAccounts(s, accounts);
        System.out.println("wrote " + file + " and " + accounts);
    }
}
