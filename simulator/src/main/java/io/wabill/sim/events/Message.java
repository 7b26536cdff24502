package io.wabill.sim.events;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;

/**
 * One message as the pricing model sees it: an inbound row, or an outbound message with its status
 * rows merged (G10). {@code sendAt} is the earliest row's timestamp; {@code deliveredAt} is
 * {@link LogRow#NONE} when the message was never delivered.
 *
 * @param rows     how many input rows were merged into this message (1 for most)
 * @param sequence     insertion order of the first row, the last key of the ordering contract
 * @param fepExpiresAt a free entry point window end reported by Meta (imported webhooks, D5), or {@link LogRow#NONE}
 */
public record Message(String messageId, String account, String portfolio, String business, String customer,
                      Direction direction, MessageKind kind, TemplateCategory category, EntryPoint entryPoint,
                      DeliveryStatus status, long sendAt, long deliveredAt, String template, long tokens,
                      String file, long line, int rows, long sequence, long fepExpiresAt) {

    /** A message without a reported free entry point window end. */
    public Message(String messageId, String account, String portfolio, String business, String customer,
                   Direction direction, MessageKind kind, TemplateCategory category, EntryPoint entryPoint,
                   DeliveryStatus status, long sendAt, long deliveredAt, String template, long tokens,
                   String file, long line, int rows, long sequence) {
        this(messageId, account, portfolio, business, customer, direction, kind, category, entryPoint, status, sendAt,
                deliveredAt, template, tokens, file, line, rows, sequence, LogRow.NONE);
    }

    public boolean isInbound() { return direction == Direction.INBOUND; }

    public boolean isDelivered() { return deliveredAt != LogRow.NONE; }

    /** The charge instant (G3 preamble): delivery when known, else send. */
    public long chargeInstant() { return isDelivered() ? deliveredAt : sendAt; }

    public String location() { return file + ":" + line; }
}
