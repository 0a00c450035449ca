package jp.nakano.planreview.eprocedure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.eprocedure.EProcedureFigureRow.Level;
import jp.nakano.planreview.eprocedure.FigureColumns.Count;

/**
 * What the checks, the utilisation checks and the KPIs ask of every e-procedure row, answered with one pass over
 * the rows in columns ({@link FigureColumns}) instead of a database query over every row (issue 16). Rows left
 * out by the checks so far are not counted. Sums are exact and normalised as the database's would be read.
 * Plain Java.
 */
public final class FigureQueries {

    private final FigureColumns rows;

    public FigureQueries(FigureColumns rows) {
        this.rows = rows;
    }

    /** Rows by line, then file name: the order the findings list them in. */
    private Comparator<Integer> byLine() {
        return Comparator.<Integer>comparingLong(rows::line).thenComparing(rows::file);
    }

    /**
     * The rows that share their fiscal year and row_id with another row, a list per key: keys by year, then
     * row_id; a key's rows by line, then file.
     */
    public List<List<Integer>> duplicateKeys() {
        List<List<Integer>> keys = new ArrayList<>();
        java.util.BitSet seen = new java.util.BitSet(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            // load order meets a key first at its first row; a key of one row has no next
            if (seen.get(i) || rows.nextWithSameKey(i) < 0) {
                continue;
            }
            List<Integer> same = new ArrayList<>();
            for (int j = i; j >= 0; j = rows.nextWithSameKey(j)) {
                seen.set(j);
                if (!rows.excluded(j)) {
                    same.add(j);
                }
            }
            if (same.size() > 1) {
                same.sort(byLine());
                keys.add(same);
            }
        }
        keys.sort(Comparator.<List<Integer>>comparingInt(k -> rows.year(k.get(0))).thenComparing(k -> rows.rowId(k.get(0))));
        return keys;
    }

