package io.wabill.sim.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Status rows merged into one message (G10, FORMATS.md section 1) and the executive's order ({@link EventOrder}). */
class MessageAssemblerTest {
    private static final long HOUR = 3_600_000L;
    private final List<Message> messages = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private final List<String> outOfReach = new ArrayList<>();
    private final List<String> why = new ArrayList<>();
    private long line;
    private MessageAssembler assembler = assembler(24 * HOUR);

    private MessageAssembler assembler(long horizon) {
        return new MessageAssembler(Message::chargeInstant, horizon, new MessageAssembler.Listener() {
            @Override public void message(Message m) { messages.add(m); }

            @Override public void rejectedRow(LogRow row, String column, String reason) {
                rejected.add("line " + row.line() + " " + column + ": " + reason);
            }

            @Override public void outOfReach(LogRow row, String column, String reason) {
                outOfReach.add("line " + row.line() + " " + column + ": " + reason);
                rejectedRow(row, column, reason);
            }

            @Override public void undelivered(Message m, String reason) { why.add(m.messageId() + ": " + reason); }
        });
    }

    private static long at(String instant) { return Instant.parse(instant).toEpochMilli(); }

    private void out(String instant, String id, String customer, DeliveryStatus status, String deliveredAt) {
        out(instant, id, customer, TemplateCategory.UTILITY, status, deliveredAt);
    }

    private void out(String instant, String id, String customer, TemplateCategory category, DeliveryStatus status,
                     String deliveredAt) {
        assembler.accept(new LogRow("log.csv", 0, ++line, at(instant), id, "default", null, "15550001111", customer,
                Direction.OUTBOUND, MessageKind.TEMPLATE, category, EntryPoint.NONE, status,
                deliveredAt == null ? LogRow.NONE : at(deliveredAt), null, -1));
    }

    private void in(String instant, String customer) {
        assembler.accept(new LogRow("log.csv", 0, ++line, at(instant), null, "default", null, "15550001111", customer,
                Direction.INBOUND, MessageKind.MESSAGE, null, EntryPoint.NONE, null, LogRow.NONE, null, -1));
    }

    private List<String> order() {
        List<String> o = new ArrayList<>();
        for (Message m : messages) o.add(m.isInbound() ? "in:" + m.customer() : m.messageId());
        return o;
    }

