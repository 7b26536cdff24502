package io.wabill.data.traffic;

import io.wabill.data.traffic.TrafficParameters.Kind;
import io.wabill.data.traffic.TrafficParameters.Param;
import io.wabill.sim.market.CountryResolver;
import io.wabill.sim.market.MarketAssignment;
import io.wabill.sim.market.MarketMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a traffic model from YAML (the keys and defaults of {@link TrafficParameters}). The file is composed
 * into SnakeYAML's node tree rather than bound to objects, so that every problem can name its file, line,
 * column and key path, and every problem of the file is reported at once. Nothing is required: an empty
 * file is one market (Brazil) with every default.
 */
public final class TrafficModelReader {
    static final Set<String> TOP_KEYS = Set.of("version", "businesses", "account", "defaults", "markets");
    /** The file format's version; a file may omit it. */
    public static final int VERSION = 1;

    private final String file;
    private final MarketMap markets;
    private final List<String> problems = new ArrayList<>();

    private TrafficModelReader(String file, MarketMap markets) {
        this.file = file;
        this.markets = markets;
    }

    /**
     * Reads a model file. {@code markets} (may be null) checks market names and gives the default number
     * prefix of each market; without it every market needs its {@code number_prefix}.
     */
    public static TrafficModel read(Path path, MarketMap markets) throws IOException, TrafficModelException {
        if (!Files.isRegularFile(path)) throw new TrafficModelException(List.of(path + ": no such file"));
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString(), markets);
        }
    }

    public static TrafficModel read(InputStream in, String name, MarketMap markets) throws TrafficModelException {
        return new TrafficModelReader(name, markets).parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private TrafficModel parse(Reader text) throws TrafficModelException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Node root;
        try {
            root = new Yaml(options).compose(text);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            throw new TrafficModelException(List.of(file + (m == null ? "" : ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
                    + ": not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            throw new TrafficModelException(List.of(file + ": not valid YAML: " + e.getMessage()));
        }
        Map<String, Node> top = root == null ? Map.of() : mapping(root, "");
        if (top == null) throw new TrafficModelException(problems);
        for (Map.Entry<String, Node> e : top.entrySet())
            if (!TOP_KEYS.contains(e.getKey())) problem(e.getValue(), e.getKey(), "unknown key (expected one of " + String.join(", ", List.of("version", "businesses", "account", "defaults", "markets")) + ")");
        Node version = top.get("version");
        if (version != null) {
            Long v = integer(version, "version", 1, VERSION);
            if (v != null && v != VERSION) problem(version, "version", "expected " + VERSION);
        }
        List<String> businesses = new ArrayList<>();
        Node bNode = top.get("businesses");
        if (bNode == null) {
            businesses.add(TrafficParameters.DEFAULT_BUSINESS);
        } else {
            List<Node> items = sequence(bNode, "businesses");
            if (items != null) {
                for (int i = 0; i < items.size(); i++) {
                    String b = scalar(items.get(i), "businesses[" + i + "]");
                    if (b == null) continue;
                    if (b.startsWith("+")) b = b.substring(1);
                    if (!b.matches("[0-9]{5,15}")) problem(items.get(i), "businesses[" + i + "]", "expected a business phone number (5 to 15 digits), was '" + b + "'");
                    else businesses.add(b);
                }
                if (items.isEmpty()) problem(bNode, "businesses", "expected at least one business number");
            }
        }
        String account = null;
        if (top.containsKey("account")) {
            account = scalar(top.get("account"), "account");
            if (account != null && !account.matches(NAME)) { problem(top.get("account"), "account", "expected a name of letters, digits, _ . - starting with a letter or digit, was '" + account + "'"); account = null; }
        }
        Map<String, Node> defaults = Map.of();
        if (top.containsKey("defaults")) {
            Map<String, Node> d = flatten(top.get("defaults"), "defaults");
            if (d != null) defaults = d;
            if (defaults.containsKey("market")) problem(defaults.get("market"), "defaults.market", "a market's name cannot have a default; name it in each entry of markets");
        }
        List<MarketTraffic> list = new ArrayList<>();
        Node mNode = top.get("markets");
        if (mNode == null) {
            MarketTraffic m = market(Map.of(), defaults, "markets[0]", root);
            if (m != null) list.add(m);
        } else {
            List<Node> items = sequence(mNode, "markets");
            if (items != null) {
                if (items.isEmpty()) problem(mNode, "markets", "expected at least one market");
                Map<String, String> seen = new HashMap<>();
                for (int i = 0; i < items.size(); i++) {
                    String where = "markets[" + i + "]";
                    Map<String, Node> own = flatten(items.get(i), where);
                    if (own == null) continue;
                    MarketTraffic m = market(own, defaults, where, items.get(i));
                    if (m == null) continue;
                    String before = seen.put(m.market(), where);
                    if (before != null) problem(items.get(i), where + ".market", "market " + m.market() + " is listed twice (also " + before + "); give each market one entry");
                    list.add(m);
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingLong(TrafficModelReader::position));
            throw new TrafficModelException(problems);
        }
        return new TrafficModel(businesses, account, list);
    }

    static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.\\-]*";

    /** One market from its own keys, then the defaults block, then the built-in defaults. */
    private MarketTraffic market(Map<String, Node> own, Map<String, Node> defaults, String where, Node at) {
        int before = problems.size();
        Map<String, Object> v = new LinkedHashMap<>();
        for (Param p : TrafficParameters.all()) {
            Node n = own.get(p.key());
            String path = where + "." + p.key();
            if (n == null && !p.key().equals("market")) {
                n = defaults.get(p.key());
                path = "defaults." + p.key();
            }
            Object value = n == null ? p.defaultValue() : convert(n, p, path);
            v.put(p.key(), value);
        }
        String market = (String) v.get("market");
        if (market != null && markets != null && !markets.knows(market)) {
            problem(own.getOrDefault("market", at), where + ".market", "unknown market '" + market + "'"
                    + io.wabill.sim.names.Suggestions.hint(market, markets.markets()) + " (expected one of "
                    + String.join(", ", markets.markets()) + ")");
        }
        boolean known = market != null && (markets == null || markets.knows(market));
        if (v.get("number_prefix") == null && known) {
            String cc = callingCode(market);
            if (cc == null) problem(own.getOrDefault("market", at), where + ".number_prefix", "expected a number_prefix: market " + market + " has no calling code in the market map to take it from");
            v.put("number_prefix", cc);
        }
        String prefix = (String) v.get("number_prefix");
        if (v.get("number_length") == null && prefix != null) v.put("number_length", (long) Math.min(15, callingCodeLength(prefix) + 10));
        Long length = (Long) v.get("number_length");
        if (prefix != null && length != null && length - prefix.length() < 4) {
            problem(own.getOrDefault("number_length", at), where + ".number_length", "expected at least 4 digits after the prefix " + prefix + ", was " + length);
        }
        if (problems.size() > before) return null;
        long customers = (Long) v.get("customers");
        long room = CustomerNumbers.capacity(prefix, length.intValue());
        if (customers > room / 4) {
            problem(own.getOrDefault("customers", at), where + ".customers", "expected at most " + room / 4 + " customers for " + (length - prefix.length())
                    + " free digits after prefix " + prefix + " (room to grow 4x), was " + customers);
            return null;
        }
        return build(v);
    }

    @SuppressWarnings("unchecked")
    static MarketTraffic build(Map<String, Object> v) {
        MarketTraffic.CustomerReply mr = new MarketTraffic.CustomerReply(d(v, "marketing.reply_probability"), d(v, "marketing.reply_median_minutes"), d(v, "marketing.reply_sigma"));
        MarketTraffic.CustomerReply ur = new MarketTraffic.CustomerReply(d(v, "utility.reply_probability"), d(v, "utility.reply_median_minutes"), d(v, "utility.reply_sigma"));
        MarketTraffic.CustomerReply ar = new MarketTraffic.CustomerReply(d(v, "authentication.reply_probability"), d(v, "authentication.reply_median_minutes"), d(v, "authentication.reply_sigma"));
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String s : (List<String>) v.get("marketing.days")) days.add(weekday(s));
        return new MarketTraffic((String) v.get("market"), (String) v.get("number_prefix"), ((Long) v.get("number_length")).intValue(),
                v.get("time_zone") instanceof ZoneId z ? z : ZoneId.of((String) v.get("time_zone")), (Long) v.get("customers"),
                ((double[]) v.get("hourly")).clone(), normalizedWeek((double[]) v.get("weekly")),
                new MarketTraffic.Sessions(d(v, "sessions.per_customer_day"), d(v, "sessions.ctwa_share"), d(v, "sessions.call_share"),
                        d(v, "sessions.messages_mean"), d(v, "sessions.gap_seconds"), d(v, "sessions.replies_per_message"),
                        d(v, "sessions.reply_delay_seconds"), d(v, "sessions.reaction_probability"), d(v, "sessions.agent_share"),
                        (Long) v.get("sessions.agent_tokens_mean")),
                new MarketTraffic.Marketing(d(v, "marketing.campaigns_per_week"), days, ((Long) v.get("marketing.send_hour")).intValue(),
                        d(v, "marketing.burst_minutes"), d(v, "marketing.audience_share"), mr, (String) v.get("marketing.template")),
                new MarketTraffic.Utility(d(v, "utility.events_per_customer_day"), d(v, "utility.messages_per_event"), d(v, "utility.spacing_hours"),
                        ur, (String) v.get("utility.template")),
                new MarketTraffic.Authentication(d(v, "authentication.requests_per_customer_day"), d(v, "authentication.retry_probability"),
                        d(v, "authentication.retry_delay_seconds"), ((Long) v.get("authentication.max_retries")).intValue(), ar,
                        (String) v.get("authentication.template")),
                new MarketTraffic.Delivery(d(v, "delivery.failure_rate"), d(v, "delivery.mean_delay_seconds"), d(v, "delivery.read_share")));
    }

    /** Weekly factors scaled to mean 1, so that a rate "per average day" means what it says. */
    static double[] normalizedWeek(double[] w) {
        double sum = 0;
        for (double x : w) sum += x;
        double[] out = new double[7];
        for (int i = 0; i < 7; i++) out[i] = w[i] * 7 / sum;
        return out;
    }

    private static double d(Map<String, Object> v, String key) { return ((Number) v.get(key)).doubleValue(); }

    static DayOfWeek weekday(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) if (d.name().equals(t) || d.name().substring(0, 3).equals(t)) return d;
        return null;
    }

    private String callingCode(String market) {
        if (markets == null) return null;
        String best = null;
        for (MarketAssignment a : markets.rows()) {
            if (!a.market().equals(market) || a.callingCode() == null || a.callingCode().isEmpty()) continue;
            if (best == null) best = a.callingCode().replace("+", "").trim();
        }
        return best;
    }

    /** The length of the prefix's calling code (1 to 3 digits), from libphonenumber's table. */
    private static int callingCodeLength(String prefix) {
        int cc = new CountryResolver().callingCodeOf(prefix);
        return cc == 0 ? Math.min(3, prefix.length()) : Integer.toString(cc).length();
    }

    private Object convert(Node n, Param p, String path) {
        switch (p.kind()) {
            case NUMBER: {
                Double d = number(n, path, p.min(), p.max());
                return d;
            }
            case INTEGER:
                return integer(n, path, (long) p.min(), (long) p.max());
            case DIGITS: {
                String s = scalar(n, path);
                if (s == null) return null;
                if (s.startsWith("+")) s = s.substring(1);
                if (!s.matches("[1-9][0-9]{0,12}")) { problem(n, path, "expected the leading digits of an E.164 number (1 to 13 digits, not starting with 0), was '" + s + "'"); return null; }
                return s;
            }
            case NAME: {
                String s = scalar(n, path);
                if (s == null) return null;
                if (path.endsWith(".market") || path.equals("market")) {
                    if (s.isBlank()) { problem(n, path, "expected a market name"); return null; }
                    return s.trim();
                }
                if (!s.matches(NAME)) { problem(n, path, "expected a name of letters, digits, _ . - starting with a letter or digit, was '" + s + "'"); return null; }
                return s;
            }
            case ZONE: {
                String s = scalar(n, path);
                if (s == null) return null;
                try {
                    return ZoneId.of(s.trim());
                } catch (DateTimeException e) {
                    problem(n, path, "expected an IANA time zone such as America/Sao_Paulo, was '" + s + "'");
                    return null;
                }
            }
            case HOURS:
                return weights(n, path, 24, "24 weights, one per local hour 0..23");
            case WEEK:
                return weights(n, path, 7, "7 factors, Monday to Sunday");
            default: {
                List<Node> items = sequence(n, path);
                if (items == null) return null;
                List<String> out = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    String s = scalar(items.get(i), path + "[" + i + "]");
                    if (s == null) continue;
                    if (weekday(s) == null) problem(items.get(i), path + "[" + i + "]", "expected a weekday (MON, TUE, WED, THU, FRI, SAT, SUN), was '" + s + "'");
                    else out.add(weekday(s).name().substring(0, 3));
                }
                return out;
            }
        }
    }

    private double[] weights(Node n, String path, int count, String expected) {
        List<Node> items = sequence(n, path);
        if (items == null) return null;
        if (items.size() != count) { problem(n, path, "expected " + expected + ", found " + items.size()); return null; }
        double[] w = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            Double d = number(items.get(i), path + "[" + i + "]", 0, 1e9);
            if (d == null) return null;
            w[i] = d;
            sum += d;
        }
        if (sum <= 0) { problem(n, path, "expected " + expected + ", not all zero"); return null; }
        return w;
    }

    private Double number(Node n, String path, double min, double max) {
        String s = scalar(n, path);
        if (s == null) return null;
        double d;
        try {
            d = Double.parseDouble(s.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            problem(n, path, "expected a number from " + fmt(min) + " to " + fmt(max) + ", was '" + s + "'");
            return null;
        }
        if (!(d >= min && d <= max)) { problem(n, path, "expected a number from " + fmt(min) + " to " + fmt(max) + ", was " + s); return null; }
        return d;
    }

    private Long integer(Node n, String path, long min, long max) {
        String s = scalar(n, path);
        if (s == null) return null;
        long v;
        try {
            v = Long.parseLong(s.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            problem(n, path, "expected a whole number from " + min + " to " + max + ", was '" + s + "'");
            return null;
        }
        if (v < min || v > max) { problem(n, path, "expected a whole number from " + min + " to " + max + ", was " + s); return null; }
        return v;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private String scalar(Node n, String path) {
        if (n instanceof ScalarNode s) return s.getValue();
        problem(n, path, "expected a single value, found a " + (n instanceof SequenceNode ? "list" : "mapping"));
        return null;
    }

    private List<Node> sequence(Node n, String path) {
        if (n instanceof SequenceNode s) return s.getValue();
        problem(n, path, "expected a list, e.g. [a, b]");
        return null;
    }

    private Map<String, Node> mapping(Node n, String path) {
        if (!(n instanceof MappingNode m)) {
            problem(n, path.isEmpty() ? "(top level)" : path, "expected a mapping of key: value lines");
            return null;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
            if (key == null) { problem(t.getKeyNode(), path, "expected a plain key"); continue; }
            if (out.put(key, t.getValueNode()) != null) problem(t.getKeyNode(), join(path, key), "key given twice");
        }
        return out;
    }

    /** A market entry (or the defaults block) as parameter path -> node, reporting unknown keys. */
    private Map<String, Node> flatten(Node n, String path) {
        Map<String, Node> own = mapping(n, path);
        if (own == null) return null;
        Map<String, Node> out = new LinkedHashMap<>();
        List<String> topKeys = new ArrayList<>(TrafficParameters.leaves(""));
        topKeys.addAll(TrafficParameters.sections());
        for (Map.Entry<String, Node> e : own.entrySet()) {
            String key = e.getKey();
            if (TrafficParameters.sections().contains(key)) {
                Map<String, Node> sub = mapping(e.getValue(), join(path, key));
                if (sub == null) continue;
                List<String> leaves = TrafficParameters.leaves(key);
                for (Map.Entry<String, Node> s : sub.entrySet()) {
                    if (!leaves.contains(s.getKey())) {
                        problem(s.getValue(), join(path, key + "." + s.getKey()), "unknown key (expected one of " + String.join(", ", leaves) + ")");
                    } else {
                        out.put(key + "." + s.getKey(), s.getValue());
                    }
                }
            } else if (TrafficParameters.get(key) != null && !key.contains(".")) {
                out.put(key, e.getValue());
            } else {
                problem(e.getValue(), join(path, key), "unknown key (expected one of " + String.join(", ", topKeys) + ")");
            }
        }
        return out;
    }

    private static String join(String path, String key) { return path.isEmpty() ? key : path + "." + key; }

    /** Line and column of a problem, for listing problems in file order. */
    private static long position(String problem) {
        String[] parts = problem.split(":", 4);
        try {
            return Long.parseLong(parts[1]) * 10_000 + Long.parseLong(parts[2]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private void problem(Node n, String key, String what) {
        Mark m = n == null ? null : n.getStartMark();
        problems.add(file + (m == null ? "" : ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)) + ": " + key + ": " + what);
    }
}
