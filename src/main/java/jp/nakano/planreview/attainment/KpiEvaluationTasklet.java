package jp.nakano.planreview.attainment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.eprocedure.FigureQueries;
import jp.nakano.planreview.eprocedure.LoadedFigures;
import jp.nakano.planreview.findings.FindingRecorder;
import jp.nakano.planreview.findings.Severity;
import jp.nakano.planreview.plan.PlanEnums.Basis;
import jp.nakano.planreview.plan.PlanEnums.CumulativeEntry;
import jp.nakano.planreview.plan.PlanEnums.Direction;
import jp.nakano.planreview.plan.PlanEnums.TargetKind;
import jp.nakano.planreview.plan.PlanEnums.Weighting;

/**
 * Evaluates every KPI of the plans under review for the review year and the year before (to see which
 * changed status) with {@link AttainmentCalculator}, derives the actuals the e-procedure figures give,
 * and stores the results and the summary per goal and plan. The KPIs of two plans are a few dozen rows,
 * read at once; the e-procedure figures are summed by the database.
 */
public class KpiEvaluationTasklet implements Tasklet {

    /** Stored precision of computed quotients; display rounds further. */
    private static final int STORED_SCALE = 10;

    private final JdbcTemplate jdbc;

    private final FindingRecorder findings;

    private final LongSupplier runId;

    private final IntSupplier fiscalYear;

    private final Supplier<String> plan;

    private final AttainmentCalculator calculator;

    private final BigDecimal majorThreshold;

    /** The e-procedure rows in columns: the single procedures are summed in one pass over them (issue 16). */
    private final LoadedFigures figures;

    /*
     * The e-procedure sums a derived KPI needs depend on the year only, not on the KPI: each is read once
     * per run and year (a run asks for the review year, the year before and every chart year, for every
     * derived KPI, and again for the report's derived indicators). Cleared at the start of each run.
     */
    private final Map<Integer, List<BigDecimal>> wardTotals = new java.util.HashMap<>();

    private final Map<Integer, SingleProcedureSums> singlesByYear = new java.util.HashMap<>();

    private final Map<Integer, DerivedActuals.Kakanai> kakanaiByYear = new java.util.HashMap<>();

    public KpiEvaluationTasklet(JdbcTemplate jdbc, FindingRecorder findings, LongSupplier runId, IntSupplier fiscalYear,
            Supplier<String> plan, Thresholds thresholds, BigDecimal majorThreshold, LoadedFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.findings = findings;
        this.runId = runId;
        this.fiscalYear = fiscalYear;
        this.plan = plan;
        this.calculator = new AttainmentCalculator(thresholds);
        this.majorThreshold = majorThreshold;
    }

