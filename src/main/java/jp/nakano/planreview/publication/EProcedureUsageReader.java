package jp.nakano.planreview.publication;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.eprocedure.EProcedureFigureRow.Level;
import jp.nakano.planreview.eprocedure.FigureColumns;
import jp.nakano.planreview.eprocedure.FigureColumns.Count;
import jp.nakano.planreview.eprocedure.FigureQueries;

/**
 * Reads the run's e-procedure figures of every year (rows not rejected) for {@link EProcedureUsage}: the ward
 * totals from the database, the system and procedure rows from the rows in columns ({@link FigureColumns}) in
 * the input's order, one pass over them a year and level (the procedure rows are not stored: issue 16).
 */
public class EProcedureUsageReader implements EProcedureUsage.Listings {

    private static final Set<Level> LISTED = EnumSet.of(Level.SYSTEM, Level.PROCEDURE);

    private final JdbcTemplate jdbc;

    /** The run's e-procedure rows in columns. */
    private final LongFunction<FigureColumns> figures;

    private FigureColumns rows;

    public EProcedureUsageReader(JdbcTemplate jdbc, LongFunction<FigureColumns> figures) {
        this.jdbc = jdbc;
        this.figures = figures;
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
        this.rows = figures.apply(run);
        return this;
    }

    @Override
    public boolean listed(int year) {
        return new FigureQueries(rows).hasRows(year, LISTED);
    }

    @Override
    public void each(int year, String level, Consumer<EProcedureUsage.Listed> row) {
        Set<Level> levels = level == null ? LISTED : EnumSet.of(Level.valueOf(level.toUpperCase(Locale.ROOT)));
        for (int i : new FigureQueries(rows).byLine(year, levels)) {
            row.accept(new EProcedureUsage.Listed(rows.year(i), rows.level(i).code(), rows.rowId(i), rows.parentId(i),
                    rows.name(i), Decimals.normalise(rows.count(Count.ONLINE, i)),
                    Decimals.normalise(rows.count(Count.TOTAL, i))));
        }
    }

    @Override
    public String systemName(int year, String rowId) {
        int first = new FigureQueries(rows).firstByLine(year, rowId, Level.SYSTEM);
        return first < 0 ? null : rows.name(first);
    }

}
