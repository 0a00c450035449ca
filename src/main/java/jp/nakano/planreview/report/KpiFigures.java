package jp.nakano.planreview.report;

import java.math.BigDecimal;

import jp.nakano.planreview.common.Decimals;

/**
 * How the reports write a KPI's figures for a reader, the same in the PDF, the workbook's text and the
 * portal: with the unit the ward uses (62.3%, 1,793,615件, 8/15), rounded by {@link Decimals} only here.
 */
public final class KpiFigures {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private KpiFigures() {
    }

    /** A figure with its unit, at most {@code scale} decimals: 62.3%, 1,793,615件, 8/15. */
    public static String value(BigDecimal value, String unit, BigDecimal denominator, int scale) {
        if (value == null) {
            return "";
        }
        if (denominator != null) {
            return Decimals.grouped(value, scale) + "/" + Decimals.grouped(denominator, 0);
        }
        return Decimals.grouped(value, scale) + (unit == null ? "" : unit);
    }

    /** An actual or a target as published: up to two decimals. */
    public static String figure(BigDecimal value, String unit, BigDecimal denominator) {
        return value(value, unit, denominator, 2);
    }

    /**
     * A computed value (the planned value of the year, a forecast): thousands need no decimals, a rate or a
     * small count keeps one.
     */
    public static String computed(BigDecimal value, String unit, BigDecimal denominator) {
        return value(value, unit, denominator, value != null && value.abs().compareTo(THOUSAND) >= 0 ? 0 : 1);
    }

    /** A share already in percent, as the reports print it: 44.9%. */
    public static String percent(BigDecimal percent) {
        return percent == null ? "" : Decimals.grouped(percent, 1) + "%";
    }

}
