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
import jp.nakano.planreview.plan.PlanEnums.BaselineStatus;
import jp.nakano.planreview.plan.PlanEnums.Basis;
import jp.nakano.planreview.plan.PlanEnums.CumulativeEntry;
import jp.nakano.planreview.plan.PlanEnums.Direction;
import jp.nakano.planreview.plan.PlanEnums.Weighting;

/**
 * An indicator (成果指標) of a plan, or a reference indicator (参考指標) of no plan, from {@code kpis.csv}:
 * what it counts, which way is better, and its baseline (現状).
 */
public record KpiRow(String kpiId, String planId, String goalId, String measureId, int seq, String name, String unit,
        BigDecimal denominator, Direction direction, Basis basis, CumulativeEntry cumulativeEntry, String definition,
        FiscalYear baselineFy, BigDecimal baselineValue, BaselineStatus baselineStatus, String baselineText,
        String derivedFrom, Weighting weighting, String source, String note, String sourceFile, long sourceLine)
        implements TableRow {

    /** The e-procedure measures a KPI can be derived from ({@code derived_from}), in the order reports list them. */
    public static final List<String> DERIVED_MEASURES = List.of("eprocedure:online_receipts_total",
            "eprocedure:major_online_coverage", "eprocedure:major_online_utilisation", "eprocedure:kakanai_coverage");

    public static final RowParser<KpiRow> PARSER = new RowParser<>(
            new InputSchema("kpis.csv",
                    List.of("kpi_id", "plan_id", "goal_id", "measure_id", "seq", "name", "unit", "direction", "basis",
                            "baseline_fy", "baseline_value", "baseline_status", "baseline_text", "source"),
                    List.of("denominator", "cumulative_entry", "definition", "derived_from", "weighting", "note",
                            // 所管課: read by the template command only, to send the KPI to its department
                            "department")),
            "in_kpi", KpiRow::parse);

    static KpiRow parse(CsvRow row) {
        Fields f = new Fields(row);
        KpiRow kpi = new KpiRow(f.id("kpi_id"), f.optionalId("plan_id"), f.optionalId("goal_id"),
                f.optionalId("measure_id"), orZero(f.integer("seq")), f.text("name"), f.text("unit"),
                f.optionalDecimal("denominator"), f.choice("direction", Direction.class), f.choice("basis", Basis.class),
                f.optionalChoice("cumulative_entry", CumulativeEntry.class), f.optionalText("definition"),
                f.optionalFiscalYear("baseline_fy"), f.optionalDecimal("baseline_value"),
                f.optionalChoice("baseline_status", BaselineStatus.class), f.optionalText("baseline_text"),
                f.optionalText("derived_from"), f.optionalChoice("weighting", Weighting.class), f.text("source"),
                f.optionalText("note"), row.file(), row.line());
        if (kpi.planId() != null && kpi.goalId() == null) {
            f.problem("goal_id", "", "計画の成果指標では必須（plan_id " + kpi.planId() + "）");
        }
        if (kpi.planId() != null && kpi.baselineStatus() == null && row.cell("baseline_status") == null) {
            f.problem("baseline_status", "", "計画の成果指標では必須（value または not_started（[未実施]））");
        }
        if (kpi.basis() == Basis.CUMULATIVE && kpi.cumulativeEntry() == null) {
            f.problem("cumulative_entry", "", "累計の成果指標では必須（running_total または increment）");
        }
        if (kpi.baselineStatus() == BaselineStatus.VALUE && kpi.baselineValue() == null) {
            f.problem("baseline_value", "", "baseline_status が value のときは必須（[未実施] なら not_started とする）");
        }
        if (kpi.baselineStatus() == BaselineStatus.NOT_STARTED && kpi.baselineValue() != null) {
            f.problem("baseline_value", row.cell("baseline_value"),
                    "baseline_status が not_started のときは空にする");
        }
        if (kpi.derivedFrom() != null && !DERIVED_MEASURES.contains(kpi.derivedFrom())) {
            f.problem("derived_from", kpi.derivedFrom(), "次のどれかで書く: " + String.join(", ", DERIVED_MEASURES));
        }
        if (kpi.denominator() != null && kpi.denominator().signum() <= 0) {
            f.problem("denominator", row.cell("denominator"), "0より大きい値で書く");
        }
        f.check();
        return kpi;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kpi_id", kpiId);
        c.put("plan_id", planId);
        c.put("goal_id", goalId);
        c.put("measure_id", measureId);
        c.put("seq", seq);
        c.put("name", name);
        c.put("unit", unit);
        c.put("denominator", denominator);
        c.put("direction", PlanEnums.lower(direction));
        c.put("basis", PlanEnums.lower(basis));
        c.put("cumulative_entry", PlanEnums.lower(cumulativeEntry));
        c.put("definition", definition);
        c.put("baseline_fy", baselineFy == null ? null : baselineFy.year());
        c.put("baseline_value", baselineValue);
        c.put("baseline_status", PlanEnums.lower(baselineStatus));
        c.put("baseline_text", baselineText);
        c.put("derived_from", derivedFrom);
        c.put("weighting", PlanEnums.lower(weighting));
        c.put("source", source);
        c.put("note", note);
        c.put("source_file", sourceFile);
        c.put("source_line", sourceLine);
        return c;
    }

}
