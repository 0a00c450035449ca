package jp.nakano.planreview.measures;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.Fields;
import jp.nakano.planreview.input.InputSchema;
import jp.nakano.planreview.input.RowParser;
import jp.nakano.planreview.input.TableRow;

/**
 * A department's 要因分析 and 今後の方向性 for one KPI and fiscal year, from {@code kpi-explanations.csv}.
 * The ward has published none: the bundled file holds only its header.
 */
public record KpiExplanationRow(String kpiId, FiscalYear fiscalYear, String factorAnalysis, String nextSteps,
        String reportedBy, LocalDate reportedOn, String source, String sourceFile, long sourceLine) implements TableRow {

    public static final RowParser<KpiExplanationRow> PARSER = new RowParser<>(
            new InputSchema("kpi-explanations.csv",
                    List.of("kpi_id", "fiscal_year", "factor_analysis", "next_steps", "reported_by", "reported_on",
                            "source"),
                    List.of()),
            "in_kpi_explanation", KpiExplanationRow::parse);

    static KpiExplanationRow parse(CsvRow row) {
        Fields f = new Fields(row);
        String kpiId = f.id("kpi_id");
        FiscalYear year = f.fiscalYear("fiscal_year");
        String factors = f.optionalText("factor_analysis");
        String next = f.optionalText("next_steps");
        if (factors == null && next == null) {
            f.problem("factor_analysis", "", "要因分析と今後の方向性がどちらも空（どちらかは書く）");
        }
        KpiExplanationRow parsed = new KpiExplanationRow(kpiId, year, factors, next, f.text("reported_by"),
                MeasureReportRow.date(f, "reported_on"), f.text("source"), row.file(), row.line());
        f.check();
        return parsed;
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kpi_id", kpiId);
        c.put("fiscal_year", fiscalYear.year());
        c.put("factor_analysis", factorAnalysis);
        c.put("next_steps", nextSteps);
        c.put("reported_by", reportedBy);
        c.put("reported_on", java.sql.Date.valueOf(reportedOn));
        c.put("source", source);
        c.put("source_file", sourceFile);
        c.put("source_line", sourceLine);
        return c;
    }

}
