package io.wabill.bench.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The SQL baseline of issue 14: DuckDB (in-process, through its JDBC driver, on every core) prices a log written by
 * {@link PmpLog} with the card beside it, in SQL only, as the DuckDB oracle test does: {@code read_csv}, the customer
 * service window as a running {@code max} of the pair's customer messages (G6; non-templates outside it rejected, G7;
 * free-form and utility inside it free, D2, D3), marketing to US numbers blocked (G8), and volume tiers as
 * {@code row_number()} over (market, family, month) joined to the card's bands (D6). Prints messages and amount per
 * (month, market, billable category, pricing type), comparable with wabill's summary.csv.
 *
 * <p>{@code SqlPricing LOG CARD} with the DuckDB JDBC driver on the class path.
 */
public final class SqlPricing {
    private SqlPricing() {}

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        Path card = Path.of(args[1]);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE card AS SELECT market, category, CAST(tier_from AS BIGINT) AS tier_from, "
                    + "coalesce(CAST(tier_to AS BIGINT), 9223372036854775807) AS tier_to, CAST(rate AS DECIMAL(18, 8)) AS rate "
                    + "FROM read_csv('" + card + "', header = true, all_varchar = true)");
            String query = """
                WITH ev AS (
                    SELECT CAST(substr(message_id, 2) AS BIGINT) AS seq, timestamp * 1000 AS t, business, customer,
                           direction = 'inbound' AS inbound, kind, category, coalesce(status, '') <> 'failed' AS delivered,
                           CASE WHEN customer LIKE '1%' THEN 'North America' WHEN customer LIKE '55%' THEN 'Brazil'
                                WHEN customer LIKE '91%' THEN 'India' END AS market,
                           strftime(make_timestamp(timestamp * 1000000), '%Y-%m') AS month
                    FROM read_csv('LOG', header = true, columns = {'timestamp': 'BIGINT', 'message_id': 'VARCHAR',
                         'business': 'VARCHAR', 'customer': 'VARCHAR', 'direction': 'VARCHAR', 'kind': 'VARCHAR',
                         'category': 'VARCHAR', 'status': 'VARCHAR'})),
                windowed AS (
                    SELECT *, max(CASE WHEN inbound THEN t END) OVER (PARTITION BY business, customer
                              ORDER BY t, NOT inbound, seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS last_in
                    FROM ev),
                typed AS (
                    SELECT *,
                      CASE WHEN kind <> 'template' AND NOT coalesce(t < last_in + 86400000, false) THEN 'rejected'
                           WHEN category = 'marketing' AND market = 'North America' THEN 'rejected'
                           WHEN NOT delivered THEN 'undelivered'
                           WHEN kind <> 'template' THEN 'free_customer_service'
                           WHEN category = 'utility' AND coalesce(t < last_in + 86400000, false) THEN 'free_customer_service'
                           ELSE 'regular' END AS type,
                      CASE WHEN kind <> 'template' THEN 'service' ELSE category END AS family
                    FROM windowed WHERE NOT inbound),
                charged AS (
                    SELECT r.month, r.market, r.family AS billable, r.type, c.rate
                    FROM (SELECT *, row_number() OVER (PARTITION BY market, family, month ORDER BY t, seq) AS n
                          FROM typed WHERE type = 'regular') r
                    JOIN card c ON c.market = r.market AND c.category = r.family AND r.n BETWEEN c.tier_from AND c.tier_to)
                SELECT month, market, billable, type, count(*) AS messages, sum(rate) AS amount FROM (
                    SELECT month, market, billable, type, rate FROM charged
                    UNION ALL SELECT month, market, CASE WHEN type = 'free_customer_service' THEN family ELSE '' END,
                                     type, 0 FROM typed WHERE type <> 'regular'
                    UNION ALL SELECT month, market, '', 'inbound', 0 FROM ev WHERE inbound)
                GROUP BY ALL ORDER BY ALL""".replace("LOG", log.toString());
            try (ResultSet r = sql.executeQuery(query)) {
                while (r.next()) {
                    System.out.println(r.getString(1) + "," + r.getString(2) + "," + r.getString(3) + "," + r.getString(4)
                            + "," + r.getLong(5) + "," + r.getBigDecimal(6).stripTrailingZeros().toPlainString());
                }
            }
        }
    }
}
