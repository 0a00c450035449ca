package jp.nakano.planreview.publication;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.FiscalYear;

/** Reads the run's e-procedure figures of every year (rows not rejected) for {@link EProcedureUsage}. */
public class EProcedureUsageReader {

    private final JdbcTemplate jdbc;

    public EProcedureUsageReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The publication's years up to {@code upTo}, from the run's input. */
    public List<EProcedureUsage.Year> years(long run, FiscalYear upTo) {
        List<EProcedureUsage.WardTotal> totals = jdbc.query("""
                SELECT fiscal_year, procedure_count, total_receipts, online_receipts, source FROM in_eprocedure_figure
                WHERE run_id = ? AND NOT excluded AND row_level = 'total' AND fiscal_year <= ?
                ORDER BY fiscal_year, seq, source_line""",
                (rs, i) -> new EProcedureUsage.WardTotal(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getString(5)), run, upTo.year());
        List<EProcedureUsage.Listed> listed = jdbc.query("""
                SELECT fiscal_year, row_level, row_id, parent_id, name, online_receipts, total_receipts
                FROM in_eprocedure_figure
                WHERE run_id = ? AND NOT excluded AND row_level IN ('system', 'procedure') AND fiscal_year <= ?
                ORDER BY fiscal_year, source_line""",
                (rs, i) -> new EProcedureUsage.Listed(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7)), run, upTo.year());
        return EProcedureUsage.years(totals, listed, upTo);
    }

}
