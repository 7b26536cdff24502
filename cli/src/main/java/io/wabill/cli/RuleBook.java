package io.wabill.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pricing rules in the project's own words: {@code docs/rules.md}, bundled into the jar as a resource
 * so the file in the repository and what {@code wabill rules} prints are one text.
 */
public final class RuleBook {
    /** Where the build copies {@code docs/rules.md} (see the cli pom's resources). */
    static final String RESOURCE = "/io/wabill/cli/rules.md";
    /** A rule id as the ledger and help cite it: G1..G10, G2a, A1.., W5. */
    public static final Pattern RULE_ID = Pattern.compile("\\b(G(?:10|[1-9])a?|[ABCDEXW][1-9])\\b");
    private static final Pattern HEADING = Pattern.compile("^## (\\S+) · (.+)$");

    /** One rule: its id, its title, and its section of rules.md (heading included). */
    public record Rule(String id, String title, String text) {}

    private final String preamble;
    private final Map<String, Rule> rules;

    private RuleBook(String preamble, Map<String, Rule> rules) {
        this.preamble = preamble;
        this.rules = rules;
    }

    /** The bundled rules. */
    public static RuleBook bundled() {
        try (InputStream in = RuleBook.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is not on the class path; the build bundles docs/rules.md");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits the markdown at its {@code ## ID · title} headings; a {@code ---} rule ends a section. */
    static RuleBook parse(String markdown) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        StringBuilder preamble = new StringBuilder();
        String id = null, title = null;
        StringBuilder section = null;
        for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
            Matcher h = HEADING.matcher(line);
            if (h.matches() || line.equals("---")) {
                if (id != null) rules.put(id, new Rule(id, title, section.toString().strip()));
                id = null;
                if (h.matches()) {
                    id = h.group(1);
                    title = h.group(2).strip();
                    section = new StringBuilder(line).append('\n');
                    if (rules.containsKey(id)) throw new IllegalStateException("rule " + id + " appears twice in rules.md");
                }
                continue;
            }
            if (id != null) section.append(line).append('\n');
            else if (rules.isEmpty()) preamble.append(line).append('\n');
        }
        if (id != null) rules.put(id, new Rule(id, title, section.toString().strip()));
        return new RuleBook(preamble.toString().strip(), Collections.unmodifiableMap(rules));
    }

    public String preamble() { return preamble; }

    /** Every rule, in the order of rules.md. */
    public List<Rule> all() { return new ArrayList<>(rules.values()); }

    /** The rule with this id, case-insensitive ({@code g2a} is G2a), or null. */
    public Rule find(String id) {
        Rule exact = rules.get(id);
        if (exact != null) return exact;
        for (Rule r : rules.values()) if (r.id().equalsIgnoreCase(id.strip())) return r;
        return null;
    }

    /** The ids a text cites, in order of first appearance. */
    public static List<String> citedIds(String text) {
        List<String> ids = new ArrayList<>();
        Matcher m = RULE_ID.matcher(text);
        while (m.find()) if (!ids.contains(m.group(1))) ids.add(m.group(1));
        return ids;
    }

    /** The ids of rules.md, in its order. */
    public List<String> ids() { return new ArrayList<>(rules.keySet()); }
}
