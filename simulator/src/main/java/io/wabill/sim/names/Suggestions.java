package io.wabill.sim.names;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean …?" for misspelt names (markets, strategies, regimes, rule ids): the candidates within a
 * small edit distance of what was typed, compared case-insensitively, closest first.
 */
public final class Suggestions {
    private Suggestions() {}

    /** The closest candidates (at most three), or none when nothing is near enough to be a typo. */
    public static List<String> closest(String typed, Collection<String> candidates) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        // A typo changes about one letter in four; short names tolerate one or two edits.
        int limit = Math.max(2, t.length() / 4);
        int best = Integer.MAX_VALUE;
        List<String> found = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d = lc.startsWith(t) && t.length() >= 3 ? 1 : distance(t, lc);
            if (d > limit) continue;
            if (d < best) {
                best = d;
                found.clear();
            }
            if (d == best && !found.contains(c) && found.size() < 3) found.add(c);
        }
        return found;
    }

    /** {@code " (did you mean X?)"}, {@code " (did you mean X or Y?)"}, or an empty string. */
    public static String hint(String typed, Collection<String> candidates) {
        List<String> s = closest(typed, candidates);
        if (s.isEmpty()) return "";
        return " (did you mean " + String.join(" or ", s) + "?)";
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
        return d[a.length()][b.length()];
    }
}
