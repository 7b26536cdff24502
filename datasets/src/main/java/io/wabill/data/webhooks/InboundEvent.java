package io.wabill.data.webhooks;

import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;

/** A user's message or call from a webhook's {@code messages[]} or {@code calls[]}; instants in epoch ms. */
public record InboundEvent(String account, String business, String customer, String messageId, long timestamp,
                           MessageKind kind, EntryPoint entryPoint, String file, long line) {}
