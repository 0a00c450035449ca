package jp.nakano.planreview.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.eprocedure.UtilisationRow;

/**
 * The first rows of a year's e-procedure results in the plan's order ({@link UtilisationRow#IN_PLAN_ORDER}),
 * the totals and the number of rows, from one pass over the year a page at a time along its key: for a table of
 * a million rows that a report lists only the start of. Sorting the whole table in the database for its first
 * rows costs a sort of every row (on disk, beyond the rows a result keeps in memory) for each report; here only
 * the rows kept are held, in a bounded heap. The last pass is kept, so the PDF and each plan's workbook share it.
 */
public class FirstUtilisationRows {

    /** Rows per page of the pass. */
    static final int PAGE_SIZE = 5_000;

    /**
     * The most rows a pass keeps in memory; a report that lists more (a workbook configured so) has the database
     * sort the table instead, slower but on disk.
     */
    public static final int MAX_KEPT = 100_000;

    /** A row of the results as the reports list it. */
    public record Row(int sortKey, String rowId, String name, String level, BigDecimal procedureCount,
            BigDecimal onlineReceipts, BigDecimal totalReceipts, BigDecimal ratePercent, BigDecimal publishedRate,
            String rateCheck, String sourceFile, Long sourceLine, String parentId) {

        /** Whether the row is the sum of the systems or the published ward total. */
        public boolean total() {
            return "total".equals(level) || "computed_total".equals(level);
        }
    }

    /** The first {@code first.size()} rows in the plan's order of {@code all}, and every total row in that order. */
    public record Listing(long all, List<Row> first, List<Row> totals) {
    }

    /**
     * A page of the year's rows along its key with the parent system's number and key: an index look-up per row,
     * which doubles the time of a pass. Used when the rows do not name their systems before themselves.
     */
    private static final String JOINED_PAGE = """
            SELECT r.sort_key, r.row_id, r.name, r.row_level, r.procedure_count, r.online_receipts, r.total_receipts,
                   r.rate_percent, r.published_rate, r.rate_check, r.source_file, r.source_line, r.seq, r.parent_id,
                   p.seq, p.sort_key
            FROM res_eprocedure_utilisation r
            LEFT JOIN res_eprocedure_utilisation p ON p.run_id = r.run_id AND p.fiscal_year = r.fiscal_year
                 AND p.row_id = r.parent_id AND p.row_level = 'system'
            WHERE r.run_id = ? AND r.fiscal_year = ? AND r.sort_key > ?
            ORDER BY r.run_id, r.fiscal_year, r.sort_key
            LIMIT ?""";

    /** The same without the parent: the pass keeps the systems it has read and looks the parent up itself. */
    private static final String PAGE = """
            SELECT r.sort_key, r.row_id, r.name, r.row_level, r.procedure_count, r.online_receipts, r.total_receipts,
                   r.rate_percent, r.published_rate, r.rate_check, r.source_file, r.source_line, r.seq, r.parent_id
            FROM res_eprocedure_utilisation r
            WHERE r.run_id = ? AND r.fiscal_year = ? AND r.sort_key > ?
            ORDER BY r.run_id, r.fiscal_year, r.sort_key
            LIMIT ?""";

    /**
     * The position of a row in the plan's order, term by term as {@link UtilisationRow#IN_PLAN_ORDER} sorts: the
     * totals last, a system's rows by the system's number and key, the system before its 主な手続 and 上記以外,
     * then their own number and key (unique in a year, so the order is total).
     */
    private record Position(int group, int anchorSeq, int anchorKey, int levelRank, int seq, int sortKey)
            implements Comparable<Position> {

        private static final Comparator<Position> ORDER = Comparator.comparingInt(Position::group)
            .thenComparingInt(Position::anchorSeq).thenComparingInt(Position::anchorKey)
            .thenComparingInt(Position::levelRank).thenComparingInt(Position::seq).thenComparingInt(Position::sortKey);

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }

    private record Ranked(Position position, Row row) {
    }

    /** A row whose parent the pass has not read yet, with what its position needs. */
    private record Waiting(String parentId, int group, int rank, int seq, Row row) {
    }

    private final JdbcTemplate jdbc;

    private final int pageSize;

