package io.wabill.sim.events;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;

/**
 * One parsed row of a message log (FORMATS.md section 1), as a record to keep (a reader that reuses one buffer for
 * every row gives a {@link RowBuffer} instead; both are {@link LogRowFields}). Instants are epoch milliseconds;
 * {@link #NONE} marks an absent instant, {@code tokens < 0} an absent token count, a null
 * {@code status} an empty cell (which means delivered).
 *
 * @param fileIndex    position of the file among the inputs, so insertion order is stable across files
 * @param fepExpiresAt the end of a free entry point window as Meta reported it in an imported webhook (D5, W2),
 *                     or {@link #NONE}
 */
public record LogRow(String file, int fileIndex, long line, long timestamp, String messageId, String account,
                     String portfolio, String business, String customer, Direction direction, MessageKind kind,
                     TemplateCategory category, EntryPoint entryPoint, DeliveryStatus status, long deliveredAt,
                     String template, long tokens, long fepExpiresAt) implements LogRowFields {
    public static final long NONE = Long.MIN_VALUE;

    /** A row without a reported free entry point window end. */
    public LogRow(String file, int fileIndex, long line, long timestamp, String messageId, String account,
                  String portfolio, String business, String customer, Direction direction, MessageKind kind,
                  TemplateCategory category, EntryPoint entryPoint, DeliveryStatus status, long deliveredAt,
                  String template, long tokens) {
        this(file, fileIndex, line, timestamp, messageId, account, portfolio, business, customer, direction, kind,
                category, entryPoint, status, deliveredAt, template, tokens, NONE);
    }

    @Override public DeliveryStatus effectiveStatus() { return status == null ? DeliveryStatus.DELIVERED : status; }

    @Override public String location() { return file + ":" + line; }

    /** This record itself: it is kept as it is. */
    @Override public LogRow toLogRow() { return this; }
}
