package io.wabill.data.webhooks;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages already written that still wait for their delivery, by id, in the order written: what a late status
 * needs to be written as a further status row (account, business, customer, kind, category, status so far).
 * Held for the status horizon, which at a high volume of undelivered messages is hundreds of thousands of
 * messages, so each takes about 70 bytes in parallel arrays instead of a few hundred in objects: the id is kept
 * as the 64-bit hash {@link IdMemory} uses, the account and business as numbers of a name table, the customer
 * as a number when it is plain digits; stored in pages, so it never copies itself to grow.
 */
final class AwaitingDelivery {
    /** One message's attributes, as handed out by {@link #get}. */
    record Message(String account, String business, String customer, MessageKind kind, TemplateCategory category,
                   DeliveryStatus status) {}

    private static final MessageKind[] KINDS = MessageKind.values();
    private static final TemplateCategory[] CATEGORIES = TemplateCategory.values();
    private static final DeliveryStatus[] STATUSES = DeliveryStatus.values();

    /**
     * Messages in the order written, in pages of {@link #PAGE}: number {@code n} is at {@code pages.get((n - first)
     * / PAGE)}; pages are added at the end and dropped from the front, so the store never copies itself to grow.
     */
    private static final int PAGE = 4096;
    private final java.util.ArrayDeque<Page> pages = new java.util.ArrayDeque<>();
    private final List<Page> pageList = new ArrayList<>(); // the same pages, for indexing; trimmed with pages
    private long first, next; // number of the first held slot and of the next slot to fill
    private int live;

    // Id hash -> slot number, open addressing with linear probing; key 0 is an empty place.
    private long[] keys = new long[2048];
    private long[] slots = new long[2048];

    private static final class Page {
        final long[] ids = new long[PAGE], writtenAt = new long[PAGE], customerNumber = new long[PAGE];
        final String[] customerText = new String[PAGE];
        final int[] account = new int[PAGE], business = new int[PAGE];
        final byte[] kind = new byte[PAGE], category = new byte[PAGE], status = new byte[PAGE];
        long firstSlot;
    }

    private final Map<String, Integer> nameNumbers = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    /** Messages held. */
    int size() { return live; }

    void put(String id, String accountName, String businessName, String customer, MessageKind k, TemplateCategory c,
             DeliveryStatus s, long at) {
        long h = IdMemory.hash(id);
        if (find(h) >= 0) remove(id);
        if (pageList.isEmpty() || next - pageList.get(pageList.size() - 1).firstSlot == PAGE) {
            Page p = new Page();
            p.firstSlot = next;
            pages.addLast(p);
            pageList.add(p);
        }
        Page p = pageList.get(pageList.size() - 1);
        int i = (int) (next - p.firstSlot);
        p.ids[i] = h;
        p.writtenAt[i] = at;
        p.account[i] = number(accountName);
        p.business[i] = number(businessName);
        long n = digits(customer);
        p.customerNumber[i] = n;
        p.customerText[i] = n < 0 ? customer : null;
        p.kind[i] = (byte) (k == null ? -1 : k.ordinal());
        p.category[i] = (byte) (c == null ? -1 : c.ordinal());
        p.status[i] = (byte) (s == null ? -1 : s.ordinal());
        live++;
        index(h, next++);
    }

    /** The message of {@code id}, or null when none is held. */
    Message get(String id) {
        int at = find(IdMemory.hash(id));
        if (at < 0) return null;
        Page p = page(slots[at]);
        int i = (int) (slots[at] - p.firstSlot);
        return new Message(names.get(p.account[i]), names.get(p.business[i]),
                p.customerText[i] != null ? p.customerText[i] : Long.toString(p.customerNumber[i]),
                p.kind[i] < 0 ? null : KINDS[p.kind[i]], p.category[i] < 0 ? null : CATEGORIES[p.category[i]],
                p.status[i] < 0 ? null : STATUSES[p.status[i]]);
    }

    void setStatus(String id, DeliveryStatus s) {
        int at = find(IdMemory.hash(id));
        if (at < 0) return;
        Page p = page(slots[at]);
        p.status[(int) (slots[at] - p.firstSlot)] = (byte) s.ordinal();
    }

    void remove(String id) {
        int at = find(IdMemory.hash(id));
        if (at < 0) return;
        Page p = page(slots[at]);
        int i = (int) (slots[at] - p.firstSlot);
        p.ids[i] = 0;
        p.customerText[i] = null;
        live--;
        unindex(at);
    }

    /** Drops, oldest first, the messages written before {@code before}. */
    void forgetWrittenBefore(long before) {
        while (first < next) {
            Page p = pages.peekFirst();
            int i = (int) (first - p.firstSlot);
            if (p.ids[i] != 0) {
                if (p.writtenAt[i] >= before) return;
                int at = find(p.ids[i]);
                if (at >= 0 && slots[at] == first) unindex(at);
                p.ids[i] = 0;
                p.customerText[i] = null;
                live--;
            }
            first++;
            if (first - p.firstSlot == PAGE) {
                pages.removeFirst();
                pageList.remove(0); // a few hundred pages at most: the copy is cheap next to 4,096 messages
            }
        }
    }

    private Page page(long slot) {
        return pageList.get((int) ((slot - pageList.get(0).firstSlot) / PAGE));
    }

    private int number(String name) {
        Integer n = nameNumbers.get(name);
        if (n != null) return n;
        nameNumbers.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    /** The customer as a number when it is digits without a leading zero (so it prints back the same), else -1. */
    private static long digits(String s) {
        if (s.isEmpty() || s.length() > 18 || s.charAt(0) == '0') return -1;
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') return -1;
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private int find(long h) {
        int mask = keys.length - 1, i = spread(h) & mask;
        while (keys[i] != 0) {
            if (keys[i] == h) return i;
            i = (i + 1) & mask;
        }
        return -1;
    }

    private void index(long h, long slot) {
        if (live * 4 >= keys.length * 3) rehash(keys.length * 2);
        int mask = keys.length - 1, i = spread(h) & mask;
        while (keys[i] != 0 && keys[i] != h) i = (i + 1) & mask;
        keys[i] = h;
        slots[i] = slot;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys, oldSlots = slots;
        keys = new long[capacity];
        slots = new long[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] == 0) continue;
            int i = spread(oldKeys[j]) & mask;
            while (keys[i] != 0) i = (i + 1) & mask;
            keys[i] = oldKeys[j];
            slots[i] = oldSlots[j];
        }
    }

    /** Backward-shift deletion: later entries of the probe run move up, so no tombstones accumulate. */
    private void unindex(int at) {
        int mask = keys.length - 1, gap = at, i = at;
        while (true) {
            i = (i + 1) & mask;
            if (keys[i] == 0) break;
            int home = spread(keys[i]) & mask;
            // The entry at i may fill the gap when its home is not in the cyclic range (gap, i].
            boolean movable = gap <= i ? (home <= gap || home > i) : (home <= gap && home > i);
            if (movable) {
                keys[gap] = keys[i];
                slots[gap] = slots[i];
                gap = i;
            }
        }
        keys[gap] = 0;
    }

    private static int spread(long h) { return (int) (h ^ (h >>> 32)); }
}