    /** The rows under a parent_id that their year has no system row for, by line, then file. */
    public List<Integer> rowsUnderUnknownSystems() {
        Map<Integer, Set<String>> systems = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.excluded(i) && rows.level(i) == Level.SYSTEM) {
                systems.computeIfAbsent(rows.year(i), y -> new HashSet<>()).add(rows.rowId(i));
            }
        }
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.excluded(i) && rows.parent(i) >= 0
                    && !systems.getOrDefault(rows.year(i), Set.of()).contains(rows.parentId(i))) {
                unknown.add(i);
            }
        }
        unknown.sort(byLine());
        return unknown;
    }

    /** A fiscal year's rows: how many, and the first line. */
    public record YearRows(int year, long firstLine, long rows) {
    }

    /** The years the rows have, in order. */
    public List<YearRows> years() {
        Map<Integer, long[]> years = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.excluded(i)) {
                long[] y = years.computeIfAbsent(rows.year(i), k -> new long[] { Long.MAX_VALUE, 0 });
                y[0] = Math.min(y[0], rows.line(i));
                y[1]++;
            }
        }
        List<YearRows> list = new ArrayList<>();
        years.forEach((year, y) -> list.add(new YearRows(year, y[0], y[1])));
        return list;
    }

    /** The latest fiscal year with a row, or {@code null} without any. */
    public Integer latestYear() {
        Integer latest = null;
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.excluded(i) && (latest == null || rows.year(i) > latest)) {
                latest = rows.year(i);
            }
        }
        return latest;
    }

    /** A row and the row of the same row_id the year before. */
    public record WithYearBefore(int row, int before) {
    }

    /**
     * The rows with a row of the same row_id the year before, where both have 電子受付件数 above zero or both
     * 全受付件数 above zero, by line, then row_id and year.
     */
    public List<WithYearBefore> withYearBefore() {
        List<WithYearBefore> pairs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.excluded(i)) {
                continue;
            }
            for (int p = rows.firstWithKey(rows.year(i) - 1, i); p >= 0; p = rows.nextWithSameKey(p)) {
                if (!rows.excluded(p) && (bothAboveZero(Count.ONLINE, i, p) || bothAboveZero(Count.TOTAL, i, p))) {
                    pairs.add(new WithYearBefore(i, p));
                }
            }
        }
        // by line, then row_id and year: a workbook's rows share line numbers with the file's, and the order of two
        // findings on one line must not depend on which was loaded first
        pairs.sort(Comparator.<WithYearBefore>comparingLong(pair -> rows.line(pair.row()))
            .thenComparing(pair -> rows.rowId(pair.row())).thenComparingInt(pair -> rows.year(pair.row())));
        return pairs;
    }

    private boolean bothAboveZero(Count count, int i, int p) {
        return rows.has(count, i) && rows.has(count, p) && rows.signum(count, i) > 0 && rows.signum(count, p) > 0;
    }

    /**
     * What the rows under each parent_id add up to in a year ({@link UtilisationCalculator.Breakdown}): a sum is
     * {@code null} when any row lacks the figure.
     */
    public Map<String, UtilisationCalculator.Breakdown> breakdowns(int year) {
        int n = rows.parentCount();
        long[] subRows = new long[n];
        boolean[] other = new boolean[n];
        Sum[][] sums = new Sum[n][];
        for (int i = 0; i < rows.size(); i++) {
            int parent = rows.parent(i);
            if (rows.excluded(i) || parent < 0 || rows.year(i) != year) {
                continue;
            }
            if (sums[parent] == null) {
                sums[parent] = new Sum[] { new Sum(), new Sum(), new Sum() };
            }
            subRows[parent]++;
            other[parent] |= rows.level(i) == Level.OTHER;
            sums[parent][0].add(rows.count(Count.ONLINE, i));
            sums[parent][1].add(rows.count(Count.TOTAL, i));
            sums[parent][2].add(rows.count(Count.PROCEDURES, i));
        }
        Map<String, UtilisationCalculator.Breakdown> breakdowns = new HashMap<>();
        for (int parent = 0; parent < n; parent++) {
            if (sums[parent] != null) {
                breakdowns.put(rows.parentName(parent), new UtilisationCalculator.Breakdown(subRows[parent],
                        other[parent], sums[parent][0].complete(), sums[parent][1].complete(),
                        sums[parent][2].complete()));
            }
        }
        return breakdowns;
    }

    /**
     * The single procedures of a year (主な手続 rows, and systems of 手続数 1 with no row under them), summed for
     * the major-procedure and 書かない窓口 KPIs; {@code major} is the 全受付件数 from which a procedure is major.
     *
     * @param singles the number of single procedures
     * @param unknownReceipts those without 全受付件数
     * @param major those with 全受付件数 of at least {@code major}
     * @param majorUnknownCapability major ones without online_capable
     * @param majorCapableWithoutOnline major, online-capable ones without 電子受付件数
     * @param majorReceipts 全受付件数 of the major ones
     * @param majorCapableReceipts 全受付件数 of the major online-capable ones
     * @param majorCapableOnline 電子受付件数 of the major online-capable ones
     * @param kakanaiUnknown those without kakanai_supported
     * @param kakanaiSupported those with kakanai_supported
     * @param receipts 全受付件数 of them all
     * @param kakanaiReceipts 全受付件数 of those with kakanai_supported
     */
    public record SingleProcedures(long singles, long unknownReceipts, long major, long majorUnknownCapability,
            long majorCapableWithoutOnline, BigDecimal majorReceipts, BigDecimal majorCapableReceipts,
            BigDecimal majorCapableOnline, long kakanaiUnknown, long kakanaiSupported, BigDecimal receipts,
            BigDecimal kakanaiReceipts) {
    }

    /** The single procedures of a year, summed. */
    public SingleProcedures singleProcedures(int year, BigDecimal major) {
        Set<String> withRowsUnder = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.excluded(i) && rows.year(i) == year && rows.parent(i) >= 0) {
                withRowsUnder.add(rows.parentId(i));
            }
        }
        long singles = 0, unknownReceipts = 0, majors = 0, unknownCapability = 0, withoutOnline = 0, kakanaiUnknown = 0,
                kakanaiSupported = 0;
        Sum majorReceipts = new Sum(), capableReceipts = new Sum(), capableOnline = new Sum(), receipts = new Sum(),
                kakanaiReceipts = new Sum();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.excluded(i) || rows.year(i) != year || !isSingle(i, withRowsUnder)) {
                continue;
            }
            singles++;
            BigDecimal total = rows.count(Count.TOTAL, i);
            Boolean capable = rows.onlineCapable(i);
            Boolean kakanai = rows.kakanaiSupported(i);
            if (total == null) {
                unknownReceipts++;
            }
            else if (total.compareTo(major) >= 0) {
                majors++;
                majorReceipts.add(total);
                if (capable == null) {
                    unknownCapability++;
                }
                else if (capable) {
                    capableReceipts.add(total);
                    BigDecimal online = rows.count(Count.ONLINE, i);
                    if (online == null) {
                        withoutOnline++;
                    }
                    else {
                        capableOnline.add(online);
                    }
                }
            }
            if (kakanai == null) {
                kakanaiUnknown++;
            }
            else if (kakanai) {
                kakanaiSupported++;
                kakanaiReceipts.add(total);
            }
            receipts.add(total);
        }
        return new SingleProcedures(singles, unknownReceipts, majors, unknownCapability, withoutOnline,
                majorReceipts.orZero(), capableReceipts.orZero(), capableOnline.orZero(), kakanaiUnknown,
                kakanaiSupported, receipts.orZero(), kakanaiReceipts.orZero());
    }

    private boolean isSingle(int i, Set<String> withRowsUnder) {
        if (rows.level(i) == Level.PROCEDURE) {
            return true;
        }
        BigDecimal procedures = rows.count(Count.PROCEDURES, i);
        return rows.level(i) == Level.SYSTEM && procedures != null && procedures.compareTo(BigDecimal.ONE) == 0
                && !withRowsUnder.contains(rows.rowId(i));
    }

    /**
     * The 上記以外 rows of a year for 書かない窓口: each bundles as many procedures as its 手続数 (one when not
     * given), which carry the row's flag.
     *
     * @param procedures the procedures they bundle
     * @param unknown those of rows without kakanai_supported
     * @param supported those of rows with kakanai_supported
     * @param unknownReceipts the rows without 全受付件数
     * @param receipts their 全受付件数
     * @param supportedReceipts 全受付件数 of the rows with kakanai_supported
     */
    public record OtherRows(long procedures, long unknown, long supported, long unknownReceipts, BigDecimal receipts,
            BigDecimal supportedReceipts) {
    }

    /** The 上記以外 rows of a year, summed. */
    public OtherRows otherRows(int year) {
        long procedures = 0, unknown = 0, supported = 0, unknownReceipts = 0;
        Sum receipts = new Sum(), supportedReceipts = new Sum();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.excluded(i) || rows.year(i) != year || rows.level(i) != Level.OTHER) {
                continue;
            }
            BigDecimal count = rows.count(Count.PROCEDURES, i);
            long bundled = count == null ? 1 : count.longValue();
            Boolean kakanai = rows.kakanaiSupported(i);
            BigDecimal total = rows.count(Count.TOTAL, i);
            procedures += bundled;
            if (kakanai == null) {
                unknown += bundled;
            }
            else if (kakanai) {
                supported += bundled;
                supportedReceipts.add(total);
            }
            if (total == null) {
                unknownReceipts++;
            }
            receipts.add(total);
        }
        return new OtherRows(procedures, unknown, supported, unknownReceipts, receipts.orZero(),
                supportedReceipts.orZero());
    }

    /** The row_ids of a year's rows other than ward totals and rows left out, once each, in String order. */
    public List<String> rowIds(int year) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.excluded(i) && rows.year(i) == year && rows.level(i) != Level.TOTAL) {
                ids.add(rows.rowId(i));
            }
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.naturalOrder());
        return sorted;
    }

    /** The first row by line, then file, of each row_id of a year, ward totals and rows left out aside. */
    public Map<String, Integer> firstRowOfEachId(int year) {
        Map<String, Integer> first = new HashMap<>();
        Comparator<Integer> byLine = byLine();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.excluded(i) && rows.year(i) == year && rows.level(i) != Level.TOTAL) {
                first.merge(rows.rowId(i), i, (a, b) -> byLine.compare(a, b) <= 0 ? a : b);
            }
        }
        return first;
    }

    /**
     * A year's row_id over all its rows, left out or not, each field the least of theirs as SQL's MIN gives it
     * (levels by their code, text in String order, unknown values skipped).
     *
     * @param level the least level code ({@code other} before {@code procedure}, {@code system}, {@code total})
     * @param parentId the least parent_id, or {@code null}
     * @param name the least name
     * @param online the least 電子受付件数, or {@code null}
     * @param total the least 全受付件数, or {@code null}
     */
    public record Least(String level, String parentId, String name, BigDecimal online, BigDecimal total) {
    }

    /** A year's row_id over all its rows, left out or not ({@link Least}), or {@code null} without any. */
    public Least least(int year, String rowId) {
        String level = null, parentId = null, name = null;
        BigDecimal online = null, total = null;
        for (int i = rows.first(year, rowId); i >= 0; i = rows.nextWithSameKey(i)) {
            level = least(level, rows.level(i).code());
            parentId = least(parentId, rows.parentId(i));
            name = least(name, rows.name(i));
            online = least(online, rows.count(Count.ONLINE, i));
            total = least(total, rows.count(Count.TOTAL, i));
        }
        return level == null ? null : new Least(level, parentId, name, online, total);
    }

    private static <T extends Comparable<T>> T least(T a, T b) {
        return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
    }

    /** Whether a year has a row not left out of one of the levels. */
    public boolean hasRows(int year, Set<Level> levels) {
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.excluded(i) && rows.year(i) == year && levels.contains(rows.level(i))) {
                return true;
            }
        }
        return false;
    }

    /** The rows of a year not left out of one of the levels, by line, then file (the input's order). */
    public int[] byLine(int year, Set<Level> levels) {
        int[] found = new int[16];
        int n = 0;
        boolean sorted = true;
        Comparator<Integer> byLine = byLine();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.excluded(i) && rows.year(i) == year && levels.contains(rows.level(i))) {
                if (n == found.length) {
                    found = java.util.Arrays.copyOf(found, n * 2);
                }
                // rows are loaded by line within a file: only rows from more than one file need a sort
                sorted &= n == 0 || byLine.compare(found[n - 1], i) <= 0;
                found[n++] = i;
            }
        }
        if (sorted) {
            return java.util.Arrays.copyOf(found, n);
        }
        return java.util.Arrays.stream(found, 0, n).boxed().sorted(byLine).mapToInt(Integer::intValue).toArray();
    }

    /** The first row by line, then file, of a year, row_id and level that is not left out, or -1. */
    public int firstByLine(int year, String rowId, Level level) {
        Comparator<Integer> byLine = byLine();
        int first = -1;
        for (int i = rows.first(year, rowId); i >= 0; i = rows.nextWithSameKey(i)) {
            if (!rows.excluded(i) && rows.level(i) == level && (first < 0 || byLine.compare(i, first) < 0)) {
                first = i;
            }
        }
        return first;
    }

    /** An exact sum as SQL's SUM: unknown values are skipped, and it remembers whether there were any. */
    private static final class Sum {

        private BigDecimal sum = BigDecimal.ZERO;

        private long added;

        private long skipped;

        void add(BigDecimal value) {
            if (value == null) {
                skipped++;
            }
            else {
                sum = sum.add(value);
                added++;
            }
        }

        /** The sum when every value was known, else {@code null}. */
        BigDecimal complete() {
            return skipped > 0 ? null : Decimals.normalise(sum);
        }

        /** The sum of the known values, zero without any. */
        BigDecimal orZero() {
            return Decimals.normalise(sum);
        }

    }

}
