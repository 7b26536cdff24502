package io.wabill.sim.exec;

import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;

/**
 * The ledger note of a message a strategy changed or delayed ("strategy: sent as free_form instead of marketing
 * template, delayed 3h12m"), made once per change and whole minute of delay and kept: a forecast defers hundreds of
 * thousands of messages a run, nearly all by one of a few changes and delays, and built each note anew. Bounded: a
 * table of {@link #MAX_MINUTES} notes per change that occurs; longer delays are written each time.
 */
final class StrategyNotes {
    static final int MAX_MINUTES = 1 << 14;
    private static final int KINDS = MessageKind.values().length;
    private static final int CATEGORIES = TemplateCategory.values().length + 1;
    private static final int SHAPES = KINDS * CATEGORIES;
    /** Per change (0: none, else 1 + logged shape × SHAPES + sent shape): per minute of delay + 1 (0: not delayed). */
    private final String[][] notes = new String[1 + SHAPES * SHAPES][];

    /**
     * The note of a message logged as {@code loggedKind}/{@code loggedCategory}, sent as {@code sentKind}/
     * {@code sentCategory} ({@code sentKind} null: unchanged) and, when {@code delayed}, delayed by {@code delayMillis}; at least one of the
     * two happened.
     */
    String note(MessageKind loggedKind, TemplateCategory loggedCategory, MessageKind sentKind, TemplateCategory sentCategory,
                boolean delayed, long delayMillis) {
        long minutes = delayed ? delayMillis / 60_000 : -1;
        if (minutes >= MAX_MINUTES || (delayed && delayMillis < 0))
            return make(loggedKind, loggedCategory, sentKind, sentCategory, delayed, delayMillis);
        int change = sentKind == null ? 0 : 1 + shape(loggedKind, loggedCategory) * SHAPES + shape(sentKind, sentCategory);
        String[] byDelay = notes[change];
        if (byDelay == null) byDelay = notes[change] = new String[MAX_MINUTES + 1];
        int i = (int) minutes + 1;
        String note = byDelay[i];
        if (note == null) byDelay[i] = note = make(loggedKind, loggedCategory, sentKind, sentCategory, delayed, delayMillis);
        return note;
    }

    private static int shape(MessageKind kind, TemplateCategory category) {
        return kind.ordinal() * CATEGORIES + (category == null ? 0 : category.ordinal() + 1);
    }

    private static String make(MessageKind loggedKind, TemplateCategory loggedCategory, MessageKind sentKind,
                               TemplateCategory sentCategory, boolean delayed, long delayMillis) {
        StringBuilder note = changed(loggedKind, loggedCategory, sentKind, sentCategory);
        if (delayed) {
            if (sentKind != null) note.append(", ");
            note.append("delayed ").append(duration(delayMillis));
        }
        return note.toString();
    }

    /**
     * The note of a message still held when the log ended, priced as if sent at the log's last instant: logged as
     * {@code loggedKind}/{@code loggedCategory}, sent as {@code sentKind}/{@code sentCategory} ({@code sentKind} null:
     * unchanged), deferred {@code deferredMillis} so far. Made once per such message, so not kept.
     */
    static String pending(MessageKind loggedKind, TemplateCategory loggedCategory, MessageKind sentKind,
                          TemplateCategory sentCategory, long deferredMillis) {
        StringBuilder note = changed(loggedKind, loggedCategory, sentKind, sentCategory);
        if (sentKind != null) note.append(", ");
        return note.append("still held when the log ended (deferred ").append(duration(deferredMillis))
                .append(" so far): priced as if sent at the log's last instant").toString();
    }

    /** "strategy: ", and what the message was sent as instead of what the log has, when a strategy changed it. */
    private static StringBuilder changed(MessageKind loggedKind, TemplateCategory loggedCategory, MessageKind sentKind,
                                         TemplateCategory sentCategory) {
        StringBuilder note = new StringBuilder("strategy: ");
        if (sentKind != null) note.append("sent as ").append(describe(sentKind, sentCategory)).append(" instead of ")
                .append(describe(loggedKind, loggedCategory));
        return note;
    }

    private static String describe(MessageKind kind, TemplateCategory category) {
        return kind == MessageKind.TEMPLATE ? category.code() + " template" : kind.code();
    }

    /** A delay as the notes write it: {@code 45m}, {@code 3h07m}. */
    static String duration(long millis) {
        long minutes = millis / 60_000;
        // Not String.format: this runs for every delayed message, and a Formatter per call was 15 % of a forecast's time.
        long m = minutes % 60;
        return minutes >= 60 ? (minutes / 60) + (m < 10 ? "h0" : "h") + m + "m" : minutes + "m";
    }
}
