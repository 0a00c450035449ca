package jp.nakano.planreview.attainment;

import java.math.BigDecimal;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.plan.PlanEnums.TargetKind;

/**
 * A target the plan gives: interim (中間), final (計画終了時), a yearly milestone, or a yearly pace from a
 * year on. A relative value is a change against the baseline (実施前比 ▲500時間 is -500).
 */
public record TargetPoint(FiscalYear year, TargetKind kind, BigDecimal value, boolean relative, String text) {
}
