package io.wabill.sim.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import org.junit.jupiter.api.Test;

class StatusMergerTest {
    static LogRow row(long line, String business, String customer, DeliveryStatus status) {
        return new LogRow("log.csv", 0, line, 1000L * line, "w1", "default", null, business, customer, Direction.OUTBOUND,
                MessageKind.TEMPLATE, TemplateCategory.UTILITY, EntryPoint.NONE, status, LogRow.NONE, null, -1);
    }

    @Test
    void statusRowsThatWriteTheNumbersWithAndWithoutAPlusAreOneMessage() {
        StatusMerger m = new StatusMerger(row(1, "+15550001111", "5511987600001", DeliveryStatus.SENT), 0);
        LogRow status = row(2, "15550001111", "+5511987600001", DeliveryStatus.DELIVERED);
        assertNull(m.conflict(status));
        m.merge(status);
        assertEquals(StatusMerger.identity(row(1, "+15550001111", "5511987600001", DeliveryStatus.SENT)),
                StatusMerger.identity(row(2, "15550001111", "+5511987600001", DeliveryStatus.READ)));
        assertEquals(2, m.build().rows());
    }

    @Test
    void theIdentityOfAMessageChangesWithEachFieldStatusRowsMustAgreeOn() {
        LogRow r = new LogRow("log.csv", 0, 7, 7000L, "w1", "acct", "p", "1555", "5511", Direction.OUTBOUND,
                MessageKind.TEMPLATE, TemplateCategory.UTILITY, EntryPoint.NONE, null, LogRow.NONE, "t", -1);
        java.util.List<LogRow> others = java.util.List.of(
                new LogRow("log.csv", 0, 7, 7000L, "w1", "acct2", "p", "1555", "5511", Direction.OUTBOUND,
                        MessageKind.TEMPLATE, TemplateCategory.UTILITY, EntryPoint.NONE, null, LogRow.NONE, "t", -1),
                new LogRow("log.csv", 0, 7, 7000L, "w1", "acct", "p", "1556", "5511", Direction.OUTBOUND,
                        MessageKind.TEMPLATE, TemplateCategory.UTILITY, EntryPoint.NONE, null, LogRow.NONE, "t", -1),
                new LogRow("log.csv", 0, 7, 7000L, "w1", "acct", "p", "1555", "+5512", Direction.OUTBOUND,
                        MessageKind.TEMPLATE, TemplateCategory.UTILITY, EntryPoint.NONE, null, LogRow.NONE, "t", -1),
                new LogRow("log.csv", 0, 7, 7000L, "w1", "acct", "p", "1555", "5511", Direction.OUTBOUND,
                        MessageKind.TEMPLATE, TemplateCategory.MARKETING, EntryPoint.NONE, null, LogRow.NONE, "t", -1),
                new LogRow("log.csv", 0, 7, 7000L, "w1", "acct", "p", "1555", "5511", Direction.OUTBOUND,
                        MessageKind.FREE_FORM, null, EntryPoint.NONE, null, LogRow.NONE, "t", -1),
                new LogRow("log.csv", 0, 7, 7000L, "w1", "acct", "p", "1555", "5511", Direction.OUTBOUND,
                        MessageKind.TEMPLATE, TemplateCategory.UTILITY, EntryPoint.NONE, null, LogRow.NONE, null, -1),
                new LogRow("log.csv", 0, 7, 7000L, "w1", "acct", "p", "1555", "5511", Direction.OUTBOUND,
                        MessageKind.TEMPLATE, TemplateCategory.UTILITY, EntryPoint.NONE, null, LogRow.NONE, "", -1));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        seen.add(StatusMerger.identity(r));
        for (LogRow o : others) {
            assertNotNull(StatusMerger.conflict(StatusMerger.oneRow(r, 0), o), o.toString());
            assertTrue(seen.add(StatusMerger.identity(o)), o.toString());
        }
        // what conflict() does not look at leaves the identity alone
        assertEquals(StatusMerger.identity(r), StatusMerger.identity(new LogRow("other.csv", 1, 9, 9000L, "w1", "acct",
                null, "+1555", "5511", Direction.OUTBOUND, MessageKind.TEMPLATE, TemplateCategory.UTILITY, EntryPoint.NONE,
                DeliveryStatus.READ, 8000L, "t", -1)));
    }

    @Test
    void statusRowsOfOneIdToAnotherCustomerAreRefused() {
        StatusMerger m = new StatusMerger(row(1, "15550001111", "5511987600001", DeliveryStatus.SENT), 0);
        assertNotNull(m.conflict(row(2, "15550001111", "5511987600002", DeliveryStatus.DELIVERED)));
    }

