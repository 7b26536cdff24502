package io.wabill.data.traffic;

import io.wabill.data.traffic.TrafficParameters.Param;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a traffic model as YAML that {@link TrafficModelReader} reads back: every parameter explicit, the
 * first market's keys commented with their meaning, numbers to four significant digits so a saved file is
 * stable and readable. The output depends only on the model, so saving the same fit twice gives the same bytes.
 */
public final class TrafficModelWriter {
    private TrafficModelWriter() {}

    /** Writes {@code model}; {@code header} lines become comments at the top. */
    public static void write(TrafficModel model, List<String> header, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# wabill traffic model (see README, \"Synthetic traffic\"); every key is optional and has a default.\n");
        for (String h : header) b.append("# ").append(h).append('\n');
        b.append("version: ").append(TrafficModelReader.VERSION).append('\n');
        b.append("businesses: [");
        for (int i = 0; i < model.businesses().size(); i++) b.append(i > 0 ? ", " : "").append('"').append(model.businesses().get(i)).append('"');
        b.append("]\n");
        if (model.account() != null) b.append("account: ").append(model.account()).append('\n');
        b.append("markets:\n");
        boolean first = true;
        for (MarketTraffic m : model.markets()) {
            Map<String, String> values = values(m);
            b.append("  - market: ").append(values.get("market"));
            if (first) b.append("   # ").append(TrafficParameters.get("market").doc());
            b.append('\n');
            String section = "";
            for (Param p : TrafficParameters.all()) {
                if (p.key().equals("market")) continue;
                if (!p.section().equals(section)) {
                    section = p.section();
                    b.append("    ").append(section).append(":\n");
                }
                String indent = section.isEmpty() ? "    " : "      ";
                if (first) b.append(indent).append("# ").append(p.doc()).append('\n');
                b.append(indent).append(p.leaf()).append(": ").append(values.get(p.key())).append('\n');
            }
            first = false;
        }
        out.write(b.toString());
        out.flush();
    }

    /** The model's values as YAML text, by parameter key. */
    static Map<String, String> values(MarketTraffic m) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("market", quoteIfNeeded(m.market()));
        v.put("number_prefix", "\"" + m.numberPrefix() + "\"");
        v.put("number_length", Integer.toString(m.numberLength()));
        v.put("time_zone", m.zone().getId());
        v.put("customers", Long.toString(m.customers()));
        v.put("hourly", list(m.hourly(), 3));
        v.put("weekly", list(m.weekly(), 3));
        MarketTraffic.Sessions s = m.sessions();
        v.put("sessions.per_customer_day", num(s.perCustomerDay()));
        v.put("sessions.ctwa_share", num(s.ctwaShare()));
        v.put("sessions.call_share", num(s.callShare()));
        v.put("sessions.messages_mean", num(s.messagesMean()));
        v.put("sessions.gap_seconds", num(s.gapSeconds()));
        v.put("sessions.replies_per_message", num(s.repliesPerMessage()));
        v.put("sessions.reply_delay_seconds", num(s.replyDelaySeconds()));
        v.put("sessions.reaction_probability", num(s.reactionProbability()));
        v.put("sessions.agent_share", num(s.agentShare()));
        v.put("sessions.agent_tokens_mean", Long.toString(s.agentTokensMean()));
        MarketTraffic.Marketing k = m.marketing();
        v.put("marketing.campaigns_per_week", num(k.campaignsPerWeek()));
        List<String> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) if (k.days().contains(d)) days.add(d.name().substring(0, 3));
        v.put("marketing.days", "[" + String.join(", ", days) + "]");
        v.put("marketing.send_hour", Integer.toString(k.sendHour()));
        v.put("marketing.burst_minutes", num(k.burstMinutes()));
        v.put("marketing.audience_share", num(k.audienceShare()));
        reply(v, "marketing", k.reply());
        v.put("marketing.template", k.template());
        MarketTraffic.Utility u = m.utility();
        v.put("utility.events_per_customer_day", num(u.eventsPerCustomerDay()));
        v.put("utility.messages_per_event", num(u.messagesPerEvent()));
        v.put("utility.spacing_hours", num(u.spacingHours()));
        reply(v, "utility", u.reply());
        v.put("utility.template", u.template());
        MarketTraffic.Authentication a = m.authentication();
        v.put("authentication.requests_per_customer_day", num(a.requestsPerCustomerDay()));
        v.put("authentication.retry_probability", num(a.retryProbability()));
        v.put("authentication.retry_delay_seconds", num(a.retryDelaySeconds()));
        v.put("authentication.max_retries", Integer.toString(a.maxRetries()));
        reply(v, "authentication", a.reply());
        v.put("authentication.template", a.template());
        MarketTraffic.Delivery d = m.delivery();
        v.put("delivery.failure_rate", num(d.failureRate()));
        v.put("delivery.mean_delay_seconds", num(d.meanDelaySeconds()));
        v.put("delivery.read_share", num(d.readShare()));
        return v;
    }

    private static void reply(Map<String, String> v, String section, MarketTraffic.CustomerReply r) {
        v.put(section + ".reply_probability", num(r.probability()));
        v.put(section + ".reply_median_minutes", num(r.medianMinutes()));
        v.put(section + ".reply_sigma", num(r.sigma()));
    }

    /** Four significant digits, plain notation: 0.03125 -> 0.03125, 1234567 -> 1235000, 2.0 -> 2. */
    public static String num(double d) {
        if (d == 0) return "0";
        return new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String list(double[] values, int digits) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) b.append(", ");
            b.append(values[i] == 0 ? "0" : new BigDecimal(values[i]).round(new MathContext(digits)).stripTrailingZeros().toPlainString());
        }
        return b.append(']').toString();
    }

    private static String quoteIfNeeded(String s) {
        return s.matches("[A-Za-z][A-Za-z0-9 ]*") ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
