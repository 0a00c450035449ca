package jp.nakano.planreview.attainment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.plan.PlanEnums.Basis;
import jp.nakano.planreview.plan.PlanEnums.CumulativeEntry;
import jp.nakano.planreview.plan.PlanEnums.Direction;
import jp.nakano.planreview.plan.PlanEnums.TargetKind;

/**
 * The method of target attainment (進行管理), as {@code docs/method.md} describes it: the trajectory through
 * the baseline, milestones, paces, interim and final targets; 進捗率; progress against the trajectory; the
 * status; the forecast. Plain Java, exact decimals, no rounding: rounding is for display only.
 */
public final class AttainmentCalculator {

    private final Thresholds thresholds;

    public AttainmentCalculator(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Evaluates one KPI for one fiscal year from the plan's targets and the actuals entered or derived. */
    public Attainment evaluate(KpiSpec kpi, List<TargetPoint> targets, List<ActualFigure> actuals, FiscalYear year) {
        List<String> notes = new ArrayList<>();
        // the baseline (現状): [未実施] and an undated baseline start the year before the plan
        FiscalYear baseYear = kpi.baselineFy();
        BigDecimal base = kpi.baselineValue();
        FiscalYear beforePlan = kpi.planFirstFy().previous();
        if (kpi.notStarted()) {
            base = BigDecimal.ZERO;
            baseYear = beforePlan;
            notes.add("[未実施]: baseline 0 in " + beforePlan);
        }
        else if (base != null && baseYear == null) {
            baseYear = beforePlan;
            notes.add("the plan gives no year for the baseline; taken as " + beforePlan);
        }
        TargetPoint finalPoint = targets.stream()
            .filter(t -> t.kind() == TargetKind.FINAL)
            .max(Comparator.comparing(TargetPoint::year))
            .orElse(null);
        ActualValue actual = actualFor(kpi, actuals, year, baseYear, base);
        if (base == null) {
            return notAssessed(kpi, year, baseYear, null, actual, finalPoint, null, "no baseline value", notes);
        }
        if (finalPoint == null) {
            return notAssessed(kpi, year, baseYear, base, actual, null, null, "no final target", notes);
        }
        BigDecimal finalTarget = absolute(finalPoint, base);
        FiscalYear finalYear = finalPoint.year();
        FiscalYear from = baseYear;
        TargetPoint beforeBase = targets.stream()
            .filter(t -> t.kind() == TargetKind.FINAL ? t.year().compareTo(from) <= 0
                    : t.kind() != TargetKind.PACE && t.year().compareTo(from) < 0)
            .min(Comparator.comparing(TargetPoint::year))
            .orElse(null);
        if (beforeBase != null) {
            // a target dated before its own baseline is a typing error (kpi.target-before-baseline): no rating
            return notAssessed(kpi, year, baseYear, base, actual, finalPoint, finalTarget, "target year not after the baseline: the "
                    + beforeBase.kind().name().toLowerCase(java.util.Locale.ROOT) + " target for " + beforeBase.year()
                    + (beforeBase.kind() == TargetKind.FINAL ? " does not follow" : " precedes") + " the baseline ("
                    + baseYear + "); correct kpi-targets.csv", notes);
        }
        if (year.compareTo(baseYear) < 0) {
            return notAssessed(kpi, year, baseYear, base, actual, finalPoint, finalTarget,
                    year + " is before the baseline year " + baseYear, notes);
        }
        if (year.equals(baseYear)) {
            // the year the plan measures from: nothing was expected of it yet, so it is not rated
            return notAssessed(kpi, year, baseYear, base, actual, finalPoint, finalTarget,
                    year + " " + BASELINE_YEAR + ": not rated", notes);
        }
        if (year.compareTo(kpi.planFirstFy()) < 0) {
            return notAssessed(kpi, year, baseYear, base, actual, finalPoint, finalTarget,
                    year + " " + BEFORE_PLAN + " " + kpi.planFirstFy() + "–" + kpi.planLastFy() + ": not rated", notes);
        }
        if (year.compareTo(kpi.planLastFy()) > 0) {
            return notAssessed(kpi, year, baseYear, base, actual, finalPoint, finalTarget,
                    year + " is after the plan period " + kpi.planFirstFy() + "–" + kpi.planLastFy(), notes);
        }
        TreeMap<Integer, BigDecimal> trajectory = trajectory(targets, baseYear, base, finalYear, finalTarget);
        BigDecimal expected = expectedOn(trajectory, year);
        TargetPoint interim = targets.stream()
            .filter(t -> t.kind() == TargetKind.INTERIM && t.year().compareTo(year) >= 0)
            .min(Comparator.comparing(TargetPoint::year))
            .orElse(null);
        BigDecimal interimTarget = interim == null ? null : absolute(interim, base);
        if (actual.value() == null) {
            return new Attainment(kpi.kpiId(), year, baseYear, base, null, false, null, expected,
                    interim == null ? null : interim.year(), interimTarget, null, finalYear, finalTarget, null, null,
                    null, Status.NOT_ASSESSED, null, null, false, join(actual.problem(), notes));
        }
        if (actual.definitionChanged() != null) {
            return new Attainment(kpi.kpiId(), year, baseYear, base, actual.value(), actual.provisional(),
                    actual.source(), expected, interim == null ? null : interim.year(), interimTarget, null, finalYear,
                    finalTarget, null, null, null, Status.NOT_ASSESSED, null, null, true,
                    join(actual.definitionChanged(), notes));
        }
        if (actual.provisional()) {
            notes.add(0, "速報値 (provisional figure)");
        }
        BigDecimal value = actual.value();
        Boolean interimMet = interimTarget == null ? null : atLeastAsGood(kpi.direction(), value, interimTarget);
        BigDecimal span = finalTarget.subtract(base);
        BigDecimal progress = Decimals.divide(value.subtract(base), span);
        BigDecimal expectedProgress = Decimals.divide(expected.subtract(base), span);
        // (A − B) ÷ (E − B): one division of exact differences, not a ratio of two rounded quotients
        BigDecimal paceRatio = expectedProgress == null || expectedProgress.signum() == 0 ? null
                : Decimals.divide(value.subtract(base), expected.subtract(base));
        Status status = status(kpi.direction(), value, base, finalTarget, progress, paceRatio, notes);
        BigDecimal forecast = null;
        Boolean forecastMeets = null;
        if (year.compareTo(finalYear) >= 0) {
            forecast = value;
            forecastMeets = atLeastAsGood(kpi.direction(), value, finalTarget);
        }
        else if (year.compareTo(baseYear) > 0) {
            // multiply before dividing, so the forecast is exact whenever it terminates
            forecast = value.add(Decimals.divide(value.subtract(base).multiply(years(year, finalYear)),
                    years(baseYear, year)));
            forecast = withinRange(kpi, base, targets, forecast, notes);
            forecastMeets = atLeastAsGood(kpi.direction(), forecast, finalTarget);
        }
        return new Attainment(kpi.kpiId(), year, baseYear, base, value, actual.provisional(), actual.source(),
                expected, interim == null ? null : interim.year(), interimTarget, interimMet, finalYear, finalTarget,
                progress, expectedProgress, paceRatio, status, forecast, forecastMeets, false, join(null, notes));
    }

    /**
     * The plan's trajectory year by year from the baseline year to the final target's year (what the charts
     * draw), or an empty map when the KPI has no baseline value or no final target.
     */
    public java.util.SortedMap<FiscalYear, BigDecimal> expectedPath(KpiSpec kpi, List<TargetPoint> targets) {
        java.util.SortedMap<FiscalYear, BigDecimal> path = new TreeMap<>();
        FiscalYear baseYear = kpi.notStarted() || (kpi.baselineValue() != null && kpi.baselineFy() == null)
                ? kpi.planFirstFy().previous() : kpi.baselineFy();
        BigDecimal base = kpi.notStarted() ? BigDecimal.ZERO : kpi.baselineValue();
        TargetPoint finalPoint = targets.stream()
            .filter(t -> t.kind() == TargetKind.FINAL)
            .max(Comparator.comparing(TargetPoint::year))
            .orElse(null);
        if (base == null || baseYear == null || finalPoint == null || finalPoint.year().compareTo(baseYear) <= 0) {
            return path;
        }
        TreeMap<Integer, BigDecimal> points = trajectory(targets, baseYear, base, finalPoint.year(),
                absolute(finalPoint, base));
        for (int y = baseYear.year(); y <= finalPoint.year().year(); y++) {
            path.put(FiscalYear.of(y), expectedOn(points, FiscalYear.of(y)));
        }
        return path;
    }

    private Status status(Direction direction, BigDecimal value, BigDecimal base, BigDecimal finalTarget,
            BigDecimal progress, BigDecimal paceRatio, List<String> notes) {
        if (atLeastAsGood(direction, value, finalTarget)) {
            return Status.ACHIEVED;
        }
        if (progress == null) {
            // the target keeps the baseline level and the actual is worse than it
            return Status.WORSENED;
        }
        if (progress.signum() < 0) {
            return Status.WORSENED;
        }
        if (paceRatio == null) {
            notes.add("the trajectory expects no progress yet");
            return Status.ON_TRACK;
        }
        if (paceRatio.compareTo(thresholds.onTrack()) >= 0) {
            return Status.ON_TRACK;
        }
        if (paceRatio.compareTo(thresholds.slightlyBehind()) >= 0) {
            return Status.SLIGHTLY_BEHIND;
        }
        return Status.BEHIND;
    }

    /** The trajectory's points by year: baseline, milestones, paces, interim targets, final target. */
    static TreeMap<Integer, BigDecimal> trajectory(List<TargetPoint> targets, FiscalYear baseYear, BigDecimal base,
            FiscalYear finalYear, BigDecimal finalTarget) {
        TreeMap<Integer, BigDecimal> points = new TreeMap<>();
        points.put(baseYear.year(), base);
        for (TargetPoint t : targets) {
            if ((t.kind() == TargetKind.INTERIM || t.kind() == TargetKind.MILESTONE) && t.year().compareTo(baseYear) > 0
                    && t.year().compareTo(finalYear) < 0) {
                points.put(t.year().year(), absolute(t, base));
            }
        }
        points.put(finalYear.year(), finalTarget);
        for (TargetPoint pace : targets.stream().filter(t -> t.kind() == TargetKind.PACE).toList()) {
            int from = pace.year().year();
            BigDecimal anchor = expectedOn(points, FiscalYear.of(Math.max(from - 1, baseYear.year())));
            int anchorYear = Math.max(from - 1, baseYear.year());
            for (int y = Math.max(from, anchorYear + 1); y < finalYear.year(); y++) {
                points.putIfAbsent(y, anchor.add(pace.value().multiply(BigDecimal.valueOf(y - anchorYear))));
            }
        }
        return points;
    }

    /** Linear between the two points around the year; the final target from its year on. */
    static BigDecimal expectedOn(TreeMap<Integer, BigDecimal> points, FiscalYear year) {
        Map.Entry<Integer, BigDecimal> before = points.floorEntry(year.year());
        Map.Entry<Integer, BigDecimal> after = points.ceilingEntry(year.year());
        if (before == null) {
            return null;
        }
        if (after == null || before.getKey().equals(after.getKey())) {
            return before.getValue();
        }
        // multiply before dividing: the quotient is then exact whenever the result terminates
        BigDecimal rise = after.getValue().subtract(before.getValue())
            .multiply(BigDecimal.valueOf(year.year() - before.getKey()));
        return before.getValue().add(Decimals.divide(rise, BigDecimal.valueOf(after.getKey() - before.getKey())));
    }

    /** The largest value a share can take: 100 for a percentage, the whole of a fraction (15 of 15). */
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * A forecast kept in the figure's natural range: never below zero (a count, a share, hours, an amount), never
     * above 100 for a percentage or above the whole of a fraction, unless the plan's own baseline or targets lie
     * outside that range (then the range does not apply on that side). A capped forecast says so in the notes.
     */
    private static BigDecimal withinRange(KpiSpec kpi, BigDecimal base, List<TargetPoint> targets, BigDecimal forecast,
            List<String> notes) {
        List<BigDecimal> own = new ArrayList<>();
        own.add(base);
        targets.stream().filter(t -> t.kind() != TargetKind.PACE).forEach(t -> own.add(absolute(t, base)));
        BigDecimal floor = own.stream().anyMatch(v -> v.signum() < 0) ? null : BigDecimal.ZERO;
        BigDecimal ceiling = kpi.denominator() != null ? kpi.denominator() : "%".equals(kpi.unit()) ? HUNDRED : null;
        if (ceiling != null && own.stream().anyMatch(v -> v.compareTo(kpi.denominator() != null ? kpi.denominator()
                : HUNDRED) > 0)) {
            ceiling = null;
        }
        if (floor != null && forecast.compareTo(floor) < 0) {
            notes.add(FORECAST_CAPPED + " at its lower bound " + Decimals.plain(floor) + " (the pace gives "
                    + Decimals.plain(Decimals.round(forecast, 10)) + ")");
            return floor;
        }
        if (ceiling != null && forecast.compareTo(ceiling) > 0) {
            notes.add(FORECAST_CAPPED + " at its upper bound " + Decimals.plain(ceiling) + " (the pace gives "
                    + Decimals.plain(Decimals.round(forecast, 10)) + ")");
            return ceiling;
        }
        return forecast;
    }

    /** The reason of the baseline year, which is not rated (the reports look for the words). */
    public static final String BASELINE_YEAR = "is the baseline year";

    /** The reason of a year after the baseline but before the plan starts, which is not rated. */
    public static final String BEFORE_PLAN = "is before the plan period";

    /** The words that start the note of a capped forecast (the reports look for them). */
    public static final String FORECAST_CAPPED = "forecast capped";

    private static BigDecimal absolute(TargetPoint target, BigDecimal base) {
        return target.relative() ? base.add(target.value()) : target.value();
    }

    private static boolean atLeastAsGood(Direction direction, BigDecimal value, BigDecimal target) {
        int cmp = value.compareTo(target);
        return direction == Direction.HIGHER ? cmp >= 0 : cmp <= 0;
    }

    private static BigDecimal years(FiscalYear from, FiscalYear to) {
        return BigDecimal.valueOf(to.year() - from.year());
    }

    /** The actual of the year as the method uses it, or the reason there is none. */
    private record ActualValue(BigDecimal value, boolean provisional, String source, String problem,
            String definitionChanged) {
    }

    private static ActualValue actualFor(KpiSpec kpi, List<ActualFigure> actuals, FiscalYear year, FiscalYear baseYear,
            BigDecimal base) {
        Map<Integer, ActualFigure> byYear = new TreeMap<>();
        actuals.forEach(a -> byYear.put(a.year().year(), a));
        if (kpi.basis() == Basis.CUMULATIVE && kpi.cumulativeEntry() == CumulativeEntry.INCREMENT) {
            if (base == null || baseYear == null || year.compareTo(baseYear) < 0) {
                return new ActualValue(null, false, null, "no baseline to add the increments to", null);
            }
            BigDecimal total = base;
            boolean provisional = false;
            for (int y = baseYear.year() + 1; y <= year.year(); y++) {
                ActualFigure increment = byYear.get(y);
                if (increment == null) {
                    return new ActualValue(null, false, null, "no increment for FY" + y + ", so no running total", null);
                }
                String changed = changed(kpi, increment);
                if (changed != null) {
                    return new ActualValue(total, false, increment.source(), null, changed);
                }
                total = total.add(increment.value());
                provisional |= increment.provisional();
            }
            return new ActualValue(total, provisional, "running total of the increments since " + baseYear, null,
                    null);
        }
        ActualFigure figure = byYear.get(year.year());
        if (figure == null) {
            if (year.equals(baseYear) && base != null) {
                return new ActualValue(base, false, "baseline", null, null);
            }
            String latest = byYear.keySet().stream()
                .filter(y -> y < year.year())
                .reduce((a, b) -> b)
                .map(y -> "; the latest actual is for FY" + y)
                .orElse("");
            return new ActualValue(null, false, null, "no actual for " + year + latest, null);
        }
        return new ActualValue(figure.value(), figure.provisional(), figure.source(), null, changed(kpi, figure));
    }

    /** The reason not to compare a figure that follows another unit or definition, or {@code null}. */
    private static String changed(KpiSpec kpi, ActualFigure figure) {
        if (figure.unit() != null && !Objects.equals(figure.unit(), kpi.unit())) {
            return "the " + figure.year() + " actual is in " + figure.unit() + ", the KPI in " + kpi.unit()
                    + ": not compared";
        }
        if (figure.definition() != null && !Objects.equals(figure.definition(), kpi.definition())) {
            return "the " + figure.year() + " actual follows another definition (" + figure.definition()
                    + ") than the KPI: not compared";
        }
        return null;
    }

    private static Attainment notAssessed(KpiSpec kpi, FiscalYear year, FiscalYear baseYear, BigDecimal base,
            ActualValue actual, TargetPoint finalPoint, BigDecimal finalTarget, String reason, List<String> notes) {
        return new Attainment(kpi.kpiId(), year, baseYear, base, actual.value(), actual.provisional(), actual.source(),
                null, null, null, null, finalPoint == null ? null : finalPoint.year(), finalTarget, null, null, null,
                Status.NOT_ASSESSED, null, null, actual.definitionChanged() != null, join(reason, notes));
    }

    private static String join(String first, List<String> notes) {
        List<String> all = new ArrayList<>();
        if (first != null) {
            all.add(first);
        }
        all.addAll(notes);
        return all.isEmpty() ? null : String.join("; ", all);
    }

}
