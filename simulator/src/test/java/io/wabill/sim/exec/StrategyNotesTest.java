package io.wabill.sim.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import org.junit.jupiter.api.Test;

class StrategyNotesTest {
    private static final long MINUTE = 60_000;

    @Test
    void saysWhatChangedAndHowLong() {
        StrategyNotes notes = new StrategyNotes();
        assertEquals("strategy: delayed 12h00m",
                notes.note(MessageKind.TEMPLATE, TemplateCategory.MARKETING, null, TemplateCategory.MARKETING, true, 720 * MINUTE));
        assertEquals("strategy: sent as free_form instead of utility template, delayed 3h05m",
                notes.note(MessageKind.TEMPLATE, TemplateCategory.UTILITY, MessageKind.FREE_FORM, null, true, 185 * MINUTE + 59_999));
        assertEquals("strategy: sent as marketing template instead of utility template",
                notes.note(MessageKind.TEMPLATE, TemplateCategory.UTILITY, MessageKind.TEMPLATE, TemplateCategory.MARKETING, false, 0));
        assertEquals("strategy: delayed 59m",
                notes.note(MessageKind.FREE_FORM, null, null, null, true, 59 * MINUTE + 1));
    }

    @Test
    void aMessageStillHeldAtTheEndSaysSoInTheSameWords() {
        assertEquals("strategy: still held when the log ended (deferred 2h30m so far): priced as if sent at the log's last instant",
                StrategyNotes.pending(MessageKind.TEMPLATE, TemplateCategory.MARKETING, null, TemplateCategory.MARKETING, 150 * MINUTE));
        assertEquals("strategy: sent as free_form instead of utility template, still held when the log ended (deferred 45m so far): "
                        + "priced as if sent at the log's last instant",
                StrategyNotes.pending(MessageKind.TEMPLATE, TemplateCategory.UTILITY, MessageKind.FREE_FORM, null, 45 * MINUTE));
    }

    @Test
    void makesEachNoteOnceAndLongDelaysEachTime() {
        StrategyNotes notes = new StrategyNotes();
        String first = notes.note(MessageKind.TEMPLATE, TemplateCategory.MARKETING, null, TemplateCategory.MARKETING, true, 720 * MINUTE);
        assertSame(first, notes.note(MessageKind.TEMPLATE, TemplateCategory.MARKETING, null, TemplateCategory.MARKETING, true, 720 * MINUTE + 5));
        long longDelay = StrategyNotes.MAX_MINUTES * MINUTE;
        assertEquals("strategy: delayed " + StrategyNotes.duration(longDelay),
                notes.note(MessageKind.TEMPLATE, TemplateCategory.MARKETING, null, TemplateCategory.MARKETING, true, longDelay));
    }
}
