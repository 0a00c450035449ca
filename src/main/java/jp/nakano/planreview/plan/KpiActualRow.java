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
import jp.nakano.planreview.plan.PlanEnums.FigureStatus;

/** An actual figure (実績) of a KPI for a fiscal year, from {@code kpi-actuals.csv}. */
public record KpiActualRow(String kpiId, FiscalYear fiscalYear, String asOf, BigDecimal value, FigureStatus status,
        String valueText, String unit, String definition, String source, String note, String sourceFile,
        long sourceLine) implements TableRow {

    public static final RowParser<KpiActualRow> PARSER = new RowParser<>(
            new InputSchema("kpi-actuals.csv", List.of("kpi_id", "fiscal_year", "value", "status", "source"),
                    List.of("as_of", "value_text", "unit", "definition", "note")),
            "in_kpi_actual", KpiActualRow::parse);

    static KpiActualRow parse(CsvRow row) {
        Fields f = new Fields(row);
        String kpiId = f.id("kpi_id");
        FiscalYear year = f.fiscalYear("fiscal_year");
        String asOf = f.optionalText("as_of");
        BigDecimal value = f.decimal("value");
        FigureStatus status = f.choice("status", FigureStatus.class);
        String text = f.optionalText("value_text");
        String unit = f.optionalText("unit");
        String definition = f.optionalText("definition");
        String source = f.text("source");
        String note = f.optionalText("note");
        f.check();
        return new KpiActualRow(kpiId, year, asOf, value, status, text, unit, definition, source, note, row.file(),
                row.line());
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kpi_id", kpiId);
        c.put("fiscal_year", fiscalYear.year());
        c.put("as_of", asOf);
        c.put("actual_value", value);
        c.put("status", PlanEnums.lower(status));
        c.put("value_text", valueText);
        c.put("unit", unit);
        c.put("definition", definition);
        c.put("source", source);
        c.put("note", note);
        c.put("source_file", sourceFile);
        c.put("source_line", sourceLine);
        return c;
    }

}
