package jp.nakano.planreview.receipts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

import jp.nakano.planreview.common.FiscalYear;

/**
 * Counts the receipts of a log in one streaming pass over its bytes, without making a String per line:
 * the three columns it needs are found by position, the date is read digit by digit and the procedure id
 * looked up from its bytes. Commas, quotes and line breaks are ASCII bytes that never occur inside a
 * multi-byte character of UTF-8 or CP932, so the same pass serves both encodings; the other columns are
 * skipped unread. Quoting follows RFC 4180 (a quoted field may hold commas, quotes and line breaks).
 */
public final class ReceiptCounter {

    /** Where the counted columns are in a log's header, and how many columns a line must have. */
    public record Layout(int columns, int receivedOn, int procedureId, int channel) {
    }

    private static final int BUFFER = 1 << 20;

    /** A single line longer than this is not an application record: it is rejected as broken. */
    private static final int MAX_LINE = 16 << 20;

    private static final int RAW_CHARS = 1000;

    private static final byte[][] CHANNELS = Arrays.stream(Channel.values())
        .map(c -> c.code().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .toArray(byte[][]::new);

    /** The channel whose code has each length; -1 for none. */
    private static final int[] BY_LENGTH = byLength();

    private static int[] byLength() {
        int[] byLength = new int[Arrays.stream(CHANNELS).mapToInt(code -> code.length).max().orElse(0) + 1];
        Arrays.fill(byLength, -1);
        for (int c = 0; c < CHANNELS.length; c++) {
            if (byLength[CHANNELS[c].length] >= 0) {
                throw new IllegalStateException("two channel codes of the same length: the lookup needs them apart");
            }
            byLength[CHANNELS[c].length] = c;
        }
        return byLength;
    }

    private static final int[] DAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

    private final ProcedureIndex procedures;

    /** The first month of the fiscal year as {@code year * 12 + month - 1}: a date's month counts from it. */
    private final int firstMonth;

    private final Layout layout;

    private final Charset charset;

    private final int keep;

    // the current record, as positions in the buffer
    private int dateFrom;

    private int dateTo;

    private int procFrom;

    private int procTo;

    private int chanFrom;

    private int chanTo;

    ReceiptCounter(ProcedureIndex procedures, FiscalYear year, Layout layout, Charset charset, int keep) {
        this.procedures = procedures;
        this.firstMonth = year.firstDay().getYear() * 12 + year.firstDay().getMonthValue() - 1;
        this.layout = layout;
        this.charset = charset;
        this.keep = keep;
    }

    /**
     * Counts the lines of {@code in} up to {@code limit} bytes (or its end); the stream starts at the
     * beginning of a line, and its first line is line 1 of the tally. The work per line is in small methods
     * called once per line, so the JIT compiles them as methods early instead of only this loop.
     */
    ReceiptTally count(InputStream in, long limit) throws IOException {
        ReceiptTally tally = new ReceiptTally(procedures.size(), keep);
        byte[] buf = new byte[BUFFER];
        int start = 0;
        int end = 0;
        long remaining = limit;
        boolean eof = false;
        long line = 1;
        long rows = 0;
        while (true) {
            int next = scan(buf, start, end, eof);
            if (next < 0) {
                // the record goes on past the buffer: keep it, read more
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end == buf.length) {
                    if (buf.length >= MAX_LINE) {
                        throw new IOException("a line of more than " + (MAX_LINE >> 20) + " MB near line " + line);
                    }
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = remaining <= 0 ? -1 : in.read(buf, end, (int) Math.min(buf.length - end, remaining));
                if (n < 0) {
                    eof = true;
                }
                else {
                    end += n;
                    remaining -= n;
                }
                continue;
            }
            if (next == start) {
                break; // the end of the input
            }
            if (!(fields == 1 && blank(buf, start, next))) {
                rows++;
                record(tally, buf, start, next, line);
            }
            line += breaks;
            start = next;
        }
        tally.rows(rows);
        tally.lines(line - 1);
        return tally;
    }

    // what scan found in the current record
    private int fields;

    private int breaks;

    private boolean broken;

    /**
     * Finds the end of the record starting at {@code from}: fields split at commas outside quotes, ended by
     * a line break outside quotes or by the end of the input. Returns where the next record starts, or -1
     * when the buffer ends before the record does and more input may come.
     */
    private int scan(byte[] buf, int from, int end, boolean eof) {
        int dateCol = layout.receivedOn();
        int procCol = layout.procedureId();
        int chanCol = layout.channel();
        int i = from;
        int field = 0;
        int fieldFrom = from;
        int valueFrom = -1;
        int valueTo = -1;
        breaks = 0;
        broken = false;
        dateFrom = dateTo = procFrom = procTo = chanFrom = chanTo = -1;
        while (true) {
            byte c;
            if (i < end) {
                c = buf[i];
                // most bytes of a record (digits, letters, '-', '/') are above ',' and need no other test; the
                // delimiters, quote, CR and LF are below it, as are the bytes of multi-byte characters (negative)
                if (c > ',') {
                    i++;
                    continue;
                }
            }
            else if (!eof) {
                return -1;
            }
            else if (i == from) {
                return from; // nothing left
            }
            else {
                c = '\n'; // the last line has no line break: end it here
            }
            if (c == ',' || c == '\n') {
                int f = valueFrom >= 0 ? valueFrom : fieldFrom;
                int t = valueFrom >= 0 ? valueTo : (c == '\n' && i > fieldFrom && buf[i - 1] == '\r' ? i - 1 : i);
                if (field == dateCol) {
                    dateFrom = f;
                    dateTo = t;
                }
                else if (field == procCol) {
                    procFrom = f;
                    procTo = t;
                }
                else if (field == chanCol) {
                    chanFrom = f;
                    chanTo = t;
                }
                field++;
                if (c == '\n') {
                    breaks++;
                    fields = field;
                    return Math.min(i + 1, end);
                }
                i++;
                fieldFrom = i;
                valueFrom = -1;
            }
            else if (c == '"' && i == fieldFrom) {
                int j = quoted(buf, i + 1, end, eof);
                if (j == -1) {
                    return -1;
                }
                if (j == -2) {
                    broken = true; // an unclosed quote runs to the end of the input
                    fields = field + 1;
                    return end;
                }
                valueFrom = i + 1;
                valueTo = j;
                i = j + 1;
                // after the closing quote only the delimiter (or CR LF) may follow
                if (i + 1 == end && buf[i] == '\r' && !eof) {
                    return -1; // is it CR LF? read more
                }
                if (i < end && buf[i] == '\r' && i + 1 < end && buf[i + 1] == '\n') {
                    i++;
                }
                if (i < end && buf[i] != ',' && buf[i] != '\n') {
                    broken = true;
                }
            }
            else {
                i++;
            }
        }
    }

    /**
     * The closing quote of a quoted field whose content starts at {@code from}, counting the line breaks
     * inside it into {@link #breaks}; -1 when more input is needed, -2 when the input ends inside the quotes.
     */
    private int quoted(byte[] buf, int from, int end, boolean eof) {
        int j = from;
        int inside = 0;
        while (j < end) {
            byte q = buf[j];
            if (q == '"') {
                if (j + 1 < end && buf[j + 1] == '"') {
                    j += 2;
                    continue;
                }
                if (j + 1 == end && !eof) {
                    return -1; // the next byte decides whether this is an escaped quote
                }
                breaks += inside;
                return j;
            }
            if (q == '\n') {
                inside++;
            }
            j++;
        }
        if (!eof) {
            return -1;
        }
        breaks += inside;
        return -2;
    }

    /** Counts the record scanned, or rejects it with its reason. */
    private void record(ReceiptTally tally, byte[] buf, int from, int to, long line) {
        if (broken || fields != layout.columns()) {
            reject(tally, Rejection.BROKEN_LINE, line, null, buf, from, to);
            return;
        }
        int month = month(buf, dateFrom, dateTo);
        if (month < 0) {
            reject(tally, month == -1 ? Rejection.INVALID_DATE : Rejection.DATE_OUTSIDE_YEAR, line,
                    text(buf, dateFrom, dateTo), buf, from, to);
            return;
        }
        int procedure = procedures.find(buf, procFrom, procTo);
        if (procedure < 0) {
            reject(tally, Rejection.UNKNOWN_PROCEDURE, line, text(buf, procFrom, procTo), buf, from, to);
            return;
        }
        int channel = channel(buf, chanFrom, chanTo);
        if (channel < 0) {
            reject(tally, Rejection.UNKNOWN_CHANNEL, line, text(buf, chanFrom, chanTo), buf, from, to);
            return;
        }
        tally.counts()[(procedure * ReceiptTally.MONTHS + month) * ReceiptTally.CHANNELS + channel]++;
    }

    /**
     * The month of the fiscal year (its first month = 0) of a date written {@code yyyy-mm-dd} or {@code yyyy/mm/dd};
     * -1 when it is no date, -2 when it is a date outside the year.
     */
    private int month(byte[] b, int from, int to) {
        if (to - from != 10) {
            return -1;
        }
        byte sep = b[from + 4];
        if ((sep != '-' && sep != '/') || b[from + 7] != sep) {
            return -1;
        }
        int y = 0;
        for (int k = 0; k < 4; k++) {
            int d = b[from + k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            y = y * 10 + d;
        }
        int m1 = b[from + 5] - '0';
        int m2 = b[from + 6] - '0';
        int d1 = b[from + 8] - '0';
        int d2 = b[from + 9] - '0';
        if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) {
            return -1;
        }
        int m = m1 * 10 + m2;
        int d = d1 * 10 + d2;
        if (m < 1 || m > 12 || d < 1) {
            return -1;
        }
        int days = m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : DAYS[m - 1];
        if (d > days) {
            return -1;
        }
        int month = y * 12 + m - 1 - firstMonth;
        return month >= 0 && month < ReceiptTally.MONTHS ? month : -2;
    }

    private static int channel(byte[] b, int from, int to) {
        int len = to - from;
        // the channels' codes differ in length: one comparison decides
        int c = len < BY_LENGTH.length ? BY_LENGTH[len] : -1;
        return c >= 0 && Arrays.equals(CHANNELS[c], 0, len, b, from, to) ? c : -1;
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int k = from; k < to; k++) {
            if (b[k] != ' ' && b[k] != '\t' && b[k] != '\r' && b[k] != '\n') {
                return false;
            }
        }
        return true;
    }

    private void reject(ReceiptTally tally, Rejection reason, long line, String value, byte[] b, int from, int to) {
        ReceiptTally.Rejected rejected = tally.rejected(reason);
        if (rejected.isEmpty()) {
            String raw = text(b, from, to).stripTrailing();
            rejected.sample(value, raw.length() > RAW_CHARS ? raw.substring(0, RAW_CHARS) + "…" : raw);
        }
        rejected.add(line);
    }

    private String text(byte[] b, int from, int to) {
        return from < 0 ? null : new String(b, from, to - from, charset);
    }

}
