package jp.nakano.planreview.eprocedure;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.nakano.planreview.eprocedure.EProcedureFigureRow.Level;

/**
 * The loaded e-procedure rows of one run in columns, in the order they were loaded: what the checks, the sums, the
 * rates and the listings read of each row (year, level, row_id, parent_id, name, number, the three counts, the
 * printed rate, the two flags, file and line), about 80 bytes a row, so a million rows are checked, summed and
 * listed in memory in one pass each (issue 16). For the 主な手続 rows this is the only copy: the database stores
 * the other rows (department, source and note with them, which these columns do not keep). Plain Java.
 */
public final class FigureColumns {

    /** The counts a row has: 手続数, 電子受付件数, 全受付件数. */
    public enum Count {
        PROCEDURES, ONLINE, TOTAL
    }

    /** A count the row lacks. */
    private static final int NONE = Integer.MIN_VALUE;

    /** A count too large for an int (over 2,147,483,647: kept in {@link #large}, as exactly as any other). */
    private static final int LARGE = Integer.MIN_VALUE + 1;

    private static final Level[] LEVELS = Level.values();

    private int size;

    private int[] year = new int[1024];

    private byte[] level = new byte[1024];

    /** row_id of each row. */
    private final TextPages ids = new TextPages();

    private long[] id = new long[1024];

    private int[] parent = new int[1024];

    /** name of each row. */
    private final TextPages names = new TextPages();

    private long[] name = new long[1024];

    private int[] seq = new int[1024];

    private BigDecimal[] publishedRate = new BigDecimal[1024];

    private final List<String> parents = new ArrayList<>();

    private final Map<String, Integer> parentIndex = new HashMap<>();

    private int[][] counts = { new int[1024], new int[1024], new int[1024] };

    private final Map<Long, BigDecimal> large = new HashMap<>();

    /** 0 unknown, 1 no, 2 yes. */
    private byte[] onlineCapable = new byte[1024];

    private byte[] kakanai = new byte[1024];

    private int[] line = new int[1024];

    private int[] file = new int[1024];

    private final List<String> files = new ArrayList<>();

    private final BitSet excluded = new BitSet();

    /** Open addressing over (year, row_id): the first row of each key; same-key rows chain through {@link #nextSame}. */
    private int[] slots;

    private int[] nextSame;

    /** Adds a loaded row, after the rows loaded before it. */
    public void add(EProcedureFigureRow row) {
        grow();
        int i = size;
        year[i] = row.fiscalYear().year();
        level[i] = (byte) row.level().ordinal();
        id[i] = ids.add(TextPages.bytes(row.rowId()));
        name[i] = names.add(TextPages.bytes(row.name()));
        seq[i] = row.seq();
        publishedRate[i] = jp.nakano.planreview.common.Decimals.normalise(row.publishedRate()); // as the database gave it
        parent[i] = row.parentId() == null ? -1 : parentIndex.computeIfAbsent(row.parentId(), p -> {
            parents.add(p);
            return parents.size() - 1;
        });
        put(Count.PROCEDURES, i, row.procedureCount());
        put(Count.ONLINE, i, row.onlineReceipts());
        put(Count.TOTAL, i, row.totalReceipts());
        onlineCapable[i] = flag(row.onlineCapable());
        kakanai[i] = flag(row.kakanaiSupported());
        if (row.sourceLine() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(row.sourceFile() + " line " + row.sourceLine()
                    + ": more lines than the e-procedure figures can hold (" + Integer.MAX_VALUE + ")");
        }
        line[i] = (int) row.sourceLine();
        int f = size > 0 && files.get(file[size - 1]).equals(row.sourceFile()) ? file[size - 1]
                : files.indexOf(row.sourceFile());
        if (f < 0) {
            files.add(row.sourceFile());
            f = files.size() - 1;
        }
        file[i] = f;
        size++;
        slots = null; // the key index is built again on the next lookup
    }

    private void grow() {
        if (size < year.length) {
            return;
        }
        int n = year.length + (year.length >> 1); // by half: a doubling would hold twice the rows' memory at once
        year = Arrays.copyOf(year, n);
        level = Arrays.copyOf(level, n);
        id = Arrays.copyOf(id, n);
        parent = Arrays.copyOf(parent, n);
        name = Arrays.copyOf(name, n);
        seq = Arrays.copyOf(seq, n);
        publishedRate = Arrays.copyOf(publishedRate, n);
        for (int c = 0; c < counts.length; c++) {
            counts[c] = Arrays.copyOf(counts[c], n);
        }
        onlineCapable = Arrays.copyOf(onlineCapable, n);
        kakanai = Arrays.copyOf(kakanai, n);
        line = Arrays.copyOf(line, n);
        file = Arrays.copyOf(file, n);
    }

