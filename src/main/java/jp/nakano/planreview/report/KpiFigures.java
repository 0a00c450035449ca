package jp.nakano.planreview.report;

import java.math.BigDecimal;

import jp.nakano.planreview.common.Decimals;

/**
 * The display rules of plan-review: how the PDF, the workbook and the portal write each kind of figure for a
 * reader (62.3%, 1,793,615件, 8/15, 進捗率 44.9%), rounded half-up by {@link Decimals} only here. One rule per
 * kind of figure, as {@code docs/method.md} ("Display rules") lists them.
 */
public final class KpiFigures {

    /** A KPI's figures never show more decimals than this, whatever a plan wrote. */
    static final int MAX_DECIMALS = 3;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private KpiFigures() {
    }

    /**
     * How many decimals every figure of a KPI is shown with (現状, targets, 実績, 計画上の値, 予測値, the trend
     * table): as many as the plan's own figures for it have ({@code ownDecimals}, from its baseline, targets
     * and entered actuals), at least one for a percentage, at most three. A count (件, 人, 団体 …) written as
     * whole numbers by the plan is shown as a whole number, also where the method computes a fraction of it.
     */
    public static int decimals(String unit, int ownDecimals) {
        int floor = "%".equals(unit) ? 1 : 0;
        return Math.min(Math.max(ownDecimals, floor), MAX_DECIMALS);
    }

    /** A figure of a KPI with its unit at the KPI's decimals: 62.3%, 46.0%, 1,793,615件, 8/15. */
    public static String value(BigDecimal value, String unit, BigDecimal denominator, int decimals) {
        if (value == null) {
            return "";
        }
        if (denominator != null) {
            return Decimals.fixed(value, decimals) + "/" + Decimals.fixed(denominator, 0);
        }
        return Decimals.fixed(value, decimals) + (unit == null ? "" : unit);
    }

    /** A ratio of the method (進捗率, 計画上の進捗率, ペース比) given as a fraction, in percent with one decimal: 44.9%, 100.0%. */
    public static String ratio(BigDecimal fraction) {
        return fraction == null ? "" : percent(fraction.multiply(HUNDRED));
    }

    /** A share already in percent, with one decimal: 44.9%, 36.0%. */
    public static String percent(BigDecimal percent) {
        return percent == null ? "" : Decimals.fixed(percent, 1) + "%";
    }

    /** 電子手続利用率 in percent, with two decimals as the plans print it (小数第3位を四捨五入): 73.46%. */
    public static String utilisationRate(BigDecimal percent) {
        return percent == null ? "" : Decimals.fixed(percent, 2) + "%";
    }

    /** A count of the e-procedure table or of the run (件, 手続, 行, バイト): a whole number, 1,793,615. */
    public static String count(BigDecimal count) {
        return Decimals.fixed(count, 0);
    }

    /** The signed change of a count against the year before: +245,634, ▲1,200 (the ward's minus), ±0. */
    public static String change(BigDecimal change) {
        if (change == null) {
            return "";
        }
        return switch (change.signum()) {
            case 1 -> "+" + count(change);
            case -1 -> "▲" + count(change.negate());
            default -> "±0";
        };
    }

    /** The Excel number format of a KPI's figures at its decimals: {@code #,##0} or {@code #,##0.0} … */
    public static String excelFormat(int decimals) {
        return decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    }

}
