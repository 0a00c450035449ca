package jp.nakano.planreview.receipts;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one pass over a receipt log (or a byte range of one) counted: receipts per procedure, month of the
 * fiscal year (April = 0) and channel, and the lines not counted per reason with the first few of them.
 * Line numbers here are relative to the start of the pass; {@link #shiftLines} makes them the file's.
 */
public final class ReceiptTally {

    /** The rejected lines of one reason: how many, and the first few with the value found. */
    public static final class Rejected {

        private long count;

        private final long[] firstLines;

        private int kept;

        private String firstValue;

        private String firstRaw;

        Rejected(int keep) {
            this.firstLines = new long[keep];
        }

        /** Whether the next line added is the first: only then is its value worth decoding. */
        boolean isEmpty() {
            return count == 0;
        }

        void sample(String value, String raw) {
            firstValue = value;
            firstRaw = raw;
        }

        void add(long line) {
            if (kept < firstLines.length) {
                firstLines[kept++] = line;
            }
            count++;
        }

        public long count() {
            return count;
        }

        /** The first lines rejected for this reason, at most as many as the tally keeps. */
        public long[] firstLines() {
            return Arrays.copyOf(firstLines, kept);
        }

        public String firstValue() {
            return firstValue;
        }

        public String firstRaw() {
            return firstRaw;
        }

    }

    static final int MONTHS = 12;

    static final int CHANNELS = Channel.values().length;

    private final int procedures;

    private final long[] counts;

    private final int keep;

    private final Map<Rejection, Rejected> rejected = new EnumMap<>(Rejection.class);

    private long lines;

    private long rows;

    ReceiptTally(int procedures, int keep) {
        this.procedures = procedures;
        this.counts = new long[procedures * MONTHS * CHANNELS];
        this.keep = keep;
    }

    static int cell(int procedure, int month, int channel) {
        return (procedure * MONTHS + month) * CHANNELS + channel;
    }

    /** The array the counter increments at {@link #cell}; only the counter writes it. */
    long[] counts() {
        return counts;
    }

    public long count(int procedure, int month, Channel channel) {
        return counts[cell(procedure, month, channel.ordinal())];
    }

    int keep() {
        return keep;
    }

    public int procedures() {
        return procedures;
    }

    /** The rejected lines of a reason, created empty on first use. */
    Rejected rejected(Rejection reason) {
        return rejected.computeIfAbsent(reason, r -> new Rejected(keep));
    }

    /** The lines not counted, by reason; reasons without any are absent. */
    public Map<Rejection, Rejected> rejected() {
        return rejected;
    }

    public long rejectedRows() {
        return rejected.values().stream().mapToLong(Rejected::count).sum();
    }

    /** Physical lines read (line breaks, and a last line without one). */
    public long lines() {
        return lines;
    }

    void lines(long lines) {
        this.lines = lines;
    }

    /** Records read: every line that is not blank, counted or rejected. */
    public long rows() {
        return rows;
    }

    void rows(long rows) {
        this.rows = rows;
    }

    /** Receipts counted. */
    public long counted() {
        return rows - rejectedRows();
    }

    /**
     * Adds the tally of the pass over the next part of the same file, whose lines start after
     * {@code lineOffset} lines of this file; parts must be added in file order for the first lines to be the first.
     */
    void add(ReceiptTally other, long lineOffset) {
        if (other.procedures != procedures) {
            throw new IllegalArgumentException("tallies of different procedure lists: " + procedures + " and "
                    + other.procedures);
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        other.rejected.forEach((reason, theirs) -> {
            Rejected mine = rejected.computeIfAbsent(reason, r -> new Rejected(keep));
            for (long line : theirs.firstLines()) {
                if (mine.kept < mine.firstLines.length) {
                    mine.firstLines[mine.kept++] = line + lineOffset;
                }
            }
            if (mine.count == 0) {
                mine.firstValue = theirs.firstValue;
                mine.firstRaw = theirs.firstRaw;
            }
            mine.count += theirs.count;
        });
        lines += other.lines;
        rows += other.rows;
    }

}
