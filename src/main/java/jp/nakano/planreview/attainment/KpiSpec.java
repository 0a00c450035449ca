package jp.nakano.planreview.attainment;

import java.math.BigDecimal;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.plan.PlanEnums.Basis;
import jp.nakano.planreview.plan.PlanEnums.CumulativeEntry;
import jp.nakano.planreview.plan.PlanEnums.Direction;

/**
 * What the method needs to know of a KPI: which way is better, what its values measure, its baseline
 * (現状) and its plan's period.
 *
 * @param baselineFy {@code null} when the plan gives no year
 * @param baselineValue {@code null} when the measure has not started ([未実施])
 * @param notStarted the plan says [未実施]: the baseline is zero at the year before the plan starts
 * @param denominator for a fraction (0/15): the whole its values are numerators of, else {@code null}
 */
public record KpiSpec(String kpiId, String name, String unit, String definition, Direction direction, Basis basis,
        CumulativeEntry cumulativeEntry, FiscalYear baselineFy, BigDecimal baselineValue, boolean notStarted,
        FiscalYear planFirstFy, FiscalYear planLastFy, BigDecimal denominator) {

    /** A KPI that is not a fraction. */
    public KpiSpec(String kpiId, String name, String unit, String definition, Direction direction, Basis basis,
            CumulativeEntry cumulativeEntry, FiscalYear baselineFy, BigDecimal baselineValue, boolean notStarted,
            FiscalYear planFirstFy, FiscalYear planLastFy) {
        this(kpiId, name, unit, definition, direction, basis, cumulativeEntry, baselineFy, baselineValue, notStarted,
                planFirstFy, planLastFy, null);
    }

}
