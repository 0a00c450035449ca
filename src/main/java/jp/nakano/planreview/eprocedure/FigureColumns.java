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

    /** row_id of row i: the UTF-8 bytes {@code ids[idStart[i] .. idStart[i + 1])}. */
    private byte[] ids = new byte[16 * 1024];

    private int[] idStart = new int[1025];

    private int[] parent = new int[1024];

    /** name of row i: the UTF-8 bytes {@code names[nameStart[i] .. nameStart[i + 1])}. */
    private byte[] names = new byte[32 * 1024];

    private int[] nameStart = new int[1025];

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
        byte[] id = row.rowId().getBytes(StandardCharsets.UTF_8);
        int start = idStart[i];
        if (start + id.length > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length + (ids.length >> 1), start + id.length));
        }
        System.arraycopy(id, 0, ids, start, id.length);
        idStart[i + 1] = start + id.length;
        byte[] name = row.name().getBytes(StandardCharsets.UTF_8);
        start = nameStart[i];
        if (start + name.length > names.length) {
            names = Arrays.copyOf(names, Math.max(names.length + (names.length >> 1), start + name.length));
        }
        System.arraycopy(name, 0, names, start, name.length);
        nameStart[i + 1] = start + name.length;
        seq[i] = row.seq();
        publishedRate[i] = row.publishedRate();
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
        idStart = Arrays.copyOf(idStart, n + 1);
        parent = Arrays.copyOf(parent, n);
        nameStart = Arrays.copyOf(nameStart, n + 1);
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
                large.put(((long) i << 2) | count.ordinal(), value);
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
        return new String(ids, idStart[i], idStart[i + 1] - idStart[i], StandardCharsets.UTF_8);
    }

    public String name(int i) {
        return new String(names, nameStart[i], nameStart[i + 1] - nameStart[i], StandardCharsets.UTF_8);
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
        byte[] id = rowId.getBytes(StandardCharsets.UTF_8);
        int mask = slots.length - 1;
        for (int s = slot(fiscalYear, id, 0, id.length) & mask;; s = (s + 1) & mask) {
            int j = slots[s];
            if (j < 0) {
                return -1;
            }
            if (year[j] == fiscalYear && Arrays.equals(id, 0, id.length, ids, idStart[j], idStart[j + 1])) {
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
        return year[i] == year[j] && Arrays.equals(ids, idStart[i], idStart[i + 1], ids, idStart[j], idStart[j + 1]);
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
            if (year[j] == fiscalYear && Arrays.equals(ids, idStart[i], idStart[i + 1], ids, idStart[j], idStart[j + 1])) {
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
        return slot(fiscalYear, ids, idStart[i], idStart[i + 1]);
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

}
