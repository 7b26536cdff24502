package io.wabill.data.webhooks;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;

/**
 * One row of the canonical log (FORMATS.md section 1) that the import writes, with what Meta reported about it.
 * A message's first row carries its joined statuses; a status that arrives after its message was written and
 * advances it is written as a further status row of the same {@code message_id}, which readers merge (G10).
 *
 * @param deliveredAt epoch ms, or {@link io.wabill.sim.events.LogRow#NONE}
 * @param category    null unless {@code kind} is a template
 * @param status      null for inbound rows
 */
public record ImportedRow(long timestamp, String messageId, String account, String business, String customer,
                          Direction direction, MessageKind kind, TemplateCategory category, EntryPoint entryPoint,
                          DeliveryStatus status, long deliveredAt, MetaReport report, long sequence) {}
