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
            assertNotNull(StatusMerger.conflict(r, o), o.toString());
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

    @Test
    void aMergerMadeLateKeepsTheMessageBuiltFromTheFirstRowUntilARowIsMerged() {
        LogRow first = row(1, "15550001111", "5511987600001", DeliveryStatus.DELIVERED);
        Message built = StatusMerger.oneRow(first, 3);
        StatusMerger m = new StatusMerger(first, 3, built);
        assertSame(built, m.build());
        m.merge(row(2, "15550001111", "5511987600001", DeliveryStatus.READ));
        assertEquals(DeliveryStatus.READ, m.build().status());
        assertEquals(2, m.build().rows());
    }
}
