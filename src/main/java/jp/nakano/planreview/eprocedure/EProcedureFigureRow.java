package jp.nakano.planreview.eprocedure;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.Fields;
import jp.nakano.planreview.input.InputSchema;
import jp.nakano.planreview.input.RowParser;
import jp.nakano.planreview.input.TableRow;

/**
 * One row of the yearly e-procedure figures (電子手続の利用状況) from {@code eprocedure-figures.csv}: a
 * ward-wide total, a system (電子手続名), a procedure under it (主な手続) or its remainder (上記以外).
 */
public record EProcedureFigureRow(FiscalYear fiscalYear, String rowId, Level level, String parentId, int seq,
        String name, BigDecimal procedureCount, BigDecimal onlineReceipts, BigDecimal totalReceipts,
        Boolean onlineCapable, Boolean kakanaiSupported, String department, BigDecimal publishedRate, String source,
        String note, String sourceFile, long sourceLine) implements TableRow {

    /** The place of a row in the plan's table. */
    public enum Level {
        /** The ward-wide total as published. */
        TOTAL,
        /** A system (電子手続名) with its figures. */
        SYSTEM,
        /** A procedure listed under a system (主な手続). */
        PROCEDURE,
        /** The rest of a system's procedures (上記以外). */
        OTHER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final RowParser<EProcedureFigureRow> PARSER = new RowParser<>(
            new InputSchema("eprocedure-figures.csv",
                    List.of("fiscal_year", "row_id", "level", "parent_id", "seq", "name", "procedure_count",
                            "online_receipts", "total_receipts", "source"),
                    List.of("online_capable", "kakanai_supported", "department", "published_rate", "note")),
            "in_eprocedure_figure", EProcedureFigureRow::parse);

    static EProcedureFigureRow parse(CsvRow row) {
        Fields f = new Fields(row);
        EProcedureFigureRow figure = new EProcedureFigureRow(f.fiscalYear("fiscal_year"), f.id("row_id"),
                f.choice("level", Level.class), f.optionalId("parent_id"), orZero(f.integer("seq")), f.text("name"),
                f.optionalCount("procedure_count"), f.optionalCount("online_receipts"),
                f.optionalCount("total_receipts"), f.optionalFlag("online_capable"),
                f.optionalFlag("kakanai_supported"), f.optionalText("department"), f.optionalDecimal("published_rate"),
                f.text("source"), f.optionalText("note"), row.file(), row.line());
        if (figure.level() == Level.PROCEDURE || figure.level() == Level.OTHER) {
            if (figure.parentId() == null) {
                f.problem("parent_id", "", figure.level().code() + " の行では必須（上位のシステム行の row_id を書く）");
            }
        }
        else if (figure.level() != null && figure.parentId() != null) {
            f.problem("parent_id", figure.parentId(), figure.level().code() + " の行では空にする");
        }
        if (figure.onlineReceipts() != null && figure.totalReceipts() != null
                && figure.onlineReceipts().compareTo(figure.totalReceipts()) > 0) {
            f.problem("online_receipts", row.cell("online_receipts"), "電子受付件数 " + row.cell("online_receipts")
                    + " が全受付件数（total_receipts） " + row.cell("total_receipts")
                    + " より多い（電子受付は全受付の一部）");
        }
        if (figure.publishedRate() != null
                && (figure.publishedRate().signum() < 0 || figure.publishedRate().compareTo(BigDecimal.valueOf(100)) > 0)) {
            f.problem("published_rate", row.cell("published_rate"), "0から100までの百分率で書く");
        }
        f.check();
        return figure;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("fiscal_year", fiscalYear.year());
        c.put("row_id", rowId);
        c.put("row_level", level.code());
        c.put("parent_id", parentId);
        c.put("seq", seq);
        c.put("name", name);
        c.put("procedure_count", procedureCount);
        c.put("online_receipts", onlineReceipts);
        c.put("total_receipts", totalReceipts);
        c.put("online_capable", onlineCapable);
        c.put("kakanai_supported", kakanaiSupported);
        c.put("department", department);
        c.put("published_rate", publishedRate);
        c.put("source", source);
        c.put("note", note);
        c.put("source_file", sourceFile);
        c.put("source_line", sourceLine);
        return c;
    }

}
