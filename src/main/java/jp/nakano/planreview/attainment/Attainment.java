package jp.nakano.planreview.attainment;

import java.math.BigDecimal;

import jp.nakano.planreview.common.FiscalYear;

/**
 * The answer for one KPI and fiscal year: where it is, where the plan expected it, how far it has come,
 * its status and where its pace leads. Every figure is exact; ratios are plain ratios (0.5 = 50%).
 *
 * @param baselineFy the year the trajectory starts from (the year before the plan for [未実施] or an
 *        undated baseline)
 * @param actual the year's actual; for a cumulative KPI the running total
 * @param expected the value on the plan's trajectory for the year
 * @param interimFy the next interim target's year (the first at or after the year), or {@code null}
 * @param interimMet whether the actual already meets that interim target
 * @param progress 進捗率 = (actual − baseline) ÷ (final target − baseline)
 * @param expectedProgress the same for the expected value
 * @param paceRatio progress ÷ expected progress
 * @param forecast the value at the final target's year if the pace since the baseline continues
 * @param forecastMeetsTarget whether that forecast meets the final target
 * @param reason why the KPI is not assessed, or what a reader must know (provisional figure, assumptions)
 */
public record Attainment(String kpiId, FiscalYear year, FiscalYear baselineFy, BigDecimal baseline,
        BigDecimal actual, boolean provisional, String actualSource, BigDecimal expected, FiscalYear interimFy,
        BigDecimal interimTarget, Boolean interimMet, FiscalYear finalFy, BigDecimal finalTarget, BigDecimal progress,
        BigDecimal expectedProgress, BigDecimal paceRatio, Status status, BigDecimal forecast,
        Boolean forecastMeetsTarget, boolean definitionChanged, String reason) {
}
