package io.wabill.sim.events;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;

/**
 * One log row's fields, filled again for every row: a reader parses each line of a log straight into the same
 * buffer and hands it to a {@link io.wabill.sim.api.PricingSession}, which copies what it keeps, so reading and
 * pricing a row allocates no row object (issue 14). Names the log repeats (account, business, portfolio,
 * template) are the reader's shared strings.
 *
 * <p>Valid only until the next {@link #set}: give {@link #toLogRow()} to anything that keeps a row.
 */
public final class RowBuffer implements LogRowFields {
    private String file;
    private int fileIndex;
    private long line;
    private long timestamp;
    private String messageId;
    private String account;
    private String portfolio;
    private String business;
    private String customer;
    private Direction direction;
    private MessageKind kind;
    private TemplateCategory category;
    private EntryPoint entryPoint;
    private DeliveryStatus status;
    private long deliveredAt = LogRow.NONE;
    private String template;
    private long tokens = -1;
    private long fepExpiresAt = LogRow.NONE;

    /** Every field of the next row, in the order of {@link LogRow}'s components. */
    public RowBuffer set(String file, int fileIndex, long line, long timestamp, String messageId, String account,
                         String portfolio, String business, String customer, Direction direction, MessageKind kind,
                         TemplateCategory category, EntryPoint entryPoint, DeliveryStatus status, long deliveredAt,
                         String template, long tokens, long fepExpiresAt) {
        this.file = file;
        this.fileIndex = fileIndex;
        this.line = line;
        this.timestamp = timestamp;
        this.messageId = messageId;
        this.account = account;
        this.portfolio = portfolio;
        this.business = business;
        this.customer = customer;
        this.direction = direction;
        this.kind = kind;
        this.category = category;
        this.entryPoint = entryPoint;
        this.status = status;
        this.deliveredAt = deliveredAt;
        this.template = template;
        this.tokens = tokens;
        this.fepExpiresAt = fepExpiresAt;
        return this;
    }

    /** The fields of {@code row} (a reader that merges files copies the row it hands on). */
    public RowBuffer set(LogRowFields row) {
        return set(row.file(), row.fileIndex(), row.line(), row.timestamp(), row.messageId(), row.account(),
                row.portfolio(), row.business(), row.customer(), row.direction(), row.kind(), row.category(),
                row.entryPoint(), row.status(), row.deliveredAt(), row.template(), row.tokens(), row.fepExpiresAt());
    }

    @Override public String file() { return file; }

    @Override public int fileIndex() { return fileIndex; }

    @Override public long line() { return line; }

    @Override public long timestamp() { return timestamp; }

    @Override public String messageId() { return messageId; }

    @Override public String account() { return account; }

    @Override public String portfolio() { return portfolio; }

    @Override public String business() { return business; }

    @Override public String customer() { return customer; }

    @Override public Direction direction() { return direction; }

    @Override public MessageKind kind() { return kind; }

    @Override public TemplateCategory category() { return category; }

    @Override public EntryPoint entryPoint() { return entryPoint; }

    @Override public DeliveryStatus status() { return status; }

    @Override public long deliveredAt() { return deliveredAt; }

    @Override public String template() { return template; }

    @Override public long tokens() { return tokens; }

    @Override public long fepExpiresAt() { return fepExpiresAt; }

    @Override public LogRow toLogRow() {
        return new LogRow(file, fileIndex, line, timestamp, messageId, account, portfolio, business, customer, direction,
                kind, category, entryPoint, status, deliveredAt, template, tokens, fepExpiresAt);
    }

    @Override public String toString() { return "RowBuffer[" + toLogRow() + "]"; }
}
