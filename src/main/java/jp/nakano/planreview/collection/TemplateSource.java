package jp.nakano.planreview.collection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import jp.nakano.planreview.eprocedure.EProcedureFigureRow;
import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.CsvRowReader;
import jp.nakano.planreview.input.RejectedRowException;
import jp.nakano.planreview.input.RowParser;
import jp.nakano.planreview.input.TableRow;
import jp.nakano.planreview.measures.MeasureActivityRow;
import jp.nakano.planreview.measures.MeasureItemRow;
import jp.nakano.planreview.plan.KpiActualRow;
import jp.nakano.planreview.plan.KpiRow;
import jp.nakano.planreview.plan.KpiTargetRow;
import jp.nakano.planreview.plan.MeasureRow;
import jp.nakano.planreview.plan.PhaseRow;
import jp.nakano.planreview.plan.PlanRow;

/**
 * What the templates are made from: the plan files and the figures of earlier years, read from the input
 * folder with the one CSV reader and the same row validation as the review (a row the review would reject
 * is left out here too, and named).
 *
 * @param departments the department (所管課) of a KPI, by kpi_id, where {@code kpis.csv} names one
 */
public record TemplateSource(List<PlanRow> plans, List<PhaseRow> phases, List<MeasureRow> measures,
        List<MeasureActivityRow> activities, List<MeasureItemRow> items, List<KpiRow> kpis,
        Map<String, String> departments, List<KpiTargetRow> targets, List<KpiActualRow> actuals,
        List<EProcedureFigureRow> eprocedures) {

    /** Reads the input folder; each row left out is reported to {@code problems} in a sentence. */
    public static TemplateSource read(Path inputDir, Consumer<String> problems) {
        Map<String, String> departments = new LinkedHashMap<>();
        List<KpiRow> kpis = rows(inputDir, KpiRow.PARSER, problems, (row, kpi) -> {
            String department = row.cell("department");
            if (department != null) {
                departments.put(kpi.kpiId(), department);
            }
        });
        return new TemplateSource(rows(inputDir, PlanRow.PARSER, problems, null),
                rows(inputDir, PhaseRow.PARSER, problems, null), rows(inputDir, MeasureRow.PARSER, problems, null),
                rows(inputDir, MeasureActivityRow.PARSER, problems, null),
                rows(inputDir, MeasureItemRow.PARSER, problems, null), kpis, departments,
                rows(inputDir, KpiTargetRow.PARSER, problems, null), rows(inputDir, KpiActualRow.PARSER, problems, null),
                rows(inputDir, EProcedureFigureRow.PARSER, problems, null));
    }

    private static <T extends TableRow> List<T> rows(Path inputDir, RowParser<T> parser, Consumer<String> problems,
            java.util.function.BiConsumer<CsvRow, T> also) {
        CsvRowReader reader = new CsvRowReader(() -> inputDir, parser.schema(),
                finding -> problems.accept(finding.file() + " line " + finding.line() + ": " + finding.message()));
        List<T> rows = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                try {
                    T parsed = parser.parse(row);
                    rows.add(parsed);
                    if (also != null) {
                        also.accept(row, parsed);
                    }
                }
                catch (RejectedRowException ex) {
                    problems.accept(ex.getMessage() + " (left out of the templates)");
                }
            }
        }
        catch (Exception ex) {
            if (ex instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(parser.fileName() + ": " + ex.getMessage(), ex);
        }
        finally {
            reader.close();
        }
        return rows;
    }

}
