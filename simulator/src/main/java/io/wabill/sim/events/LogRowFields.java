package io.wabill.sim.events;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;

/**
 * The cells of one log row (FORMATS.md section 1), as the pricing pipeline reads them: a {@link LogRow} record that a
 * caller keeps, or a {@link RowBuffer} that a reader fills again for every row. Whoever takes a row reads its fields
 * during the call and keeps none of it but copies (strings and numbers); {@link #toLogRow()} is the row to keep.
 *
 * <p>Instants are epoch milliseconds; {@link LogRow#NONE} marks an absent instant, {@code tokens < 0} an absent token
 * count, a null {@code status} an empty cell (which means delivered).
 */
public interface LogRowFields {
    String file();

    /** Position of the file among the inputs, so insertion order is stable across files. */
    int fileIndex();

    long line();

    long timestamp();

    /** Null when the cell is empty. */
    String messageId();

    String account();

    /** Null when the cell is empty. */
    String portfolio();

    String business();

    String customer();

    Direction direction();

    MessageKind kind();

    /** Null unless a template's. */
    TemplateCategory category();

    EntryPoint entryPoint();

    /** Null when the cell is empty (delivered). */
    DeliveryStatus status();

    /** The {@code delivered_at} cell, or {@link LogRow#NONE}. */
    long deliveredAt();

    /** Null when the cell is empty. */
    String template();

    /** Below zero when absent. */
    long tokens();

    /** The end of a free entry point window as Meta reported it in an imported webhook (D5, W2), or {@link LogRow#NONE}. */
    long fepExpiresAt();

    default DeliveryStatus effectiveStatus() { return status() == null ? DeliveryStatus.DELIVERED : status(); }

    default String location() { return file() + ":" + line(); }

    /** This row as a record of its own, to keep beyond the call that gave it (a problem report, a held row). */
    LogRow toLogRow();
}
