package jp.nakano.planreview.eprocedure;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import org.springframework.jdbc.core.RowMapper;

import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.eprocedure.EProcedureFigureRow.Level;

/** Reads a loaded e-procedure row back from {@code in_eprocedure_figure}, exact decimals normalised. */
public class EProcedureFigureRowMapper implements RowMapper<EProcedureFigureRow> {

    /** The columns this mapper reads, with the table alias {@code f}. */
    public static final String COLUMNS = """
            f.fiscal_year, f.row_id, f.row_level, f.parent_id, f.seq, f.name, f.procedure_count, f.online_receipts,
            f.total_receipts, f.online_capable, f.kakanai_supported, f.department, f.published_rate, f.source, f.note,
            f.source_file, f.source_line""";

    @Override
    public EProcedureFigureRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new EProcedureFigureRow(FiscalYear.of(rs.getInt("fiscal_year")), rs.getString("row_id"),
                Level.valueOf(rs.getString("row_level").toUpperCase(Locale.ROOT)), rs.getString("parent_id"),
                rs.getInt("seq"), rs.getString("name"), decimal(rs, "procedure_count"), decimal(rs, "online_receipts"),
                decimal(rs, "total_receipts"), bool(rs, "online_capable"), bool(rs, "kakanai_supported"),
                rs.getString("department"), decimal(rs, "published_rate"), rs.getString("source"), rs.getString("note"),
                rs.getString("source_file"), rs.getLong("source_line"));
    }

    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        return Decimals.normalise(rs.getBigDecimal(column));
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

}