    private void put(Count count, int i, BigDecimal value) {
        int raw;
        if (value == null) {
            raw = NONE;
        }
        else {
            try {
                raw = value.intValueExact(); // counts are whole numbers (the parser's rule)
                if (raw == NONE || raw == LARGE) {
                    throw new ArithmeticException();
                }
            }
            catch (ArithmeticException ex) {
                raw = LARGE;
                large.put(((long) i << 2) | count.ordinal(), jp.nakano.planreview.common.Decimals.normalise(value));
            }
        }
        counts[count.ordinal()][i] = raw;
    }

    private static byte flag(Boolean value) {
        return value == null ? 0 : value ? (byte) 2 : (byte) 1;
    }

    private static Boolean flag(byte value) {
        return value == 0 ? null : value == 2;
    }

    /** The number of rows. */
    public int size() {
        return size;
    }

    public int year(int i) {
        return year[i];
    }

    public Level level(int i) {
        return LEVELS[level[i]];
    }

    public String rowId(int i) {
        return ids.string(id[i]);
    }

    public String name(int i) {
        return names.string(name[i]);
    }

    /** The row's number in its table (seq). */
    public int seq(int i) {
        return seq[i];
    }

    /** The rate the plan printed for the row, or {@code null}. */
    public BigDecimal publishedRate(int i) {
        return publishedRate[i];
    }

    /**
     * Puts counts in place of the row's 電子受付件数 and 全受付件数 (receipt logs counted in place of the entered
     * figures).
     */
    public void replaceReceipts(int i, BigDecimal online, BigDecimal total) {
        put(Count.ONLINE, i, online);
        put(Count.TOTAL, i, total);
    }

    /** The first row of a fiscal year and row_id, in load order, or -1; the rest through {@link #nextWithSameKey}. */
    public int first(int fiscalYear, String rowId) {
        index();
        byte[] bytes = TextPages.bytes(rowId);
        int mask = slots.length - 1;
        for (int s = slot(fiscalYear, bytes, 0, bytes.length) & mask;; s = (s + 1) & mask) {
            int j = slots[s];
            if (j < 0) {
                return -1;
            }
            if (year[j] == fiscalYear && ids.equals(id[j], bytes, 0, bytes.length)) {
                return j;
            }
        }
    }

    /**
     * The row as the checks and the rates read it: everything but department, source and note, which the columns do
     * not keep (the database keeps them for the rows it stores; the input file for every row).
     */
    public EProcedureFigureRow figure(int i) {
        return new EProcedureFigureRow(jp.nakano.planreview.common.FiscalYear.of(year[i]), rowId(i), level(i),
                parentId(i), seq[i], name(i), count(Count.PROCEDURES, i), count(Count.ONLINE, i), count(Count.TOTAL, i),
                onlineCapable(i), kakanaiSupported(i), null, publishedRate[i], null, null, file(i), line[i]);
    }

    /** The row's parent_id, or {@code null}. */
    public String parentId(int i) {
        return parent[i] < 0 ? null : parents.get(parent[i]);
    }

    /** The row's parent as a number from 0 to {@link #parentCount()} - 1, or -1 without one. */
    public int parent(int i) {
        return parent[i];
    }

    /** The number of distinct parent_id values. */
    public int parentCount() {
        return parents.size();
    }

    /** The parent_id of a parent number. */
    public String parentName(int parent) {
        return parents.get(parent);
    }

    /** A count of the row, exact, or {@code null} when the row lacks it. */
    public BigDecimal count(Count count, int i) {
        int raw = counts[count.ordinal()][i];
        if (raw == NONE) {
            return null;
        }
        return raw == LARGE ? large.get(((long) i << 2) | count.ordinal()) : BigDecimal.valueOf(raw);
    }

    /** Whether the row has the count. */
    public boolean has(Count count, int i) {
        return counts[count.ordinal()][i] != NONE;
    }

    /** The sign of a count the row has (-1 never: counts are zero or more). */
    public int signum(Count count, int i) {
        int raw = counts[count.ordinal()][i];
        return raw == LARGE ? 1 : Integer.signum(raw);
    }

    public Boolean onlineCapable(int i) {
        return flag(onlineCapable[i]);
    }

    public Boolean kakanaiSupported(int i) {
        return flag(kakanai[i]);
    }

    public long line(int i) {
        return line[i];
    }

    public String file(int i) {
        return files.get(file[i]);
    }

    public boolean excluded(int i) {
        return excluded.get(i);
    }

    /** Leaves out a row the checks found unusable, as the database's {@code excluded} flag does. */
    public void exclude(int i) {
        excluded.set(i);
    }