    /** The most systems, and rows read before their system, a pass keeps before it reads again with the join. */
    private final int maxPending;

    private long lastRun = -1;

    private int lastYear;

    private int lastLimit;

    private Listing last;

    public FirstUtilisationRows(JdbcTemplate jdbc) {
        this(jdbc, PAGE_SIZE, MAX_KEPT);
    }

    /**
     * With pages of {@code pageSize} rows and at most {@code maxPending} systems or rows waiting for their system,
     * so that a test crosses pages and falls back to the join with a small table.
     */
    FirstUtilisationRows(JdbcTemplate jdbc, int pageSize, int maxPending) {
        this.jdbc = jdbc;
        this.pageSize = pageSize;
        this.maxPending = maxPending;
    }

    /** The first {@code limit} rows of the year in the plan's order (fewer if it has fewer), the totals and the count. */
    public synchronized Listing of(long run, int year, int limit) {
        if (limit < 1 || limit > MAX_KEPT) {
            throw new IllegalArgumentException("rows kept must be 1.." + MAX_KEPT + ", not " + limit);
        }
        if (last != null && lastRun == run && lastYear == year && lastLimit >= limit) {
            return limit == lastLimit ? last
                    : new Listing(last.all(), last.first().subList(0, (int) Math.min(limit, last.first().size())),
                            last.totals());
        }
        // the input names a system before its procedures: the pass keeps the systems it has read; a table that
        // does not (or has too many systems to keep) is read again with the parent joined in
        Listing listing = pass(run, year, limit, false);
        last = listing != null ? listing : pass(run, year, limit, true);
        lastRun = run;
        lastYear = year;
        lastLimit = limit;
        return last;
    }

    /**
     * Every row of the year in the plan's order without a sort, when the table's own order already is the plan's
     * but for the totals (a system before its rows, the systems by number, as the ward's tables and the SAMPLE
     * input list them): the rows go to {@code each} as they are read, the totals last. At the first row out of the
     * plan's order it stops and returns {@code false}; the caller then discards what it got and has the database
     * sort the table (on disk, a sort of every row: most of the export's time at 1,000,000 rows).
     */
    public boolean inPlanOrder(long run, int year, java.util.function.Consumer<Row> each) {
        java.util.Map<String, int[]> systems = new java.util.HashMap<>();
        List<Ranked> totals = new ArrayList<>();
        Position[] previous = { null };
        boolean[] ordered = { true };
        long[] read = { 0 };
        int[] lastKey = { Integer.MIN_VALUE };
        while (ordered[0]) {
            long before = read[0];
            jdbc.query(PAGE, rs -> {
                read[0]++;
                int sortKey = rs.getInt(1);
                lastKey[0] = sortKey;
                if (!ordered[0]) {
                    return;
                }
                String level = rs.getString(4);
                int seq = rs.getInt(13);
                String parentId = rs.getString(14);
                int group = group(level);
                int rank = rank(level);
                if ("system".equals(level)) {
                    systems.putIfAbsent(rs.getString(2), new int[] { seq, sortKey });
                }
                int[] parent = parentId == null ? null : systems.get(parentId);
                // a row whose system comes later, too many systems or totals to keep: not the plan's order here
                if (parentId != null && parent == null || systems.size() > maxPending || totals.size() > maxPending) {
                    ordered[0] = false;
                    return;
                }
                Position position = new Position(group, parent != null ? parent[0] : seq,
                        parent != null ? parent[1] : sortKey, rank, seq, sortKey);
                Row row = row(rs, sortKey, level);
                if (group > 0) {
                    totals.add(new Ranked(position, row));
                }
                else if (previous[0] != null && position.compareTo(previous[0]) < 0) {
                    ordered[0] = false;
                }
                else {
                    previous[0] = position;
                    each.accept(row);
                }
            }, run, year, lastKey[0], pageSize);
            if (read[0] - before < pageSize) {
                break;
            }
        }
        if (ordered[0]) {
            totals.sort(Comparator.comparing(Ranked::position));
            totals.forEach(t -> each.accept(t.row()));
        }
        return ordered[0];
    }

