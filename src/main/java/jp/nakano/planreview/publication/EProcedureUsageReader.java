package jp.nakano.planreview.publication;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.FiscalYear;

/**
 * Reads the run's e-procedure figures of every year (rows not rejected) for {@link EProcedureUsage}: the ward
 * totals at once, the system and procedure rows a page at a time in the input's order, so that a listing of
 * millions of rows never sits in memory (each page is a short query along the index by year and line).
 */
public class EProcedureUsageReader implements EProcedureUsage.Listings {

    /** Rows per page. */
    static final int PAGE_SIZE = 5_000;

    private static final String PAGE = """
            SELECT fiscal_year, row_level, row_id, parent_id, name, online_receipts, total_receipts, source_line,
                   source_file
            FROM in_eprocedure_figure
            WHERE run_id = ? AND fiscal_year = ? AND NOT excluded AND row_level IN (?, ?)
              AND source_line >= ? AND (source_line > ? OR source_file > ?)
            ORDER BY run_id, fiscal_year, source_line, source_file
            LIMIT ?""";

    /** System names looked up, kept while there are few (the additions of a year name their systems). */
    private static final int MAX_CACHED_NAMES = 10_000;

    private final JdbcTemplate jdbc;

    private long run;

    private final Map<String, String> systemNames = new HashMap<>();

    private final int pageSize;

    public EProcedureUsageReader(JdbcTemplate jdbc) {
        this(jdbc, PAGE_SIZE);
    }

    /** With pages of {@code pageSize} rows, so that a test crosses pages with a small input. */
    EProcedureUsageReader(JdbcTemplate jdbc, int pageSize) {
        this.jdbc = jdbc;
        this.pageSize = pageSize;
    }

    /** A ward total row of the input (level {@code total}), with its place in the input. */
    public record TotalRow(int year, int seq, long line, String file, BigDecimal procedures, BigDecimal totalReceipts,
            BigDecimal onlineReceipts, String source) {
    }

    /**
     * The ward total rows of every year up to {@code upTo}, by year, number and line: one look through the run's
     * rows (no index leads with the level), shared by the publication and the report's ward trend.
     */
    public List<TotalRow> totals(long run, FiscalYear upTo) {
        return jdbc.query("""
                SELECT fiscal_year, seq, source_line, source_file, procedure_count, total_receipts, online_receipts, source
                FROM in_eprocedure_figure
                WHERE run_id = ? AND NOT excluded AND row_level = 'total' AND fiscal_year <= ?
                ORDER BY fiscal_year, seq, source_line""",
                (rs, i) -> new TotalRow(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8)), run, upTo.year());
    }

    /** The publication's years up to {@code upTo}, from the run's input. */
    public List<EProcedureUsage.Year> years(long run, FiscalYear upTo) {
        return years(run, upTo, totals(run, upTo));
    }

    /** The same with the ward totals already read ({@link #totals}). */
    public List<EProcedureUsage.Year> years(long run, FiscalYear upTo, List<TotalRow> totals) {
        return EProcedureUsage.years(totals.stream().map(t -> new EProcedureUsage.WardTotal(t.year(), t.procedures(),
                t.totalReceipts(), t.onlineReceipts(), t.source())).toList(), of(run), upTo);
    }

    /** The system and procedure rows of the run, for {@link EProcedureUsage#eachAddition}. */
    public EProcedureUsage.Listings of(long run) {
        this.run = run;
        systemNames.clear();
        return this;
    }

    @Override
    public boolean listed(int year) {
        return !jdbc.queryForList("""
                SELECT 1 FROM in_eprocedure_figure
                WHERE run_id = ? AND fiscal_year = ? AND NOT excluded AND row_level IN ('system', 'procedure') LIMIT 1""",
                Integer.class, run, year).isEmpty();
    }

    @Override
    public void each(int year, String level, Consumer<EProcedureUsage.Listed> row) {
        String first = level == null ? "system" : level;
        String second = level == null ? "procedure" : level;
        long lastLine = 0;
        String lastFile = "";
        while (true) {
            long[] line = { lastLine };
            String[] file = { lastFile };
            int[] read = { 0 };
            jdbc.query(PAGE, rs -> {
                row.accept(new EProcedureUsage.Listed(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7)));
                line[0] = rs.getLong(8);
                file[0] = rs.getString(9);
                read[0]++;
            }, run, year, first, second, lastLine, lastLine, lastFile, pageSize);
            if (read[0] < pageSize) {
                return;
            }
            lastLine = line[0];
            lastFile = file[0];
        }
    }

    @Override
    public String systemName(int year, String rowId) {
        String key = year + "\u0000" + rowId;
        if (systemNames.containsKey(key)) {
            return systemNames.get(key);
        }
        List<String> names = jdbc.queryForList("""
                SELECT name FROM in_eprocedure_figure
                WHERE run_id = ? AND row_id = ? AND fiscal_year = ? AND row_level = 'system' AND NOT excluded
                ORDER BY source_line, source_file LIMIT 1""", String.class, run, rowId, year);
        String name = names.isEmpty() ? null : names.get(0);
        if (systemNames.size() >= MAX_CACHED_NAMES) {
            systemNames.clear();
        }
        systemNames.put(key, name);
        return name;
    }

}
