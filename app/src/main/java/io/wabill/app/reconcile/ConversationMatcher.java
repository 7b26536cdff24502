package io.wabill.app.reconcile;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps the model's conversations ({@code conv-N}) to Meta's conversation ids by co-membership: the pair that
 * shares the most messages, chosen from both sides (mutual best), is a match. A message agrees on its
 * conversation when its model conversation and Meta's conversation are a matched pair: then both drew the same
 * boundary around it. Ties go to the smaller id, so the mapping is deterministic.
 */
public final class ConversationMatcher {
    private final Map<Long, TreeMap<String, Integer>> byModel = new TreeMap<>();
    private final Map<String, TreeMap<Long, Integer>> byMeta = new HashMap<>();
    private Map<Long, String> matched;

    public void add(long modelConversation, String metaConversation) {
        byModel.computeIfAbsent(modelConversation, k -> new TreeMap<>()).merge(metaConversation, 1, Integer::sum);
        byMeta.computeIfAbsent(metaConversation, k -> new TreeMap<>()).merge(modelConversation, 1, Integer::sum);
        matched = null;
    }

    /** Meta's conversation matched to a model conversation, or null. */
    public String match(long modelConversation) {
        if (matched == null) matched = computeMatches();
        return matched.get(modelConversation);
    }

    public boolean agrees(long modelConversation, String metaConversation) {
        return metaConversation.equals(match(modelConversation));
    }

    /** Model conversations in order, with their members per Meta conversation. */
    Map<Long, TreeMap<String, Integer>> members() { return byModel; }

    public int metaMembers(String metaConversation) {
        TreeMap<Long, Integer> m = byMeta.get(metaConversation);
        return m == null ? 0 : m.values().stream().mapToInt(Integer::intValue).sum();
    }

    private Map<Long, String> computeMatches() {
        Map<Long, String> m = new HashMap<>();
        for (var e : byModel.entrySet()) {
            String best = best(e.getValue());
            if (best != null && e.getKey().equals(best(byMeta.get(best)))) m.put(e.getKey(), best);
        }
        return m;
    }

    private static <K> K best(TreeMap<K, Integer> counts) {
        K best = null;
        int n = 0;
        for (var e : counts.entrySet()) {
            if (e.getValue() > n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }
}
