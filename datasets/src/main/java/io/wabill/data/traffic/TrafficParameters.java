package io.wabill.data.traffic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a market's traffic: key, kind, default, bounds and meaning. One table serves the reader
 * (defaults, validation), the writer (the comments of a saved file) and the README, so they cannot drift.
 * Keys are paths below a market entry ({@code sessions.per_customer_day}); a file's {@code defaults:} block
 * takes the same keys and applies to every market that does not set them.
 */
public final class TrafficParameters {
    /** How a value is written and checked. */
    public enum Kind {
        /** a decimal number within [min, max] */ NUMBER,
        /** a whole number within [min, max] */ INTEGER,
        /** digits only (a number prefix) */ DIGITS,
        /** a name written into the log as is: letters, digits, _ . - and starting with a letter or digit */ NAME,
        /** an IANA time zone */ ZONE,
        /** 24 non-negative weights, not all zero */ HOURS,
        /** 7 non-negative factors (Monday..Sunday), not all zero */ WEEK,
        /** a list of weekdays (MON, TUE, ... or full names) */ WEEKDAYS
    }

    /** One parameter. {@code defaultValue} is null for the two whose default depends on the market (number prefix and length). */
    public record Param(String key, Kind kind, Object defaultValue, double min, double max, String doc) {
        public String section() {
            int dot = key.indexOf('.');
            return dot < 0 ? "" : key.substring(0, dot);
        }

        public String leaf() { return key.substring(key.indexOf('.') + 1); }
    }

    static final double[] DEFAULT_HOURLY = {
        0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.2, 1.5, 1.6, 1.6,
        1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.6, 1.7, 1.6, 1.3, 0.9, 0.5};
    static final double[] DEFAULT_WEEKLY = {1.05, 1.05, 1.05, 1.05, 1.05, 0.9, 0.85};

    private static final Map<String, Param> PARAMS = new LinkedHashMap<>();

