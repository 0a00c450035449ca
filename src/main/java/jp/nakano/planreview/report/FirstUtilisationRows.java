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
            String rateCheck, String sourceFile, Long sourceLine) {

        /** Whether the row is the sum of the systems or the published ward total. */
        public boolean total() {
            return "total".equals(level) || "computed_total".equals(level);
        }
    }

    /** The first {@code first.size()} rows in the plan's order of {@code all}, and every total row in that order. */
    public record Listing(long all, List<Row> first, List<Row> totals) {
    }

    private static final String PAGE = """
            SELECT r.sort_key, r.row_id, r.name, r.row_level, r.procedure_count, r.online_receipts, r.total_receipts,
                   r.rate_percent, r.published_rate, r.rate_check, r.source_file, r.source_line, r.seq, p.seq, p.sort_key
            FROM res_eprocedure_utilisation r
            LEFT JOIN res_eprocedure_utilisation p ON p.run_id = r.run_id AND p.fiscal_year = r.fiscal_year
                 AND p.row_id = r.parent_id AND p.row_level = 'system'
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

    private final JdbcTemplate jdbc;

    private final int pageSize;

    private long lastRun = -1;

    private int lastYear;

    private int lastLimit;

    private Listing last;

    public FirstUtilisationRows(JdbcTemplate jdbc) {
        this(jdbc, PAGE_SIZE);
    }

    /** With pages of {@code pageSize} rows, so that a test crosses pages with a small table. */
    FirstUtilisationRows(JdbcTemplate jdbc, int pageSize) {
        this.jdbc = jdbc;
        this.pageSize = pageSize;
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
        // the rows kept so far, the last in the plan's order on top: a row after it is not among the first
        PriorityQueue<Ranked> kept = new PriorityQueue<>(Comparator.comparing(Ranked::position).reversed());
        List<Ranked> totals = new ArrayList<>();
        long all = 0;
        int lastKey = Integer.MIN_VALUE;
        while (true) {
            List<Ranked> page = jdbc.query(PAGE, (rs, i) -> {
                String level = rs.getString(4);
                int sortKey = rs.getInt(1);
                int seq = rs.getInt(13);
                Object parentSeq = rs.getObject(14);
                boolean underSystem = parentSeq != null;
                int group = "computed_total".equals(level) ? 1 : "total".equals(level) ? 2 : 0;
                int rank = switch (level) {
                    case "system" -> 0;
                    case "procedure" -> 1;
                    case "other" -> 2;
                    default -> 3;
                };
                Position position = new Position(group, underSystem ? ((Number) parentSeq).intValue() : seq,
                        underSystem ? rs.getInt(15) : sortKey, rank, seq, sortKey);
                Row row = null;
                if (group > 0 || kept.size() < limit || limit > 0 && position.compareTo(kept.peek().position()) < 0) {
                    Object line = rs.getObject(12);
                    row = new Row(sortKey, rs.getString(2), rs.getString(3), level, rs.getBigDecimal(5),
                            rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                            rs.getString(10), rs.getString(11), line == null ? null : ((Number) line).longValue());
                }
                return new Ranked(position, row);
            }, run, year, lastKey, pageSize);
            for (Ranked ranked : page) {
                all++;
                lastKey = ranked.position().sortKey();
                if (ranked.row() == null) {
                    continue;
                }
                if (ranked.position().group() > 0) {
                    totals.add(ranked);
                }
                if (kept.size() < limit) {
                    kept.add(ranked);
                }
                else if (limit > 0 && ranked.position().compareTo(kept.peek().position()) < 0) {
                    kept.poll();
                    kept.add(ranked);
                }
            }
            if (page.size() < pageSize) {
                break;
            }
        }
        List<Ranked> first = new ArrayList<>(kept);
        first.sort(Comparator.comparing(Ranked::position));
        totals.sort(Comparator.comparing(Ranked::position));
        last = new Listing(all, first.stream().map(Ranked::row).toList(), totals.stream().map(Ranked::row).toList());
        lastRun = run;
        lastYear = year;
        lastLimit = limit;
        return last;
    }

}
