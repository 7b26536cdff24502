package io.wabill.spark;

import io.wabill.data.accounts.AccountSettings;
import io.wabill.report.CustomerMask;
import io.wabill.sim.market.CountryResolver;
import io.wabill.sim.domain.Regime;
import io.wabill.sim.engine.BandMode;
import io.wabill.sim.engine.ExpiryBase;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.engine.ServiceTierScope;
import io.wabill.sim.engine.UsBlockScope;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * The options of {@code wabill-spark simulate}: {@code wabill simulate}'s inputs and pricing options under the same
 * names and defaults, and the job's own ({@code --format}, {@code --master}, {@code --partitions}). Executors parse
 * the same command line again ({@link JobSettings}), so every task prices with exactly the driver's options.
 */
final class SimulateOptions {
    enum OnError { STOP, SKIP }

    enum Format { PARQUET, CSV }

    @Parameters(paramLabel = "LOG", arity = "1..*", description = "message logs (FORMATS.md section 1): .csv or .csv.gz, local paths or Hadoop URIs (hdfs://, s3a://, file://)")
    List<String> logs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder (local or a Hadoop URI): ledger/, summary.csv, daily.csv, tiers.csv, templates.csv, accounting.csv, errors.csv")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "PARQUET", description = "ledger format: PARQUET (partitioned by account and local month) or CSV (part files with simulate's columns); default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[*] or local[2]; default: spark-submit's, else local[*]")
    String master;

    @Option(names = "--partitions", paramLabel = "N", description = "tasks that price portfolios (each portfolio goes whole to one); default: the cluster's default parallelism")
    Integer partitions;

    @Option(names = "--timings", description = "print where the time went: each Spark stage (wall and task time, shuffle, spill) and the time inside the pricing sessions")
    boolean timings;

    // ---- accounts (FORMATS.md section 2), as wabill simulate ----

    @Option(names = "--accounts", paramLabel = "FILE", description = "accounts.csv: account,time_zone,currency,business_country,auth_international_from,portfolio")
    String accountsFile;

    @Option(names = "--time-zone", paramLabel = "ZONE", converter = ZoneConverter.class, defaultValue = "UTC", description = "time zone of the default account; default: ${DEFAULT-VALUE}")
    ZoneId timeZone;

    @Option(names = "--currency", paramLabel = "CUR", defaultValue = "USD", description = "billing currency of the default account; default: ${DEFAULT-VALUE}")
    String currency;

    @Option(names = "--business-country", paramLabel = "CC", description = "ISO country of the default account's business (X1)")
    String businessCountry;

    @Option(names = "--auth-international-from", paramLabel = "DATE", description = "date the default account became eligible for authentication-international rates (X2)")
    LocalDate authInternationalFrom;

    @Option(names = "--portfolio", paramLabel = "ID", description = "business portfolio of the default account (D7)")
    String portfolio;

    // ---- catalog and rule options, as wabill simulate ----

    @Option(names = "--rates", paramLabel = "DIR|FILE", description = "rate cards instead of the bundled catalog (a local folder or card file)")
    Path rates;

    @Option(names = "--regime", paramLabel = "NAME", converter = RegimeConverter.class, description = "price the whole log under one regime: NBP, CBP-1, CBP-2, PMP, PMP-26")
    Regime regime;

    @Option(names = "--card", paramLabel = "CUR@DATE", description = "price everything with this card, e.g. USD@2026-10-01")
    String card;

    @Option(names = "--allow-stale-card", description = "price charges in a period the catalog declares missing with the newest older card (G2a)")
    boolean allowStaleCard;

    @Option(names = "--fep-window", paramLabel = "DURATION", defaultValue = "72h", converter = DurationConverter.class, description = "PMP free entry point window (D5); default: ${DEFAULT-VALUE}")
    Duration fepWindow;

    @Option(names = "--us-block", paramLabel = "SCOPE", defaultValue = "US", description = "marketing block from 2025-04-01 (G8): ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}")
    UsBlockScope usBlock;

    @Option(names = "--nbp-bands", paramLabel = "MODE", defaultValue = "GRADUATED", description = "NBP volume bands (A3): ${COMPLETION-CANDIDATES} (each task counts its portfolios' months first, reading its rows twice); default: ${DEFAULT-VALUE}")
    BandMode nbpBands;

    @Option(names = "--service-tier-scope", paramLabel = "SCOPE", defaultValue = "NUMBER", description = "PMP-26 service free tier counted per (E3): ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}")
    ServiceTierScope serviceTierScope;

    @Option(names = "--non-profit", description = "government / non-profit exemption (E7)")
    boolean nonProfit;

    @Option(names = "--expiry-base", paramLabel = "BASE", defaultValue = "DELIVERY", description = "instant a CBP conversation's expiry is rounded from (B5): ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}")
    ExpiryBase expiryBase;

    @Option(names = "--agent-rate", paramLabel = "CUR=RATE", description = "token rate per million tokens for agent messages in a currency (E6)")
    Map<String, BigDecimal> agentRates = new LinkedHashMap<>();

    // ---- input ----

    @Option(names = "--on-error", paramLabel = "MODE", defaultValue = "STOP", description = "bad rows: STOP (the run fails and names the first) or SKIP (reported in errors.csv); default: ${DEFAULT-VALUE}")
    OnError onError;

    @Option(names = "--max-unsorted-rows", paramLabel = "N", defaultValue = "5000000", description = "a log of at most N rows that is not sorted, or whose status rows come later than the horizon, is held whole as simulate holds it (status rows merged whatever the delay, G10); default: ${DEFAULT-VALUE}")
    long maxUnsortedRows;

    @Option(names = "--status-horizon", paramLabel = "DURATION", defaultValue = "31d", converter = DurationConverter.class, description = "how long after sending a message its status rows may arrive in a log that streams (G10: never below 31 days by default); a log held whole merges them whatever the delay; default: ${DEFAULT-VALUE}")
    Duration statusHorizon;

    // ---- output, as wabill simulate ----

    @Option(names = "--mask-customers", description = "print customers as their calling code and a salted hash (the ledger's customer column)")
    boolean maskCustomers;

    @Option(names = "--mask-salt", paramLabel = "TEXT", defaultValue = "", description = "salt of the customer hash (same salt, same masks); default: none")
    String maskSalt;

    /** The customer mask of {@code --mask-customers}, or null; one per task (it is not thread-safe). */
    CustomerMask mask() { return maskCustomers ? new CustomerMask(maskSalt, new CountryResolver()) : null; }

    /** The pricing options, built as {@code wabill simulate} builds them. */
    PricingOptions pricing() {
        PricingOptions o = PricingOptions.defaults()
                .withForcedRegime(regime)
                .withPinnedCard(card)
                .withAllowStaleCard(allowStaleCard)
                .withFepWindow(fepWindow)
                .withUsBlock(usBlock)
                .withNbpBands(nbpBands)
                .withServiceTierScope(serviceTierScope)
                .withNonProfitExemption(nonProfit)
                .withExpiryBase(expiryBase);
        for (var e : agentRates.entrySet()) {
            if (e.getValue().signum() < 0) throw new UserException("--agent-rate " + e.getKey() + " must be >= 0");
            o = o.withAgentRate(e.getKey().trim().toUpperCase(Locale.ROOT), e.getValue());
        }
        return o;
    }

    /** The default account's settings, as accounts.csv cells. */
    Map<String, String> defaultAccount() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("time_zone", timeZone.getId());
        s.put("currency", currency);
        if (businessCountry != null) s.put("business_country", businessCountry);
        if (authInternationalFrom != null) s.put("auth_international_from", authInternationalFrom.toString());
        if (portfolio != null) s.put("portfolio", portfolio);
        return s;
    }

    /** Reads {@code 72h}, {@code 7d}, {@code 90m} or an ISO-8601 duration, as {@code wabill} does. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.matches("\\d+[dhms]")) {
                    long n = Long.parseLong(v.substring(0, v.length() - 1));
                    return switch (v.charAt(v.length() - 1)) {
                        case 'd' -> Duration.ofDays(n);
                        case 'h' -> Duration.ofHours(n);
                        case 'm' -> Duration.ofMinutes(n);
                        default -> Duration.ofSeconds(n);
                    };
                }
                return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new TypeConversionException("expected a duration such as 72h, 7d, 90m or PT72H, was '" + value + "'");
            }
        }
    }

    static final class RegimeConverter implements ITypeConverter<Regime> {
        @Override public Regime convert(String value) {
            Regime r = Regime.parse(value);
            if (r == null) throw new TypeConversionException("expected NBP, CBP-1, CBP-2, PMP or PMP-26, was '" + value + "'");
            return r;
        }
    }

    static final class ZoneConverter implements ITypeConverter<ZoneId> {
        @Override public ZoneId convert(String value) {
            try {
                return AccountSettings.zone(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