    static {
        p("market", Kind.NAME, "Brazil", 0, 0, "Meta's pricing market of these customers (a name from `wabill rates list`)");
        p("number_prefix", Kind.DIGITS, null, 0, 0, "E.164 digits every customer number starts with; default: the calling code of the market's first country");
        p("number_length", Kind.INTEGER, null, 8, 15, "digits of a customer number, prefix included; default: calling code + 10");
        p("time_zone", Kind.ZONE, "UTC", 0, 0, "the customers' time zone: hours and weekdays of the seasonality are local to it");
        p("customers", Kind.INTEGER, 10_000L, 0, 1e9, "customers in the market at the start (scaled by --scale, grown by --growth)");
        p("hourly", Kind.HOURS, DEFAULT_HOURLY, 0, 0, "relative activity of each local hour 0..23 (sessions, utility events, OTP requests)");
        p("weekly", Kind.WEEK, DEFAULT_WEEKLY, 0, 0, "activity factor Monday..Sunday; rates are per average day, so the factors are scaled to mean 1");
        p("sessions.per_customer_day", Kind.NUMBER, 0.03, 0, 100, "customer-initiated sessions per customer per average day");
        p("sessions.ctwa_share", Kind.NUMBER, 0.10, 0, 1, "share of those sessions whose first message comes from a click-to-WhatsApp ad (a free entry point)");
        p("sessions.call_share", Kind.NUMBER, 0.02, 0, 1, "share of inbound contacts that are calls rather than messages");
        p("sessions.messages_mean", Kind.NUMBER, 2.0, 1, 1000, "inbound messages per session, mean (1 + geometric)");
        p("sessions.gap_seconds", Kind.NUMBER, 240.0, 0, 86_400, "mean wait from the business's last reply to the customer's next message in a session (exponential)");
        p("sessions.replies_per_message", Kind.NUMBER, 1.0, 0, 100, "free-form business replies per inbound message, mean (Poisson), all inside the service window");
        p("sessions.reply_delay_seconds", Kind.NUMBER, 120.0, 0, 36_000, "mean delay of each business reply after the message or reply before it (exponential)");
        p("sessions.reaction_probability", Kind.NUMBER, 0.05, 0, 1, "chance the business reacts to an inbound message (free under PMP-26, E4)");
        p("sessions.agent_share", Kind.NUMBER, 0.0, 0, 1, "share of business replies written by Meta's Business Agent (charged per token, E6)");
        p("sessions.agent_tokens_mean", Kind.INTEGER, 1500L, 0, 1e7, "tokens of an agent reply, mean (uniform from half to 1.5 times)");
        p("marketing.campaigns_per_week", Kind.NUMBER, 1.0, 0, 100, "marketing campaigns a week, spread over the campaign days");
        p("marketing.days", Kind.WEEKDAYS, List.of("THU"), 0, 0, "weekdays campaigns run on");
        p("marketing.send_hour", Kind.INTEGER, 10L, 0, 23, "local hour a campaign starts; a second campaign on one day starts 4 hours later");
        p("marketing.burst_minutes", Kind.NUMBER, 60.0, 1, 1440, "a campaign's sends spread evenly over this many minutes");
        p("marketing.audience_share", Kind.NUMBER, 0.30, 0, 1, "share of the customers one campaign reaches (each customer drawn independently)");
        p("marketing.reply_probability", Kind.NUMBER, 0.03, 0, 1, "chance a delivered campaign message gets a customer reply (which opens the service window)");
        p("marketing.reply_median_minutes", Kind.NUMBER, 20.0, 0.02, 1440, "median delay of that reply after delivery (log-normal)");
        p("marketing.reply_sigma", Kind.NUMBER, 1.0, 0, 4, "spread of the reply delay: standard deviation of its natural log");
        p("marketing.template", Kind.NAME, "weekly_offer", 0, 0, "template name written in the log");
        p("utility.events_per_customer_day", Kind.NUMBER, 0.02, 0, 100, "events (orders, bookings, bills) per customer per average day, each followed by utility templates");
        p("utility.messages_per_event", Kind.NUMBER, 2.0, 1, 100, "utility templates per event, mean (1 + Poisson)");
        p("utility.spacing_hours", Kind.NUMBER, 8.0, 0, 48, "mean time between an event's templates (exponential); fitting takes templates less than 48 h apart as one event");
        p("utility.reply_probability", Kind.NUMBER, 0.05, 0, 1, "chance a delivered utility template gets a customer reply");
        p("utility.reply_median_minutes", Kind.NUMBER, 30.0, 0.02, 1440, "median delay of that reply after delivery (log-normal)");
        p("utility.reply_sigma", Kind.NUMBER, 1.0, 0, 4, "spread of the reply delay: standard deviation of its natural log");
        p("utility.template", Kind.NAME, "order_update", 0, 0, "template name written in the log");
        p("authentication.requests_per_customer_day", Kind.NUMBER, 0.01, 0, 100, "one-time-password requests per customer per average day");
        p("authentication.retry_probability", Kind.NUMBER, 0.10, 0, 1, "chance a code is sent again (the user asks for a new one), each retry again with this chance");
        p("authentication.retry_delay_seconds", Kind.NUMBER, 60.0, 1, 600, "mean time before a retry (exponential); fitting takes codes less than 10 minutes apart as retries");
        p("authentication.max_retries", Kind.INTEGER, 2L, 0, 10, "most retries after one request");
        p("authentication.reply_probability", Kind.NUMBER, 0.0, 0, 1, "chance a delivered code gets a customer reply");
        p("authentication.reply_median_minutes", Kind.NUMBER, 5.0, 0.02, 1440, "median delay of that reply after delivery (log-normal)");
        p("authentication.reply_sigma", Kind.NUMBER, 1.0, 0, 4, "spread of the reply delay: standard deviation of its natural log");
        p("authentication.template", Kind.NAME, "login_code", 0, 0, "template name written in the log");
        p("delivery.failure_rate", Kind.NUMBER, 0.02, 0, 1, "share of outbound messages that fail (never charged)");
        p("delivery.mean_delay_seconds", Kind.NUMBER, 4.0, 0, 86_400, "mean delay from send to delivery (exponential, whole seconds); the charge instant is the delivery (G3)");
        p("delivery.read_share", Kind.NUMBER, 0.6, 0, 1, "share of delivered messages reported read");
    }

    private static void p(String key, Kind kind, Object def, double min, double max, String doc) {
        PARAMS.put(key, new Param(key, kind, def, min, max, doc));
    }

    private TrafficParameters() {}

    /** Every market parameter, in the order a file lists them. */
    public static List<Param> all() { return Collections.unmodifiableList(new ArrayList<>(PARAMS.values())); }

    public static Param get(String key) { return PARAMS.get(key); }

    /** The sections below a market entry that hold parameters. */
    public static List<String> sections() { return List.of("sessions", "marketing", "utility", "authentication", "delivery"); }

    /** Keys of one section ("" for the market's own keys). */
    public static List<String> leaves(String section) {
        List<String> out = new ArrayList<>();
        for (Param p : PARAMS.values()) if (p.section().equals(section) && !(section.isEmpty() && p.key().contains("."))) out.add(p.leaf());
        return out;
    }

    /** The default business number when a file names none. */
    public static final String DEFAULT_BUSINESS = "15550100001";
}
