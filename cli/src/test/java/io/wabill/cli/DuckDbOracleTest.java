package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.samples.SyntheticLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent engine as oracle: DuckDB prices a generated PMP-era log (2025-07 to 2026-09) in SQL, with
 * window functions for the customer service window (G6, G7, D2, D3), free entry points (D5: the reply within
 * 24 h of an ad click opens a 72 h window, greedily, in a recursive query) and volume tiers (D6, D7: the n-th
 * charged message of a (portfolio, market, family, account-local month) takes the band holding n), and
 * {@code simulate} must agree on messages and amount per (local month, market, category, pricing type).
 * Two portfolios of two accounts, one in UTC and one in America/Sao_Paulo, six markets, tiered cards.
 */
class DuckDbOracleTest {
    /** 300k rows in the suite; -Dwabill.oracle.rows=N for the speed ratio of BENCHMARKS.md. */
    static final int ROWS = Integer.getInteger("wabill.oracle.rows", 300_000);
    static final String[] MARKETS = {"Brazil", "India", "Mexico", "Indonesia", "Germany", "Colombia"};

    @TempDir Path dir;

    @Test
    void simulateAgreesWithDuckDbOnEveryMonthMarketAndCategory() throws Exception {
        SyntheticLog.Settings settings = new SyntheticLog.Settings(ROWS, LocalDate.of(2025, 7, 3), 450, 2, 2, 6_000, 7L);
        Path log = dir.resolve("log.csv");
        Path accounts = dir.resolve("accounts.csv");
        SyntheticLog.write(settings, log);
        SyntheticLog.writeAccounts(settings, accounts);
        Path rates = Files.createDirectories(dir.resolve("rates"));
        Path card = rates.resolve("meta-rates-USD-2025-07-01.csv");
        writeCard(card);

        Path out = dir.resolve("out");
        StringWriter text = new StringWriter();
        long simulateStart = System.nanoTime();
        int code = Main.run(new String[] {"simulate", log.toString(), "--accounts", accounts.toString(), "--rates",
            rates.toString(), "--out", out.toString(), "--no-ledger", "--quiet"}, new PrintWriter(text), new PrintWriter(text));
        long simulateNanos = System.nanoTime() - simulateStart;
        assertEquals(0, code, text::toString);
        Map<String, String> expected = fromSummary(out.resolve("summary.csv"));

        long duckStart = System.nanoTime();
        Map<String, String> oracle = fromDuckDb(log, accounts, card);
        long duckNanos = System.nanoTime() - duckStart;

        assertTrue(expected.keySet().stream().anyMatch(k -> k.contains("free_entry_point")), "the log exercises D5");
        assertTrue(expected.keySet().stream().anyMatch(k -> k.contains("rejected")), "the log exercises G7");
        assertEquals(oracle, expected);
        System.out.printf("DuckDbOracleTest: %,d rows, simulate %.2f s, DuckDB %.2f s (load and price), ratio %.2f%n",
                ROWS, simulateNanos / 1e9, duckNanos / 1e9, (double) duckNanos / simulateNanos);
    }

    /** Tiered utility and authentication with small bands, so every band is reached within a month. */
    private static void writeCard(Path card) throws Exception {
        StringBuilder b = new StringBuilder("market,currency,category,tier_from,tier_to,rate\n");
        for (int i = 0; i < MARKETS.length; i++) {
            String m = MARKETS[i];
            b.append(m).append(",USD,marketing,1,,0.0").append(500 + 17 * i).append('\n');
            b.append(m).append(",USD,utility,1,300,0.0").append(100 + 7 * i).append('\n');
            b.append(m).append(",USD,utility,301,900,0.00").append(90 + i).append('\n');
            b.append(m).append(",USD,utility,901,,0.00").append(70 + i).append('\n');
            b.append(m).append(",USD,authentication,1,200,0.0").append(300 + 11 * i).append('\n');
            b.append(m).append(",USD,authentication,201,,0.0").append(250 + 3 * i).append('\n');
        }
        Files.writeString(card, b);
    }

