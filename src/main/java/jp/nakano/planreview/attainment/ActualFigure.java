package jp.nakano.planreview.attainment;

import java.math.BigDecimal;

import jp.nakano.planreview.common.FiscalYear;

/**
 * An actual (実績) of a KPI for a fiscal year. For a cumulative KPI entered as increments, the value is
 * the year's addition.
 *
 * @param unit the unit the figure is in when it differs from the KPI's, else {@code null}
 * @param definition the definition the figure follows when it differs from the KPI's (保有率 for a
 *        交付率 KPI), else {@code null}
 * @param source where the figure comes from (file and line, or the derivation)
 * @param line the line in {@code kpi-actuals.csv}, or {@code null} for a derived figure
 */
public record ActualFigure(FiscalYear year, BigDecimal value, boolean provisional, String unit, String definition,
        String source, Long line) {

    /** A figure without a line of its own (derived, or made in a test). */
    public ActualFigure(FiscalYear year, BigDecimal value, boolean provisional, String unit, String definition,
            String source) {
        this(year, value, provisional, unit, definition, source, null);
    }

}