    /** A KPI row with its plan, goal and display wording. */
    private record Kpi(KpiSpec spec, String planId, String planName, String goalId, String goalLabel,
            String goalName, String measureId, BigDecimal denominator, String baselineText, String derivedFrom,
            Weighting weighting) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long run = runId.getAsLong();
        FiscalYear year = FiscalYear.of(fiscalYear.getAsInt());
        String onlyPlan = plan.get();
        wardTotals.clear();
        singlesByYear.clear();
        kakanaiByYear.clear();
        // the plan filter is added only when a plan is given: an untyped NULL parameter fails on PostgreSQL
        Object[] args = onlyPlan == null ? new Object[] { run } : new Object[] { run, onlyPlan };
        List<Kpi> kpis = jdbc.query("""
                SELECT k.kpi_id, k.name, k.unit, k.definition, k.direction, k.basis, k.cumulative_entry, k.baseline_fy,
                       k.baseline_value, k.baseline_status, k.baseline_text, k.denominator, k.derived_from, k.weighting,
                       k.goal_id, k.measure_id, p.plan_id, p.name AS plan_name, p.first_fy, p.last_fy,
                       g.label AS goal_label, g.name AS goal_name
                FROM in_kpi k
                JOIN in_plan p ON p.run_id = k.run_id AND p.plan_id = k.plan_id AND NOT p.excluded
                JOIN in_goal g ON g.run_id = k.run_id AND g.goal_id = k.goal_id AND NOT g.excluded
                WHERE k.run_id = ? AND NOT k.excluded""" + (onlyPlan == null ? "" : " AND p.plan_id = ?")
                + " ORDER BY p.source_line, g.seq, k.seq, k.source_line", (rs, i) -> kpi(rs), args);
        int sortKey = 0;
        Map<String, Map<String, List<Ranked>>> byPlanAndGoal = new LinkedHashMap<>();
        for (Kpi kpi : kpis) {
            List<TargetPoint> targets = targets(run, kpi.spec().kpiId());
            List<ActualFigure> entered = entered(run, kpi.spec().kpiId());
            // each year of a KPI is evaluated once: the review year, the year before and the chart's years share it
            Map<FiscalYear, Result> byYear = new java.util.HashMap<>();
            java.util.function.Function<FiscalYear, Result> at = y -> byYear.computeIfAbsent(y,
                    yy -> evaluate(run, kpi, targets, entered, yy));
            Result current = at.apply(year);
            Result previous = at.apply(year.previous());
            store(run, ++sortKey, kpi, targets, entered, current, previous);
            storeSeries(run, year, kpi, targets, at);
            contribution.incrementReadCount();
            byPlanAndGoal.computeIfAbsent(kpi.planId(), p -> new LinkedHashMap<>())
                .computeIfAbsent(kpi.goalId(), g -> new ArrayList<>())
                .add(new Ranked(kpi, current.attainment().status(), previous.attainment().status()));
        }
        contribution.incrementWriteCount(sortKey);
        storeSummary(run, year, byPlanAndGoal);
        storeDerivedIndicators(run, year);
        return RepeatStatus.FINISHED;
    }

    /** An evaluation with the value that was not used (entered or derived). */
    private record Result(Attainment attainment, BigDecimal otherValue, String otherSource) {
    }

    /** A KPI with its status this year and last year, for the summary. */
    private record Ranked(Kpi kpi, Status now, Status before) {
    }

    /** The actuals entered for a KPI in {@code kpi-actuals.csv}, every year. */
    private List<ActualFigure> entered(long run, String kpiId) {
        return jdbc.query("""
                SELECT fiscal_year, actual_value, status, unit, definition, source_file, source_line FROM in_kpi_actual
                WHERE run_id = ? AND kpi_id = ? AND NOT excluded ORDER BY fiscal_year""",
                (rs, i) -> new ActualFigure(FiscalYear.of(rs.getInt(1)), Decimals.normalise(rs.getBigDecimal(2)),
                        "provisional".equals(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getString(6) + " line " + rs.getLong(7), rs.getLong(7)),
                run, kpiId);
    }

    private Result evaluate(long run, Kpi kpi, List<TargetPoint> targets, List<ActualFigure> entered,
            FiscalYear year) {
        List<ActualFigure> actuals = new ArrayList<>(entered);
        BigDecimal other = null;
        String otherSource = null;
        if (kpi.derivedFrom() != null) {
            DerivedActuals.Derived derived = derive(run, kpi.derivedFrom(), kpi.weighting(), year.year());
            ActualFigure typed = actuals.stream().filter(a -> a.year().equals(year)).findFirst().orElse(null);
            if (derived.value() != null) {
                // the derived value comes from the same audited figures as the utilisation table: it is used
                if (typed != null) {
                    actuals.remove(typed);
                    other = typed.value();
                    otherSource = "entered: " + typed.source();
                    if (typed.value().compareTo(derived.value()) != 0) {
                        findings.add(Finding.of(Severity.WARNING, "kpi.derived-differs", "kpi-actuals.csv",
                                typed.line(), "value", Decimals.plain(typed.value()), kpi.spec().kpiId() + " " + year.label()
                                        + ": 入力された実績 " + Decimals.plain(typed.value())
                                        + " が電子手続の数値から算出した値 "
                                        + Decimals.plain(derived.value()) + "（" + derived.how()
                                        + "）と異なる。算出した値を使う"));
                    }
                }
                actuals.add(new ActualFigure(year, derived.value(), false, null, null, "derived: " + derived.how()));
            }
            else {
                otherSource = "not derived: " + derived.reason();
            }
        }
        return new Result(calculator.evaluate(kpi.spec(), targets, actuals, year), other, otherSource);
    }

    private DerivedActuals.Derived derive(long run, String measure, Weighting weighting, int year) {
        switch (measure) {
            case "eprocedure:online_receipts_total" -> {
                List<BigDecimal> totals = wardTotals.computeIfAbsent(year, y -> jdbc.query("""
                        SELECT online_receipts FROM in_eprocedure_figure
                        WHERE run_id = ? AND fiscal_year = ? AND row_level = 'total' AND NOT excluded
                        ORDER BY source_line""",
                        (rs, i) -> Decimals.normalise(rs.getBigDecimal(1)), run, y));
                return DerivedActuals.onlineReceiptsTotal(totals.isEmpty() ? null : totals.get(0), year);
            }
            case "eprocedure:major_online_coverage" -> {
                return DerivedActuals.majorOnlineCoverage(majorProcedures(run, year), majorThreshold, year);
            }
            case "eprocedure:major_online_utilisation" -> {
                return DerivedActuals.majorOnlineUtilisation(majorProcedures(run, year), majorThreshold, year);
            }
            case "eprocedure:kakanai_coverage" -> {
                return DerivedActuals.kakanaiCoverage(kakanaiByYear.computeIfAbsent(year, y -> kakanai(run, y)),
                        weighting == null ? Weighting.PROCEDURES : weighting, year);
            }
            default -> {
                return new DerivedActuals.Derived(null, "unknown derivation " + measure, null);
            }
        }
    }

    private DerivedActuals.MajorProcedures majorProcedures(long run, int year) {
        return singleProcedures(run, year).major();
    }

    /** A year's single procedures summed once for both derivations (one pass over the year's rows, issue 16). */
    private record SingleProcedureSums(DerivedActuals.MajorProcedures major, DerivedActuals.Kakanai kakanai) {
    }

    private SingleProcedureSums singleProcedures(long run, int year) {
        return singlesByYear.computeIfAbsent(year, y -> readSingleProcedures(run, y));
    }

    private SingleProcedureSums readSingleProcedures(long run, int year) {
        FigureQueries.SingleProcedures s = new FigureQueries(figures.of(run)).singleProcedures(year, majorThreshold);
        return new SingleProcedureSums(
                new DerivedActuals.MajorProcedures(s.major(), s.majorUnknownCapability(), s.unknownReceipts(),
                        s.majorCapableWithoutOnline(), s.majorReceipts(), s.majorCapableReceipts(),
                        s.majorCapableOnline(), s.singles()),
                new DerivedActuals.Kakanai(s.singles(), s.kakanaiUnknown(), s.kakanaiSupported(), s.unknownReceipts(),
                        s.receipts(), s.kakanaiReceipts()));
    }

    /**
     * The year's procedures for 書かない窓口: the single procedures, and the procedures a 上記以外 row bundles (as many
     * as its 手続数, one when not given), which carry the row's flag or, without one, count as lacking it.
     */
    private DerivedActuals.Kakanai kakanai(long run, int year) {
        DerivedActuals.Kakanai singles = singleProcedures(run, year).kakanai();
        FigureQueries.OtherRows others = new FigureQueries(figures.of(run)).otherRows(year);
        return new DerivedActuals.Kakanai(singles.procedures() + others.procedures(), singles.unknown() + others.unknown(),
                singles.supported() + others.supported(), singles.unknownReceipts() + others.unknownReceipts(),
                singles.receipts().add(others.receipts()), singles.supportedReceipts().add(others.supportedReceipts()));
    }

    private static BigDecimal zero(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO : Decimals.normalise(value);
    }

    private List<TargetPoint> targets(long run, String kpiId) {
        return jdbc.query("""
                SELECT fiscal_year, kind, target_value, is_relative, target_text FROM in_kpi_target
                WHERE run_id = ? AND kpi_id = ? AND NOT excluded ORDER BY fiscal_year, kind""",
                (rs, i) -> new TargetPoint(FiscalYear.of(rs.getInt(1)), enumOf(TargetKind.class, rs.getString(2)),
                        Decimals.normalise(rs.getBigDecimal(3)), rs.getBoolean(4), rs.getString(5)),
                run, kpiId);
    }

    private static Kpi kpi(ResultSet rs) throws SQLException {
        Integer baselineFy = (Integer) rs.getObject("baseline_fy");
        KpiSpec spec = new KpiSpec(rs.getString("kpi_id"), rs.getString("name"), rs.getString("unit"),
                rs.getString("definition"), enumOf(Direction.class, rs.getString("direction")),
                enumOf(Basis.class, rs.getString("basis")), enumOf(CumulativeEntry.class, rs.getString("cumulative_entry")),
                baselineFy == null ? null : FiscalYear.of(baselineFy), Decimals.normalise(rs.getBigDecimal("baseline_value")),
                "not_started".equals(rs.getString("baseline_status")), FiscalYear.of(rs.getInt("first_fy")),
                FiscalYear.of(rs.getInt("last_fy")), Decimals.normalise(rs.getBigDecimal("denominator")));
        return new Kpi(spec, rs.getString("plan_id"), rs.getString("plan_name"), rs.getString("goal_id"),
                rs.getString("goal_label"), rs.getString("goal_name"), rs.getString("measure_id"),
                Decimals.normalise(rs.getBigDecimal("denominator")), rs.getString("baseline_text"),
                rs.getString("derived_from"), enumOf(Weighting.class, rs.getString("weighting")));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }

    private void store(long run, int sortKey, Kpi kpi, List<TargetPoint> targets, List<ActualFigure> entered,
            Result result, Result previous) {
        Attainment a = result.attainment();
        // the decimals the plan and the ward write this KPI's figures with (the reports show its figures so)
        List<BigDecimal> own = new ArrayList<>();
        own.add(kpi.spec().baselineValue());
        targets.forEach(t -> own.add(t.value()));
        entered.forEach(e -> own.add(e.value()));
        jdbc.update("""
                INSERT INTO res_kpi_attainment (run_id, fiscal_year, sort_key, plan_id, goal_id, goal_label, measure_id,
                    kpi_id, name, unit, denominator, direction, basis, baseline_fy, baseline, baseline_text, actual,
                    actual_status, actual_source, other_value, other_source, expected, interim_fy, interim_target,
                    interim_met, final_fy, final_target, final_target_text, progress, expected_progress, pace_ratio,
                    status, forecast, forecast_meets, previous_status, definition_changed, reason, figure_decimals)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                run, a.year().year(), sortKey, kpi.planId(), kpi.goalId(), kpi.goalLabel(), kpi.measureId(),
                kpi.spec().kpiId(), kpi.spec().name(), kpi.spec().unit(), kpi.denominator(),
                lower(kpi.spec().direction()), lower(kpi.spec().basis()),
                a.baselineFy() == null ? null : a.baselineFy().year(), a.baseline(), kpi.baselineText(), stored(a.actual()),
                a.actual() == null ? null : a.provisional() ? "provisional" : "final", a.actualSource(),
                result.otherValue(), result.otherSource(), stored(a.expected()),
                a.interimFy() == null ? null : a.interimFy().year(), a.interimTarget(), a.interimMet(),
                a.finalFy() == null ? null : a.finalFy().year(), a.finalTarget(), finalText(targets, a),
                stored(a.progress()), stored(a.expectedProgress()), stored(a.paceRatio()), a.status().name(),
                stored(a.forecast()), a.forecastMeetsTarget(), previous.attainment().status().name(),
                a.definitionChanged(), a.reason(), Decimals.decimals(own));
    }

    /** The plan's wording of the final target the evaluation used. */
    private static String finalText(List<TargetPoint> targets, Attainment a) {
        return targets.stream()
            .filter(t -> t.kind() == TargetKind.FINAL && t.year().equals(a.finalFy()))
            .map(TargetPoint::text)
            .findFirst()
            .orElse(null);
    }

    private static BigDecimal stored(BigDecimal value) {
        return value == null ? null : Decimals.normalise(Decimals.round(value, STORED_SCALE));
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** The derived indicators of the review year, for the report's e-procedure section (書かない窓口 by procedures). */
    private void storeDerivedIndicators(long run, FiscalYear year) {
        int seq = 0;
        for (String measure : jp.nakano.planreview.plan.KpiRow.DERIVED_MEASURES) {
            // 書かない窓口 both ways: by procedures (the 施策6 table) and by receipts (the glossary's カバー率)
            for (Weighting weighting : "eprocedure:kakanai_coverage".equals(measure) ? Weighting.values()
                    : new Weighting[] { Weighting.PROCEDURES }) {
                DerivedActuals.Derived derived = derive(run, measure, weighting, year.year());
                jdbc.update("INSERT INTO res_derived_indicator (run_id, fiscal_year, seq, measure, derived_value, reason, "
                        + "how) VALUES (?, ?, ?, ?, ?, ?, ?)", run, year.year(), ++seq,
                        measure + (weighting == Weighting.RECEIPTS ? ":receipts" : ""), stored(derived.value()),
                        derived.reason(), derived.how());
            }
        }
    }

    /** Series names of {@code res_kpi_series}, as the charts label them. */
    public static final String SERIES_PLAN = "計画";

    public static final String SERIES_ACTUAL = "実績";

    public static final String SERIES_TARGET = "目標";

    private void storeSeries(long run, FiscalYear year, Kpi kpi, List<TargetPoint> targets,
            java.util.function.Function<FiscalYear, Result> at) {
        List<Object[]> points = new ArrayList<>();
        java.util.SortedMap<FiscalYear, BigDecimal> path = calculator.expectedPath(kpi.spec(), targets);
        for (Map.Entry<FiscalYear, BigDecimal> point : path.entrySet()) {
            FiscalYear y = point.getKey();
            points.add(new Object[] { run, year.year(), kpi.spec().kpiId(), y.year(), SERIES_PLAN, stored(point.getValue()) });
            if (y.compareTo(year) <= 0) {
                Attainment then = at.apply(y).attainment();
                if (then.actual() != null && !then.definitionChanged()) {
                    points.add(new Object[] { run, year.year(), kpi.spec().kpiId(), y.year(), SERIES_ACTUAL,
                            stored(then.actual()) });
                }
            }
        }
        if (!path.isEmpty()) {
            BigDecimal base = path.get(path.firstKey());
            for (TargetPoint t : targets) {
                if ((t.kind() == TargetKind.INTERIM || t.kind() == TargetKind.FINAL) && path.containsKey(t.year())) {
                    points.add(new Object[] { run, year.year(), kpi.spec().kpiId(), t.year().year(), SERIES_TARGET,
                            stored(t.relative() ? base.add(t.value()) : t.value()) });
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO res_kpi_series (run_id, fiscal_year, kpi_id, point_year, series, point_value) "
                + "VALUES (?, ?, ?, ?, ?, ?)", points);
    }

    private void storeSummary(long run, FiscalYear year, Map<String, Map<String, List<Ranked>>> byPlanAndGoal) {
        int sortKey = 0;
        for (Map.Entry<String, Map<String, List<Ranked>>> planEntry : byPlanAndGoal.entrySet()) {
            List<Ranked> all = planEntry.getValue().values().stream().flatMap(List::stream).toList();
            Kpi first = all.get(0).kpi();
            insertSummary(run, year, ++sortKey, planEntry.getKey(), null, "計画全体", first.planName(), all);
            for (List<Ranked> goal : planEntry.getValue().values()) {
                Kpi k = goal.get(0).kpi();
                insertSummary(run, year, ++sortKey, planEntry.getKey(), k.goalId(), k.goalLabel(), k.goalName(), goal);
            }
        }
    }

    private void insertSummary(long run, FiscalYear year, int sortKey, String planId, String goalId, String label,
            String name, List<Ranked> results) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        List<String> changed = new ArrayList<>();
        for (Ranked r : results) {
            Status now = r.now();
            counts.merge(now, 1, Integer::sum);
            Status before = r.before();
            if (now.isChangeFrom(before)) {
                changed.add(r.kpi().spec().kpiId() + " " + before.word() + "→" + now.word());
            }
        }
        jdbc.update("""
                INSERT INTO res_kpi_summary (run_id, fiscal_year, sort_key, plan_id, goal_id, label, name, achieved,
                    on_track, slightly_behind, behind, worsened, not_assessed, kpis, changed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", run, year.year(), sortKey, planId, goalId,
                label, name, counts.get(Status.ACHIEVED), counts.get(Status.ON_TRACK),
                counts.get(Status.SLIGHTLY_BEHIND), counts.get(Status.BEHIND), counts.get(Status.WORSENED),
                counts.get(Status.NOT_ASSESSED), results.size(), changed.isEmpty() ? null : String.join("; ", changed));
    }

}
