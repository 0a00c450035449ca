package jp.nakano.planreview.attainment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;

/**
 * Whether an entered KPI actual is plausible for its KPI: a rate typed as a fraction ({@code 0.623} for
 * 62.3%), a share outside 0–100, a jump of more than ten times against the previous year or the range of
 * the baseline and targets. Only where the figure's own wording proves the mistake is it an error; the rest
 * are warnings a person checks. Plain Java: the cross-checks supply the figures.
 */
public final class ActualPlausibility {

    /** More than this many times the reference (or less than its share) is implausible. */
    static final BigDecimal FACTOR = BigDecimal.TEN;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ActualPlausibility() {
    }

    /**
     * One actual with what it is compared with.
     *
     * @param kpiUnit the KPI's unit; {@code actualUnit} the figure's own when it differs (then not compared)
     * @param reference the baseline and the absolute targets of the KPI (relative targets left out)
     * @param previous the actual of the year before, or {@code null}
     * @param partial the figure refers to a date within the year ({@code as_of}), so it is not a year's figure
     * @param increment a 累計 KPI entered as the year's addition: years are not compared with each other
     */
    public record Actual(String kpiId, FiscalYear year, BigDecimal value, String valueText, String kpiUnit,
            String actualUnit, List<BigDecimal> reference, BigDecimal previous, boolean partial, boolean increment) {
    }

    /** A problem found: an error leaves the figure out. */
    public record Problem(boolean error, String code, String field, String message) {
    }

    public static List<Problem> check(Actual a) {
        List<Problem> problems = new ArrayList<>();
        BigDecimal value = a.value();
        if (value == null) {
            return problems;
        }
        boolean percent = "%".equals(a.kpiUnit()) && (a.actualUnit() == null || "%".equals(a.actualUnit()));
        BigDecimal written = writtenValue(a.valueText());
        if (written != null && written.compareTo(value) != 0) {
            if (a.valueText().contains("%") || a.valueText().contains("％")) {
                if (value.multiply(HUNDRED).compareTo(written) == 0) {
                    problems.add(new Problem(true, "kpi.actual-fraction", "value", a.kpiId() + " の" + a.year().label()
                            + "の実績 " + Decimals.plain(value) + " は value_text「" + a.valueText()
                            + "」の100分の1: 割合を小数で入力している。百分率の数で書く（" + Decimals.plain(written)
                            + "）。この行は取り込まない"));
                    return problems;
                }
            }
            problems.add(new Problem(false, "kpi.actual-text-differs", "value", a.kpiId() + " の" + a.year().label()
                    + "の実績 " + Decimals.plain(value) + " が value_text「" + a.valueText() + "」（"
                    + Decimals.plain(written) + "）と一致しない。どちらが正しいか確認する"));
        }
        BigDecimal scale = largest(a.reference());
        BigDecimal least = a.reference().stream().filter(Objects::nonNull).map(BigDecimal::abs)
            .min(BigDecimal::compareTo).orElse(null);
        if (percent) {
            if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
                problems.add(new Problem(false, "kpi.actual-implausible", "value", a.kpiId() + " の" + a.year().label()
                        + "の実績 " + Decimals.plain(value) + "% は0〜100%の範囲外。単位と値を確認する"));
            }
            else if (value.signum() > 0 && value.compareTo(BigDecimal.ONE) < 0 && least != null
                    && least.compareTo(BigDecimal.TEN) >= 0) {
                // baseline and targets all in the tens: a figure below 1% is most likely a fraction (0.623)
                problems.add(new Problem(false, "kpi.actual-implausible", "value", a.kpiId() + " の" + a.year().label()
                        + "の実績 " + Decimals.plain(value) + "% は1%未満だが、現状値・目標値は " + Decimals.plain(least)
                        + "%〜" + Decimals.plain(scale) + "%。割合を小数で入力していないか（62.3% は 62.3 と書く）"));
            }
        }
        if (a.partial() || a.increment() || value.signum() <= 0) {
            return problems;
        }
        if (a.previous() != null && a.previous().signum() > 0 && farFrom(value, a.previous())) {
            problems.add(new Problem(false, "kpi.actual-implausible", "value", a.kpiId() + " の" + a.year().label()
                    + "の実績 " + Decimals.plain(value) + " は前年度の " + Decimals.plain(a.previous()) + " の"
                    + ratio(value, a.previous()) + "。桁や単位の誤りがないか確認する"));
        }
        else if (a.previous() == null) {
            BigDecimal smallest = a.reference().stream().filter(Objects::nonNull).filter(r -> r.signum() > 0)
                .min(BigDecimal::compareTo).orElse(null);
            if (scale != null && scale.signum() > 0 && value.compareTo(scale.multiply(FACTOR)) > 0) {
                problems.add(new Problem(false, "kpi.actual-implausible", "value", a.kpiId() + " の" + a.year().label()
                        + "の実績 " + Decimals.plain(value) + " は現状値・目標値の最大 " + Decimals.plain(scale)
                        + " の10倍を超える。桁や単位の誤りがないか確認する"));
            }
            else if (smallest != null && value.multiply(FACTOR).compareTo(smallest) < 0) {
                problems.add(new Problem(false, "kpi.actual-implausible", "value", a.kpiId() + " の" + a.year().label()
                        + "の実績 " + Decimals.plain(value) + " は現状値・目標値の最小 " + Decimals.plain(smallest)
                        + " の10分の1に満たない。桁や単位の誤りがないか確認する"));
            }
        }
        return problems;
    }

    /** More than ten times one or the other: both positive. */
    public static boolean farFrom(BigDecimal value, BigDecimal other) {
        return value.compareTo(other.multiply(FACTOR)) > 0 || other.compareTo(value.multiply(FACTOR)) > 0;
    }

    /** "約12.9倍" or "約0.08倍", for a message. */
    public static String ratio(BigDecimal value, BigDecimal other) {
        BigDecimal r = Decimals.divide(value, other);
        int scale = r.compareTo(BigDecimal.ONE) >= 0 ? 1 : 3;
        return "約" + Decimals.plain(Decimals.round(r, scale).stripTrailingZeros()) + "倍";
    }

    /** The value a wording such as {@code 62.3%} or {@code 1,461,063} states, or {@code null} for other wording. */
    private static BigDecimal writtenValue(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Decimals.parse(text, true);
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static BigDecimal largest(List<BigDecimal> values) {
        return values.stream().filter(Objects::nonNull).map(BigDecimal::abs).max(BigDecimal::compareTo).orElse(null);
    }

}
