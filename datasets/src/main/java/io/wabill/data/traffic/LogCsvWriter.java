package io.wabill.data.traffic;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Writes generated rows as a canonical log (FORMATS.md section 1) straight into a byte buffer: every value
 * is ASCII (digits, vocabulary words, names the model checked), so there is no per-row String, formatter or
 * encoder. The date part of the timestamp is cached per day. Rows are {@code \n}-terminated.
 */
public final class LogCsvWriter implements TrafficSink, AutoCloseable {
    public static final String HEADER = "timestamp,message_id,business,customer,direction,kind,category,entry_point,status,delivered_at,template,tokens";
    /** Message ids are this prefix and the message's number in the log. */
    public static final String MESSAGE_ID_PREFIX = "wamid.gen";

    private static final byte[] ID = ascii(MESSAGE_ID_PREFIX);
    private static final byte[][] KIND = {ascii(",inbound,message,"), ascii(",inbound,call,"), ascii(",outbound,template,"),
        ascii(",outbound,free_form,"), ascii(",outbound,reaction,"), ascii(",outbound,agent,")};
    private static final byte[][] CATEGORY = {ascii(""), ascii("marketing"), ascii("utility"), ascii("authentication")};
    private static final byte[][] STATUS = {ascii(""), ascii("delivered"), ascii("read"), ascii("failed")};
    private static final byte[] CTWA = ascii("ctwa");

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private final byte[][] businesses;
    private final byte[][][] templates;
    private final byte[] account;
    private final CustomerNumbers[] numbers;
    private final byte[] dayPrefix = new byte[11];
    private long cachedDay = Long.MIN_VALUE;

    public LogCsvWriter(OutputStream out, TrafficModel model) throws IOException {
        this.out = out;
        this.businesses = new byte[model.businesses().size()][];
        for (int i = 0; i < businesses.length; i++) businesses[i] = ascii(model.businesses().get(i));
        this.account = model.account() == null ? null : ascii("," + model.account());
        this.numbers = new CustomerNumbers[model.markets().size()];
        this.templates = new byte[numbers.length][][];
        for (int i = 0; i < numbers.length; i++) {
            MarketTraffic m = model.markets().get(i);
            numbers[i] = new CustomerNumbers(m.numberPrefix(), m.numberLength(), i);
            templates[i] = new byte[][] {ascii(""), ascii(m.marketing().template()), ascii(m.utility().template()),
                ascii(m.authentication().template())};
        }
        byte[] header = ascii(HEADER + (account == null ? "" : ",account") + "\n");
        System.arraycopy(header, 0, buf, 0, header.length);
        pos = header.length;
    }

    /** The business number a customer writes to: customers are spread over the numbers by index. */
    static int businessOf(long customer, int businesses) { return (int) (customer % businesses); }

    @Override public void row(GeneratedRow r) throws IOException {
        if (pos > buf.length - 512) drain();
        byte[] b = buf;
        int p = timestamp(r.at, b, pos);
        b[p++] = ',';
        if (!r.inbound()) {
            p = put(ID, b, p);
            p = digits(r.messageNo, b, p);
        }
        b[p++] = ',';
        p = put(businesses[businessOf(r.customer, businesses.length)], b, p);
        b[p++] = ',';
        p = numbers[r.market].write(r.customer, b, p);
        p = put(KIND[r.type], b, p);
        if (r.type == GeneratedRow.TEMPLATE) p = put(CATEGORY[r.category], b, p);
        b[p++] = ',';
        if (r.ctwa) p = put(CTWA, b, p);
        b[p++] = ',';
        p = put(STATUS[r.status], b, p);
        b[p++] = ',';
        if (r.deliveredAt >= 0) p = timestamp(r.deliveredAt, b, p);
        b[p++] = ',';
        if (r.type == GeneratedRow.TEMPLATE) p = put(templates[r.market][r.category], b, p);
        b[p++] = ',';
        if (r.type == GeneratedRow.AGENT) p = digits(r.tokens, b, p);
        if (account != null) p = put(account, b, p);
        b[p++] = '\n';
        pos = p;
    }

    /** {@code YYYY-MM-DDTHH:MM:SSZ}; the date part is recomputed only when the day changes. */
    private int timestamp(long epochSecond, byte[] b, int p) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        if (day != cachedDay) {
            cachedDay = day;
            byte[] s = ascii(LocalDate.ofEpochDay(day) + "T");
            if (s.length != 11) throw new IllegalStateException("years beyond 9999 cannot be written: " + LocalDate.ofEpochDay(day));
            System.arraycopy(s, 0, dayPrefix, 0, 11);
        }
        System.arraycopy(dayPrefix, 0, b, p, 11);
        p += 11;
        int sod = (int) (epochSecond - day * 86_400L);
        p = two(sod / 3600, b, p);
        b[p++] = ':';
        p = two(sod / 60 % 60, b, p);
        b[p++] = ':';
        p = two(sod % 60, b, p);
        b[p++] = 'Z';
        return p;
    }

    private static int two(int v, byte[] b, int p) {
        b[p] = (byte) ('0' + v / 10);
        b[p + 1] = (byte) ('0' + v % 10);
        return p + 2;
    }

    private static int digits(long v, byte[] b, int p) {
        if (v == 0) {
            b[p] = '0';
            return p + 1;
        }
        int len = 0;
        for (long x = v; x > 0; x /= 10) len++;
        for (int i = p + len - 1; i >= p; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return p + len;
    }

    private static int put(byte[] s, byte[] b, int p) {
        System.arraycopy(s, 0, b, p, s.length);
        return p + s.length;
    }

    private void drain() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    /** Writes what is buffered and flushes the stream (does not close it). */
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override public void close() throws IOException {
        drain();
        out.close();
    }

    private static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }
}
