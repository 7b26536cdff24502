package io.wabill.app.reconcile;

import io.wabill.report.LedgerFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger numbers CBP conversations per account ({@code conv-N}, so portfolios can be priced apart); reconciling
 * needs one key per conversation of the whole log. Keys are given in order of first sight, which for a ledger read in
 * charge order is the order the conversations opened.
 */
final class ConversationKeys {
    private final Map<String, Map<Long, Long>> byAccount = new HashMap<>();
    private final List<String> accounts = new ArrayList<>();
    private final List<Long> numbers = new ArrayList<>();

    /** The log-wide key of an account's conversation number (1, 2, ...). */
    long key(String account, long number) {
        Map<Long, Long> mine = byAccount.computeIfAbsent(account, a -> new HashMap<>());
        Long key = mine.get(number);
        if (key == null) {
            accounts.add(account);
            numbers.add(number);
            key = (long) accounts.size();
            mine.put(number, key);
        }
        return key;
    }

    /** The ledger's cell of a key's conversation: {@code conv-N}, N within its account. */
    String cell(long key) { return LedgerFormat.conversation(numbers.get((int) key - 1)); }

    /**
     * A name of the conversation that is unique in the log: the ledger's cell, prefixed with the account and a slash
     * when conversations of more than one account were seen.
     */
    String name(long key) {
        String cell = cell(key);
        return byAccount.size() > 1 ? accounts.get((int) key - 1) + "/" + cell : cell;
    }
}
