package io.wabill.data.webhooks;

import io.wabill.sim.domain.DeliveryStatus;

/** One entry of a webhook's {@code statuses[]}: a business message's status, with what Meta reported about it. */
public record StatusEvent(String account, String business, String customer, String messageId, DeliveryStatus status,
                          long timestamp, MetaReport report, String file, long line) {}