    /** Whether rows i and j have the same fiscal year and row_id. */
    public boolean sameKey(int i, int j) {
        return year[i] == year[j] && ids.equals(id[i], id[j]);
    }

    /**
     * The first row with the fiscal year and the row_id of row {@code i} in another year ({@code fiscalYear}), or
     * -1; further rows of the same key follow through {@link #nextWithSameKey(int)}.
     */
    public int firstWithKey(int fiscalYear, int i) {
        index();
        int mask = slots.length - 1;
        for (int s = slot(fiscalYear, i) & mask;; s = (s + 1) & mask) {
            int j = slots[s];
            if (j < 0) {
                return -1;
            }
            if (year[j] == fiscalYear && ids.equals(id[i], id[j])) {
                return j;
            }
        }
    }

    /** The next row after {@code i} with the same fiscal year and row_id, in load order, or -1. */
    public int nextWithSameKey(int i) {
        index();
        return nextSame[i];
    }

    private void index() {
        if (slots != null) {
            return;
        }
        int capacity = Integer.highestOneBit(Math.max(16, size * 2 - 1)) << 1;
        slots = new int[capacity];
        Arrays.fill(slots, -1);
        nextSame = new int[size];
        int[] lastSame = new int[size];
        int mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            nextSame[i] = -1;
            for (int s = slot(year[i], i) & mask;; s = (s + 1) & mask) {
                int j = slots[s];
                if (j < 0) {
                    slots[s] = i;
                    lastSame[i] = i;
                    break;
                }
                if (sameKey(i, j)) {
                    nextSame[lastSame[j]] = i;
                    lastSame[j] = i;
                    break;
                }
            }
        }
    }

    private int slot(int fiscalYear, int i) {
        return slot(fiscalYear, ids.page(id[i]), TextPages.offset(id[i]), TextPages.offset(id[i]) + TextPages.length(id[i]));
    }

    private static int slot(int fiscalYear, byte[] bytes, int from, int to) {
        long h = fiscalYear * 0x9E3779B97F4A7C15L;
        for (int b = from; b < to; b++) {
            h = (h ^ bytes[b]) * 0x100000001B3L;
        }
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }


    /**
     * Texts appended to pages of 256 KiB and never moved: a growing array would be copied whole, holding the old and
     * the new at once (with a million long Japanese names, more than a small heap has). A page is under half of
     * G1's smallest region (1 MB, the region size of heaps under 2 GB): pages of 1 MiB were each a humongous object
     * taking two regions, so half the pages' heap was empty, and a million 25-character Japanese names ran out of a
     * 256 MB heap. A text is stored as Java
     * stores a String: one byte a character when every character fits in one (row_ids, Latin names), else two
     * (UTF-16: a Japanese name takes 2 bytes a character, not UTF-8's 3); the first byte says which. Its place is
     * one long: page, offset and length.
     */
    private static final class TextPages {

        private static final int PAGE = 1 << 18;

        private final List<byte[]> pages = new ArrayList<>();

        private int used = PAGE;

        long add(byte[] bytes) {
            if (used + bytes.length > PAGE) {
                pages.add(new byte[Math.max(PAGE, bytes.length)]);
                used = 0;
            }
            int offset = used;
            System.arraycopy(bytes, 0, pages.get(pages.size() - 1), offset, bytes.length);
            used += bytes.length;
            return ((long) (pages.size() - 1) << 42) | ((long) offset << 21) | bytes.length;
        }

        static int offset(long place) {
            return (int) (place >>> 21) & 0x1F_FFFF;
        }

        static int length(long place) {
            return (int) place & 0x1F_FFFF;
        }

        byte[] page(long place) {
            return pages.get((int) (place >>> 42));
        }

        String string(long place) {
            byte[] page = page(place);
            int offset = offset(place);
            int length = length(place);
            return new String(page, offset + 1, length - 1,
                    page[offset] == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16BE);
        }

        /** A text's bytes: a marker (0: one byte a character, 1: UTF-16), then the characters. */
        static byte[] bytes(String text) {
            boolean narrow = true;
            for (int c = 0; c < text.length() && narrow; c++) {
                narrow = text.charAt(c) <= 0xFF;
            }
            byte[] chars = text.getBytes(narrow ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16BE);
            byte[] bytes = new byte[chars.length + 1];
            bytes[0] = (byte) (narrow ? 0 : 1);
            System.arraycopy(chars, 0, bytes, 1, chars.length);
            return bytes;
        }

        boolean equals(long a, long b) {
            return Arrays.equals(page(a), offset(a), offset(a) + length(a), page(b), offset(b), offset(b) + length(b));
        }

        boolean equals(long place, byte[] bytes, int from, int to) {
            return Arrays.equals(page(place), offset(place), offset(place) + length(place), bytes, from, to);
        }

    }

}