    /** One pass; {@code null} when the unjoined pass would have to keep more than {@link #maxPending} systems or rows. */
    private Listing pass(long run, int year, int limit, boolean joined) {
        // the rows kept so far, the last in the plan's order on top: a row after it is not among the first
        PriorityQueue<Ranked> kept = new PriorityQueue<>(Comparator.comparing(Ranked::position).reversed());
        List<Ranked> totals = new ArrayList<>();
        java.util.Map<String, int[]> systems = new java.util.HashMap<>();
        List<Waiting> waiting = new ArrayList<>();
        long[] all = { 0 };
        int[] lastKey = { Integer.MIN_VALUE };
        boolean[] overflow = { false };
        while (true) {
            long before = all[0];
            jdbc.query(joined ? JOINED_PAGE : PAGE, rs -> {
                all[0]++;
                String level = rs.getString(4);
                int sortKey = rs.getInt(1);
                lastKey[0] = sortKey;
                int seq = rs.getInt(13);
                String parentId = rs.getString(14);
                int group = group(level);
                int rank = rank(level);
                if (overflow[0]) {
                    return;
                }
                if (!joined && "system".equals(level)) {
                    systems.putIfAbsent(rs.getString(2), new int[] { seq, sortKey });
                }
                int[] parent = null;
                if (joined) {
                    Object parentSeq = rs.getObject(15);
                    parent = parentSeq == null ? null : new int[] { ((Number) parentSeq).intValue(), rs.getInt(16) };
                }
                else if (parentId != null) {
                    parent = systems.get(parentId);
                    if (parent == null) {
                        // its system may come later in the table: decided at the end
                        waiting.add(new Waiting(parentId, group, rank, seq, row(rs, sortKey, level)));
                        overflow[0] = waiting.size() > maxPending;
                        return;
                    }
                }
                Position position = new Position(group, parent != null ? parent[0] : seq,
                        parent != null ? parent[1] : sortKey, rank, seq, sortKey);
                if (group > 0 || kept.size() < limit || position.compareTo(kept.peek().position()) < 0) {
                    offer(kept, totals, limit, new Ranked(position, row(rs, sortKey, level)));
                }
                overflow[0] = systems.size() > maxPending;
            }, run, year, lastKey[0], pageSize);
            if (overflow[0]) {
                return null;
            }
            if (all[0] - before < pageSize) {
                break;
            }
        }
        for (Waiting w : waiting) {
            int[] parent = systems.get(w.parentId());
            Position position = new Position(w.group(), parent != null ? parent[0] : w.seq(),
                    parent != null ? parent[1] : w.row().sortKey(), w.rank(), w.seq(), w.row().sortKey());
            offer(kept, totals, limit, new Ranked(position, w.row()));
        }
        List<Ranked> first = new ArrayList<>(kept);
        first.sort(Comparator.comparing(Ranked::position));
        totals.sort(Comparator.comparing(Ranked::position));
        return new Listing(all[0], first.stream().map(Ranked::row).toList(), totals.stream().map(Ranked::row).toList());
    }

    /** The plan's order puts a system's rows first (0), then the sum of the systems (1), then the ward totals (2). */
    private static int group(String level) {
        return "computed_total".equals(level) ? 1 : "total".equals(level) ? 2 : 0;
    }

    /** Within a system: the system row, its 主な手続, its 上記以外. */
    private static int rank(String level) {
        return switch (level) {
            case "system" -> 0;
            case "procedure" -> 1;
            case "other" -> 2;
            default -> 3;
        };
    }

    private static void offer(PriorityQueue<Ranked> kept, List<Ranked> totals, int limit, Ranked ranked) {
        if (ranked.position().group() > 0) {
            totals.add(ranked);
        }
        if (kept.size() < limit) {
            kept.add(ranked);
        }
        else if (ranked.position().compareTo(kept.peek().position()) < 0) {
            kept.poll();
            kept.add(ranked);
        }
    }

    private static Row row(java.sql.ResultSet rs, int sortKey, String level) throws java.sql.SQLException {
        Object line = rs.getObject(12);
        return new Row(sortKey, rs.getString(2), rs.getString(3), level, rs.getBigDecimal(5), rs.getBigDecimal(6),
                rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10), rs.getString(11),
                line == null ? null : ((Number) line).longValue(), rs.getString(14));
    }

}
