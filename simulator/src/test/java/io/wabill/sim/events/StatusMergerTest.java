package io.wabill.sim.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void statusRowsOfOneIdToAnotherCustomerAreRefused() {
        StatusMerger m = new StatusMerger(row(1, "15550001111", "5511987600001", DeliveryStatus.SENT), 0);
        assertNotNull(m.conflict(row(2, "15550001111", "5511987600002", DeliveryStatus.DELIVERED)));
    }
}