    /** month|market|category|type -> messages and amount, from simulate's summary. */
    private static Map<String, String> fromSummary(Path summary) throws Exception {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> amounts = new TreeMap<>();
        List<String> lines = Files.readAllLines(summary);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1); // month,account,market,billable_category,pricing_type,messages,amount,currency
            String key = c[0] + "|" + c[2] + "|" + c[3] + "|" + c[4];
            counts.computeIfAbsent(key, k -> new long[1])[0] += Long.parseLong(c[5]);
            amounts.merge(key, new BigDecimal(c[6]), BigDecimal::add);
        }
        Map<String, String> out = new TreeMap<>();
        for (String k : counts.keySet()) out.put(k, counts.get(k)[0] + " " + amounts.get(k).stripTrailingZeros().toPlainString());
        return out;
    }

    private static Map<String, String> fromDuckDb(Path log, Path accounts, Path card) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE log AS SELECT * FROM read_csv('" + log + "', header = true, all_varchar = true)");
            sql.execute("CREATE TABLE acc AS SELECT * FROM read_csv('" + accounts + "', header = true, all_varchar = true)");
            sql.execute("CREATE TABLE card AS SELECT market, category, CAST(tier_from AS BIGINT) AS tier_from, "
                    + "coalesce(CAST(tier_to AS BIGINT), 9223372036854775807) AS tier_to, CAST(rate AS DECIMAL(18, 8)) AS rate "
                    + "FROM read_csv('" + card + "', header = true, all_varchar = true)");
            // One row per message: its instant, market (G4: one region per calling code here), account-local month (G1)
            sql.execute("""
                CREATE TABLE ev AS
                SELECT CAST(substr(l.message_id, 2) AS BIGINT) AS seq,
                       epoch_ms(CAST(l.timestamp AS TIMESTAMPTZ)) AS t,
                       l.business, l.customer, l.direction = 'inbound' AS inbound, l.kind, l.category,
                       coalesce(l.entry_point, '') IN ('ctwa', 'page_cta') AS entry, coalesce(l.status, '') <> 'failed' AS delivered,
                       l.portfolio,
                       CASE substr(l.customer, 1, 2) WHEN '55' THEN 'Brazil' WHEN '91' THEN 'India' WHEN '52' THEN 'Mexico'
                            WHEN '62' THEN 'Indonesia' WHEN '49' THEN 'Germany' WHEN '57' THEN 'Colombia' END AS market,
                       strftime(timezone(a.time_zone, CAST(l.timestamp AS TIMESTAMPTZ)), '%Y-%m') AS month
                FROM log l JOIN acc a ON a.account = l.account""");
            // G6: the latest customer message (and latest ad click) at or before each event; customers go first at one instant
            sql.execute("""
                CREATE TABLE ev2 AS
                SELECT *,
                       max(CASE WHEN inbound THEN t END) OVER w AS last_in,
                       max(CASE WHEN inbound AND entry THEN t END) OVER w AS last_entry
                FROM ev
                WINDOW w AS (PARTITION BY business, customer ORDER BY t, NOT inbound, seq
                             ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)""");
            // G7: a non-template outside the window is rejected; the rest of the delivered business messages count
            sql.execute("""
                CREATE TABLE biz AS
                SELECT *, last_in IS NOT NULL AND t < last_in + 86400000 AS csw,
                       kind <> 'template' AND NOT (last_in IS NOT NULL AND t < last_in + 86400000) AS rejected
                FROM ev2 WHERE NOT inbound""");
            // D5: a delivered reply within 24 h of the latest ad click opens 72 h; replies inside an open window do not
            sql.execute("""
                CREATE TABLE fep AS
                WITH RECURSIVE cand AS (
                    SELECT business, customer, t FROM biz
                    WHERE delivered AND NOT rejected AND last_entry IS NOT NULL AND t < last_entry + 86400000),
                opening(business, customer, t) AS (
                    SELECT business, customer, min(t) FROM cand GROUP BY business, customer
                    UNION ALL
                    SELECT c.business, c.customer, min(c.t) FROM cand c
                    JOIN opening o ON c.business = o.business AND c.customer = o.customer AND c.t >= o.t + 259200000
                    GROUP BY c.business, c.customer)
                SELECT DISTINCT business, customer, t FROM opening""");
            sql.execute("""
                CREATE TABLE priced AS
                SELECT b.*, f.t IS NOT NULL AND b.t < f.t + 259200000 AS in_fep
                FROM biz b ASOF LEFT JOIN fep f ON b.business = f.business AND b.customer = f.customer AND b.t >= f.t""");
            sql.execute("""
                CREATE TABLE typed AS
                SELECT *,
                  CASE WHEN rejected THEN 'rejected' WHEN NOT delivered THEN 'undelivered'
                       WHEN in_fep THEN 'free_entry_point'
                       WHEN kind = 'template' AND category = 'utility' AND csw THEN 'free_customer_service'
                       WHEN kind <> 'template' THEN 'free_customer_service'
                       ELSE 'regular' END AS type,
                  CASE WHEN rejected OR NOT delivered THEN ''
                       WHEN in_fep THEN 'referral_conversion'
                       WHEN kind <> 'template' THEN 'service'
                       ELSE category END AS billable,
                  CASE WHEN category IN ('utility') THEN 'utility' WHEN category = 'authentication' THEN 'authentication'
                       ELSE 'marketing' END AS family
                FROM priced""");
            // D6, D7: charged utility and authentication count per (portfolio, market, family, local month)
            sql.execute("""
                CREATE TABLE charged AS
                SELECT t.month, t.market, t.billable, t.type, c.rate
                FROM (SELECT *, row_number() OVER (PARTITION BY portfolio, market, family, month ORDER BY t, seq) AS n
                      FROM typed WHERE type = 'regular') t
                JOIN card c ON c.market = t.market AND c.category = t.family AND t.n BETWEEN c.tier_from AND c.tier_to""");
            try (ResultSet r = sql.executeQuery("""
                    SELECT month, market, billable, type, count(*) AS messages, sum(rate) AS amount FROM (
                        SELECT month, market, billable, type, rate FROM charged
                        UNION ALL SELECT month, market, billable, type, 0 FROM typed WHERE type <> 'regular'
                        UNION ALL SELECT month, market, '', 'inbound', 0 FROM ev WHERE inbound)
                    GROUP BY ALL""")) {
                while (r.next()) {
                    String key = r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4);
                    out.put(key, r.getLong(5) + " " + r.getBigDecimal(6).stripTrailingZeros().toPlainString());
                }
            }
        }
        return out;
    }
}
