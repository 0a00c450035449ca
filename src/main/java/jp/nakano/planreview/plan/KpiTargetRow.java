package jp.nakano.planreview.plan;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.Fields;
import jp.nakano.planreview.input.InputSchema;
import jp.nakano.planreview.input.RowParser;
import jp.nakano.planreview.input.TableRow;
import jp.nakano.planreview.plan.PlanEnums.TargetKind;

/** A target (目標値), milestone or yearly pace of a KPI, from {@code kpi-targets.csv}. */
public record KpiTargetRow(String kpiId, FiscalYear fiscalYear, TargetKind kind, BigDecimal value, boolean relative,
        String targetText, String source, String note, String sourceFile, long sourceLine) implements TableRow {

    public static final RowParser<KpiTargetRow> PARSER = new RowParser<>(
            new InputSchema("kpi-targets.csv",
                    List.of("kpi_id", "fiscal_year", "kind", "value", "target_text", "source"),
                    List.of("relative", "note")),
            "in_kpi_target", KpiTargetRow::parse);

    static KpiTargetRow parse(CsvRow row) {
        Fields f = new Fields(row);
        String kpiId = f.id("kpi_id");
        FiscalYear year = f.fiscalYear("fiscal_year");
        TargetKind kind = f.choice("kind", TargetKind.class);
        BigDecimal value = f.decimal("value");
        Boolean relative = f.optionalFlag("relative");
        String text = f.text("target_text");
        String source = f.text("source");
        String note = f.optionalText("note");
        f.check();
        return new KpiTargetRow(kpiId, year, kind, value, Boolean.TRUE.equals(relative), text, source, note,
                row.file(), row.line());
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kpi_id", kpiId);
        c.put("fiscal_year", fiscalYear.year());
        c.put("kind", PlanEnums.lower(kind));
        c.put("target_value", value);
        c.put("is_relative", relative);
        c.put("target_text", targetText);
        c.put("source", source);
        c.put("note", note);
        c.put("source_file", sourceFile);
        c.put("source_line", sourceLine);
        return c;
    }

}