    @Test
    void statusRowsOfOneMessageAreMergedIntoOne() {
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.SENT, null);
        out("2025-08-05T10:00:05Z", "w1", "911", DeliveryStatus.DELIVERED, null);
        out("2025-08-05T10:30:00Z", "w1", "911", DeliveryStatus.READ, null);
        assembler.finish();
        assertEquals(1, messages.size());
        Message m = messages.get(0);
        assertEquals(DeliveryStatus.READ, m.status());
        assertEquals(at("2025-08-05T10:00:00Z"), m.sendAt(), "the earliest row's timestamp");
        assertEquals(at("2025-08-05T10:00:05Z"), m.deliveredAt(), "the earliest delivered row's timestamp");
        assertEquals(2, assembler.rowsMerged());
        assertTrue(rejected.isEmpty(), rejected.toString());
    }

    @Test
    void theDeliveredAtOfAnyRowIsTheDeliveryInstant() {
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.SENT, null);
        out("2025-08-05T10:05:00Z", "w1", "911", DeliveryStatus.READ, "2025-08-05T10:01:00Z");
        assembler.finish();
        assertEquals(at("2025-08-05T10:01:00Z"), messages.get(0).deliveredAt());
    }

    @Test
    void aStatusRowMayReportADeliveryBeforeItsOwnTimestampButNotBeforeTheSend() {
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.SENT, null);
        out("2025-08-05T10:00:02Z", "w1", "911", DeliveryStatus.DELIVERED, "2025-08-05T10:00:01Z");
        out("2025-08-05T10:00:03Z", "w2", "912", DeliveryStatus.SENT, null);
        out("2025-08-05T10:00:04Z", "w2", "912", DeliveryStatus.DELIVERED, "2025-08-05T10:00:02Z");
        out("2025-08-05T10:00:05Z", "w3", "913", DeliveryStatus.DELIVERED, "2025-08-05T10:00:04Z");
        assembler.finish();
        assertEquals(at("2025-08-05T10:00:01Z"), messages.get(0).deliveredAt());
        assertEquals(2, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).startsWith("line 4 delivered_at") && rejected.get(0).contains("before the message was sent"),
                rejected.get(0));
        assertTrue(rejected.get(1).startsWith("line 5 delivered_at"), rejected.get(1));
        assertEquals(List.of("w1", "w2"), order(), "w3's only row is refused");
        assertFalse(messages.get(1).isDelivered());
    }

    @Test
    void aDeliveredMessageThatLaterReportsFailedStaysDelivered() {
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.DELIVERED, null);
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.FAILED, null);
        assembler.finish();
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).isDelivered());
    }

    @Test
    void aMessageSeenOnlyAsSentOrFailedIsUndelivered() {
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.SENT, null);
        out("2025-08-05T10:00:01Z", "w1", "911", DeliveryStatus.FAILED, null);
        assembler.finish();
        assertFalse(messages.get(0).isDelivered());
        assertEquals(DeliveryStatus.SENT, messages.get(0).status());
    }

    @Test
    void statusRowsThatDisagreeAreRejectedAndTheMessageIsKept() {
        out("2025-08-05T10:00:00Z", "w1", "911", TemplateCategory.UTILITY, DeliveryStatus.SENT, null);
        out("2025-08-05T10:00:05Z", "w1", "911", TemplateCategory.MARKETING, DeliveryStatus.DELIVERED, null);
        out("2025-08-05T10:00:06Z", "w1", "912", TemplateCategory.UTILITY, DeliveryStatus.READ, null);
        out("2025-08-05T10:00:07Z", "w1", "911", TemplateCategory.UTILITY, DeliveryStatus.DELIVERED, null);
        assembler.finish();
        assertEquals(1, messages.size());
        assertEquals(2, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).startsWith("line 2 message_id") && rejected.get(0).contains("category 'marketing'"), rejected.get(0));
        assertTrue(rejected.get(1).contains("customer '912'"), rejected.get(1));
        assertEquals(at("2025-08-05T10:00:07Z"), messages.get(0).deliveredAt(), "the agreeing row still counts");
        assertEquals(TemplateCategory.UTILITY, messages.get(0).category());
    }

    @Test
    void aDisagreeingStatusRowIsRejectedEvenAfterItsMessageWasReleased() {
        out("2025-08-05T10:00:00Z", "w1", "911", TemplateCategory.UTILITY, DeliveryStatus.DELIVERED, null);
        in("2025-08-05T10:00:30Z", "912");
        out("2025-08-05T10:01:00Z", "w1", "911", TemplateCategory.MARKETING, DeliveryStatus.READ, null);
        out("2025-08-05T10:02:00Z", "w1", "911", TemplateCategory.UTILITY, DeliveryStatus.READ, null);
        assembler.finish();
        assertEquals(List.of("w1", "in:912"), order());
        assertEquals(1, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).startsWith("line 3 message_id") && rejected.get(0).contains("G10"), rejected.get(0));
        assertEquals(1, assembler.rowsMerged(), "the agreeing row is merged");
    }

    @Test
    void lateDeliveryBeyondTheHorizonIsReported() {
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.SENT, null);
        in("2025-08-06T10:30:00Z", "912");
        out("2025-08-06T11:00:00Z", "w1", "911", DeliveryStatus.DELIVERED, null);
        assembler.finish();
        assertEquals(List.of("w1", "in:912"), order());
        assertFalse(messages.get(0).isDelivered());
        assertEquals(1, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).startsWith("line 3 status") && rejected.get(0).contains("status horizon"), rejected.get(0));
    }

    @Test
    void lateDeliveryBeyondTheHorizonIsReportedEvenWhenNoOtherRowCameBetween() {
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.SENT, null);
        out("2025-08-06T11:00:00Z", "w1", "911", DeliveryStatus.DELIVERED, null);
        assembler.finish();
        assertEquals(1, messages.size());
        assertFalse(messages.get(0).isDelivered(), "the horizon does not depend on unrelated traffic");
        assertEquals(1, rejected.size(), rejected.toString());
    }

    @Test
    void aStatusRowWithinTheHorizonOfADeliveredMessageIsMergedNotANewMessage() {
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.DELIVERED, null);
        in("2025-08-05T12:00:00Z", "912");
        out("2025-08-06T09:00:00Z", "w1", "911", DeliveryStatus.READ, null);
        assembler.finish();
        assertEquals(List.of("w1", "in:912"), order());
        assertEquals(1, assembler.rowsMerged());
    }

    @Test
    void inboundComesBeforeOutboundAtTheSameInstant() {
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.DELIVERED, null);
        in("2025-08-05T10:00:00Z", "911");
        assembler.finish();
        assertEquals(List.of("in:911", "w1"), order());
    }

    @Test
    void messagesAtTheSameInstantAndPriorityKeepTheirInsertionOrder() {
        out("2025-08-05T10:00:00Z", "w2", "912", DeliveryStatus.DELIVERED, null);
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.DELIVERED, null);
        assembler.finish();
        assertEquals(List.of("w2", "w1"), order());
    }

    @Test
    void deliveredAtLaterThanTimestampReorders() {
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.DELIVERED, "2025-08-05T11:00:00Z");
        in("2025-08-05T10:30:00Z", "911");
        out("2025-08-05T10:45:00Z", "w2", "911", DeliveryStatus.DELIVERED, null);
        assembler.finish();
        assertEquals(List.of("in:911", "w2", "w1"), order());
    }

    @Test
    void aLaterStatusRowThatMovesTheDeliveryInstantMovesTheMessage() {
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.DELIVERED, null);
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.READ, "2025-08-05T10:00:20Z");
        in("2025-08-05T10:00:10Z", "911");
        in("2025-08-05T10:01:00Z", "912");
        assembler.finish();
        assertEquals(at("2025-08-05T10:00:20Z"), messages.get(1).chargeInstant());
        assertEquals(List.of("in:911", "w1", "in:912"), order(), "delivered at 10:00:20, after the user's message");
    }

    @Test
    void aDeliveryEarlierThanALaterCustomerMessageIsOrderedBeforeItWhileAnotherMessageIsPending() {
        // G3: the case. w1's read row says it was delivered at 10:01; the customer wrote at 10:01:30; w2's
        // delivery row at 10:02 would have released the customer's message before w1 was known to be delivered.
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.SENT, null);
        out("2025-08-05T10:00:00Z", "w2", "912", DeliveryStatus.SENT, null);
        in("2025-08-05T10:01:30Z", "911");
        out("2025-08-05T10:02:00Z", "w2", "912", DeliveryStatus.DELIVERED, null);
        out("2025-08-05T10:05:00Z", "w1", "911", DeliveryStatus.READ, "2025-08-05T10:01:00Z");
        assembler.finish();
        assertEquals(List.of("w1", "in:911", "w2"), order());
        assertTrue(rejected.isEmpty(), rejected.toString());
    }

    @Test
    void aStreamedLogHoldsMessagesBackOnlyForTheOrderHoldAndThenRefusesAnEarlierDelivery() {
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.SENT, null);
        in("2025-08-05T10:30:00Z", "911");
        in("2025-08-05T12:00:00Z", "912"); // past the hour: the customer's message at 10:30 is released
        out("2025-08-05T12:05:00Z", "w1", "911", DeliveryStatus.READ, "2025-08-05T10:01:00Z");
        assembler.finish();
        assertEquals(1, outOfReach.size(), outOfReach.toString());
        assertTrue(outOfReach.get(0).startsWith("line 4 delivered_at") && outOfReach.get(0).contains("w1")
                && outOfReach.get(0).contains("G3"), outOfReach.get(0));
        assertEquals(List.of("in:911", "in:912", "w1"), order());
        assertFalse(messages.get(2).isDelivered(), "the refused row is not merged");
    }

    @Test
    void aLogHeldWholeWaitsForEveryStatusRowAndOrdersEveryDelivery() {
        assembler = assembler(MessageAssembler.WHOLE_LOG);
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.SENT, null);
        in("2025-08-05T10:30:00Z", "911");
        out("2025-08-06T10:00:00Z", "w2", "912", DeliveryStatus.DELIVERED, null);
        out("2025-09-20T12:05:00Z", "w1", "911", DeliveryStatus.READ, "2025-08-05T10:01:00Z");
        out("2025-10-20T12:05:00Z", "w2", "912", DeliveryStatus.READ, null);
        assembler.finish();
        assertEquals(List.of("w1", "in:911", "w2"), order());
        assertTrue(messages.get(0).isDelivered());
        assertTrue(rejected.isEmpty(), rejected.toString());
        assertEquals(2, assembler.rowsMerged(), "the read rows, 46 and 75 days late, are merged");
    }

    @Test
    void aMessageStillWaitingAtTheEndOfTheLogIsReleasedUndeliveredAndSaysWhy() {
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.SENT, null);
        out("2025-08-05T10:00:00Z", "w2", "912", DeliveryStatus.SENT, null);
        out("2025-08-07T10:00:00Z", "w3", "913", DeliveryStatus.SENT, null);
        out("2025-08-07T10:00:01Z", "w3", "913", DeliveryStatus.FAILED, null);
        assembler.finish();
        assertEquals(List.of("w1", "w2", "w3"), order());
        assertEquals(List.of("w1: no delivery status arrived before the end of the log (G10)",
                "w2: no delivery status arrived before the end of the log (G10)",
                "w3: no delivery status arrived before the end of the log (G10)"), why, "at its horizon or at the end alike");
    }

    @Test
    void aStatusRowPastTheHorizonIsOutOfReachAndNeverANewMessage() {
        out("2025-08-05T10:00:00Z", "w1", "911", DeliveryStatus.SENT, null);
        out("2025-08-06T11:00:00Z", "w9", "919", DeliveryStatus.DELIVERED, null);
        out("2025-08-07T09:00:00Z", "w1", "911", DeliveryStatus.DELIVERED, null);
        out("2025-08-07T09:30:00Z", "w1", "911", DeliveryStatus.READ, null);
        assembler.finish();
        assertEquals(List.of("w1", "w9"), order(), "no second w1");
        assertEquals(2, outOfReach.size(), outOfReach.toString());
        assertTrue(outOfReach.get(0).startsWith("line 3 status") && outOfReach.get(0).contains("w1")
                && outOfReach.get(0).contains("1 d"), outOfReach.get(0));
    }

    @Test
    void rowsGoingBackInTimeAreRefused() {
        in("2025-08-05T10:00:00Z", "911");
        assertThrows(IllegalStateException.class, () -> in("2025-08-05T09:59:59Z", "911"));
    }
}
