package io.wabill.spark;

import io.wabill.data.log.RowError;
import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.events.LogRow;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A log row as {@code LogReader} normalised it ({@link LogRow}, FORMATS.md section 1), as a Spark row with the
 * routing the job adds: the row's portfolio (its own, else its account's) and its account's time zone. A bad
 * row travels the same way with its error, so the task that receives it counts and reports it; nothing read is
 * lost between the read and the accounting. File names travel as their index (the order of the command line).
 */
final class NormalizedRows {
    static final String PORTFOLIO = "portfolio";
    static final String TIMESTAMP = "ts";
    static final String FILE_INDEX = "file_index";
    static final String LINE = "line";

    static final StructType SCHEMA = new StructType(new StructField[] {
        field(PORTFOLIO, DataTypes.StringType), field("zone", DataTypes.StringType),
        field(TIMESTAMP, DataTypes.LongType), field(FILE_INDEX, DataTypes.IntegerType), field(LINE, DataTypes.LongType),
        field("message_id", DataTypes.StringType), field("account", DataTypes.StringType),
        field("row_portfolio", DataTypes.StringType), field("business", DataTypes.StringType),
        field("customer", DataTypes.StringType), field("direction", DataTypes.StringType),
        field("kind", DataTypes.StringType), field("category", DataTypes.StringType),
        field("entry_point", DataTypes.StringType), field("status", DataTypes.StringType),
        field("delivered_at", DataTypes.LongType), field("template", DataTypes.StringType),
        field("tokens", DataTypes.LongType), field("fep_expires_at", DataTypes.LongType),
        field("error_column", DataTypes.StringType), field("error_value", DataTypes.StringType),
        field("error_reason", DataTypes.StringType), field("fatal", DataTypes.BooleanType)});

    private static final int ERROR_REASON = 21;

    private NormalizedRows() {}

    private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    /** A good row, routed by its portfolio. */
    static Row of(LogRow r, AccountBook accounts) {
        Account account = accounts.get(r.account());
        String portfolio = r.portfolio() != null && !r.portfolio().isEmpty() ? r.portfolio() : account.portfolio();
        return RowFactory.create(portfolio, account.zone().getId(), r.timestamp(), r.fileIndex(), r.line(),
                r.messageId(), r.account(), r.portfolio(), r.business(), r.customer(), r.direction().name(),
                r.kind().name(), r.category() == null ? null : r.category().name(), r.entryPoint().name(),
                r.status() == null ? null : r.status().name(), r.deliveredAt(), r.template(), r.tokens(),
                r.fepExpiresAt(), null, null, null, false);
    }

    /**
     * A bad row (or, {@code fatal}, a file that cannot be read on), sorted before the rows of its task. Its key is
     * the empty portfolio: errors gather in one task, whatever their file.
     */
    static Row error(int fileIndex, RowError e, boolean fatal) {
        return RowFactory.create("", null, Long.MIN_VALUE, fileIndex, e.line(), null, null, null, null, null, null,
                null, null, null, null, LogRow.NONE, null, -1L, LogRow.NONE, e.column(), e.value(), e.reason(), fatal);
    }

    static boolean isError(Row r) { return !r.isNullAt(ERROR_REASON); }

    static boolean isFatal(Row r) { return r.getBoolean(22); }

    static RowError rowError(Row r, List<String> files) {
        return new RowError(files.get(r.getInt(3)), r.getLong(4), r.getString(19), r.getString(20), r.getString(ERROR_REASON));
    }

    static long timestamp(Row r) { return r.getLong(2); }

    static String portfolio(Row r) { return r.getString(0); }

    /** The row as the reader gave it to {@code simulate}. */
    static LogRow logRow(Row r, List<String> files) {
        int fileIndex = r.getInt(3);
        String category = r.getString(12), status = r.getString(14);
        return new LogRow(files.get(fileIndex), fileIndex, r.getLong(4), r.getLong(2), r.getString(5), r.getString(6),
                r.getString(7), r.getString(8), r.getString(9), Direction.valueOf(r.getString(10)),
                MessageKind.valueOf(r.getString(11)), category == null ? null : TemplateCategory.valueOf(category),
                EntryPoint.valueOf(r.getString(13)), status == null ? null : DeliveryStatus.valueOf(status),
                r.getLong(15), r.getString(16), r.getLong(17), r.getLong(18));
    }
}
