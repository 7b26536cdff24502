package io.wabill.spark;

import io.wabill.report.CsvLine;
import io.wabill.report.CustomerMask;
import io.wabill.report.LedgerFormat;
import io.wabill.report.LedgerFormatter;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.Message;
import java.math.BigDecimal;
import java.sql.Timestamp;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Ledger lines (FORMATS.md section 4) as Spark rows. For Parquet, typed columns under the ledger's names: instants
 * as timestamps, {@code amount} as an exact decimal of 8 places (wabill's unit), {@code rate} as an exact decimal,
 * absent values as nulls, plus {@code month}, the account-local month the file is partitioned by. For CSV, each
 * line as {@code simulate} prints it ({@link LedgerFormatter}: the same cells, quoting and spreadsheet safety).
 */
final class LedgerRows {
    static final StructType PARQUET = new StructType(new StructField[] {
        field("message_id", DataTypes.StringType), field("timestamp", DataTypes.TimestampType),
        field("charged_at", DataTypes.TimestampType), field("account", DataTypes.StringType),
        field("business", DataTypes.StringType), field("customer", DataTypes.StringType),
        field("market", DataTypes.StringType), field("direction", DataTypes.StringType),
        field("kind", DataTypes.StringType), field("template", DataTypes.StringType),
        field("category", DataTypes.StringType), field("pricing_model", DataTypes.StringType),
        field("pricing_type", DataTypes.StringType), field("billable_category", DataTypes.StringType),
        field("conversation_id", DataTypes.StringType), field("tier", DataTypes.StringType),
        field("rate", DataTypes.createDecimalType(38, 18)), field("amount", DataTypes.createDecimalType(38, 8)),
        field("currency", DataTypes.StringType), field("rate_card", DataTypes.StringType),
        field("note", DataTypes.StringType), field("month", DataTypes.StringType)});

    static final StructType CSV = new StructType(new StructField[] {field("value", DataTypes.StringType)});

    private final CsvLine line = new CsvLine();
    private final LedgerFormatter formatter;
    private final CustomerMask mask;

    /** @param mask {@code --mask-customers}' mask, or null to write customers as given */
    LedgerRows(CustomerMask mask) {
        this.mask = mask;
        this.formatter = new LedgerFormatter(mask);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    /** The header row of a CSV part file: exactly {@code simulate}'s. */
    static String csvHeader() {
        CsvLine header = new CsvLine();
        for (String c : LedgerFormat.COLUMNS) header.raw(c);
        return header.toString();
    }

    Row csv(LedgerLine l) {
        formatter.format(l, line.clear());
        return RowFactory.create(line.toString());
    }

    Row parquet(LedgerLine l) {
        Message m = l.message();
        return RowFactory.create(m.messageId(), timestamp(m.sendAt()), timestamp(l.chargedAt()), m.account(),
                m.business(), mask == null ? m.customer() : mask.mask(m.customer()), l.market(), m.direction().code(), m.kind().code(), m.template(),
                m.category() == null ? null : m.category().code(), l.model().name(), l.type().code(),
                l.billable().code().isEmpty() ? null : l.billable().code(),
                l.conversationId() == 0 ? null : LedgerFormat.conversation(l.conversationId()),
                l.band() == null ? null : l.band().label(),
                l.rate() == null ? null : l.rate().setScale(18),
                BigDecimal.valueOf(l.amountUnits(), 8), l.currency(), l.rateCard(), l.note().isEmpty() ? null : l.note(),
                l.localMonthLabel());
    }

    private static Timestamp timestamp(long millis) {
        return millis == LogRow.NONE ? null : new Timestamp(millis);
    }
}