    @Test
    void aMessageOfOneRowIsBuiltAsTheMergerBuildsIt() {
        for (DeliveryStatus status : new DeliveryStatus[] {null, DeliveryStatus.SENT, DeliveryStatus.DELIVERED,
                DeliveryStatus.READ, DeliveryStatus.FAILED}) {
            for (long deliveredAt : new long[] {LogRow.NONE, 500L, 7000L}) {
                for (long fep : new long[] {LogRow.NONE, 99_000L}) {
                    LogRow r = new LogRow("log.csv", 0, 7, 7000L, "w1", "default", "p", "1555", "5511", Direction.OUTBOUND,
                            MessageKind.TEMPLATE, TemplateCategory.UTILITY, EntryPoint.NONE, status, deliveredAt, "t", 3, fep);
                    assertEquals(new StatusMerger(r, 42).build(), StatusMerger.oneRow(r, 42), r.toString());
                }
            }
        }
    }

    /**
     * The assembler keeps the message its first row makes, not the row (which may be a reader's reused buffer), and
     * makes a merger from that message and the row's delivered_at cell when a second row comes: it must merge
     * every second row as a merger of the first row itself does, and give the message the rows' identity.
     */
    @Test
    void aMergerOfTheFirstRowsMessageMergesAsAMergerOfTheRow() {
        DeliveryStatus[] statuses = {null, DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ, DeliveryStatus.FAILED};
        long[] cells = {LogRow.NONE, 500L, 7000L, 9500L};
        int cases = 0;
        for (DeliveryStatus firstStatus : statuses) {
            for (long firstCell : cells) {
                for (long fep : new long[] {LogRow.NONE, 99_000L}) {
                    LogRow first = new LogRow("log.csv", 0, 7, 7000L, "w1", "default", "p", "1555", "5511", Direction.OUTBOUND,
                            MessageKind.TEMPLATE, TemplateCategory.UTILITY, EntryPoint.NONE, firstStatus, firstCell, "t", 3, fep);
                    Message message = StatusMerger.oneRow(first, 42);
                    assertEquals(StatusMerger.identity(first), StatusMerger.identity(message));
                    for (DeliveryStatus status : statuses) {
                        for (long cell : cells) {
                            for (long at : new long[] {6000L, 8000L}) {
                                LogRow second = new LogRow("log.csv", 0, 8, at, "w1", "default", "p", "+1555", "5511",
                                        Direction.OUTBOUND, MessageKind.TEMPLATE, TemplateCategory.UTILITY, EntryPoint.NONE,
                                        status, cell, "t", 3, LogRow.NONE);
                                StatusMerger ofRow = new StatusMerger(first, 42);
                                StatusMerger ofMessage = new StatusMerger(message, first.deliveredAt());
                                assertEquals(merged(42, first), ofMessage.build());
                                ofRow.merge(second);
                                ofMessage.merge(second);
                                Message expected = merged(42, first, second);
                                assertEquals(expected, ofMessage.build(), first + " then " + second);
                                assertEquals(expected, ofRow.build(), first + " then " + second);
                                assertEquals(expected.isDelivered(), ofMessage.isDelivered());
                                cases++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(5 * 4 * 2 * 5 * 4 * 2, cases);
    }

    /** G10 as the class comment states it, row by row, written out independently of the merger. */
    private static Message merged(long sequence, LogRow... rows) {
        LogRow f = rows[0];
        long sendAt = Long.MAX_VALUE, deliveredCell = LogRow.NONE, earliestDelivered = LogRow.NONE, fep = LogRow.NONE;
        DeliveryStatus status = null;
        for (LogRow r : rows) {
            sendAt = Math.min(sendAt, r.timestamp());
            status = DeliveryStatus.mostAdvanced(status, r.effectiveStatus());
            if (deliveredCell == LogRow.NONE) deliveredCell = r.deliveredAt();
            if (fep == LogRow.NONE) fep = r.fepExpiresAt();
            if (r.effectiveStatus().isDelivered() && (earliestDelivered == LogRow.NONE || r.timestamp() < earliestDelivered))
                earliestDelivered = r.timestamp();
        }
        long delivered = !status.isDelivered() ? LogRow.NONE
                : deliveredCell != LogRow.NONE ? deliveredCell : earliestDelivered != LogRow.NONE ? earliestDelivered : sendAt;
        return new Message(f.messageId(), f.account(), f.portfolio(), f.business(), f.customer(), f.direction(), f.kind(),
                f.category(), f.entryPoint(), status, sendAt, delivered, f.template(), f.tokens(), f.file(), f.line(),
                rows.length, sequence, fep);
    }

    @Test
    void aMergerMadeLateKeepsTheMessageBuiltFromTheFirstRowUntilARowIsMerged() {
        LogRow first = row(1, "15550001111", "5511987600001", DeliveryStatus.DELIVERED);
        Message built = StatusMerger.oneRow(first, 3);
        StatusMerger m = new StatusMerger(built, first.deliveredAt());
        assertSame(built, m.build());
        m.merge(row(2, "15550001111", "5511987600001", DeliveryStatus.READ));
        assertEquals(DeliveryStatus.READ, m.build().status());
        assertEquals(2, m.build().rows());
    }
}
