package jp.nakano.planreview.attainment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.plan.PlanEnums.Basis;
import jp.nakano.planreview.plan.PlanEnums.CumulativeEntry;
import jp.nakano.planreview.plan.PlanEnums.Direction;
import jp.nakano.planreview.plan.PlanEnums.TargetKind;

/** Each test is a worked example of {@code docs/method.md}, with the figures a person gets by hand. */
class AttainmentCalculatorTests {

    private final AttainmentCalculator calculator = new AttainmentCalculator(Thresholds.DEFAULT);

    @Test
    void shouldFindTheMyNumberCardRateBehindItsTrajectoryInFY2022() {
        // 交付率 31.6% (FY2020) → 100% (FY2023 interim) → 100% (FY2025); FY2022 actual 62.3%
        Attainment a = evaluate(kpi("k01", Direction.HIGHER, Basis.LEVEL, 2020, "31.6", 2021, 2025),
                targets(interim(2023, "100"), fin(2025, "100")), actuals(actual(2022, "62.3")), 2022);

        assertThat(a.expected()).isEqualByComparingTo("77.2");
        assertThat(percent(a.progress())).isEqualTo("44.9");
        assertThat(percent(a.expectedProgress())).isEqualTo("66.7");
        assertThat(percent(a.paceRatio())).isEqualTo("67.3");
        assertThat(a.status()).isEqualTo(Status.BEHIND);
        assertThat(a.interimFy()).isEqualTo(FiscalYear.of(2023));
        assertThat(a.interimMet()).isFalse();
        // pace since the baseline 15.35 points a year: 62.3 + 3 × 15.35 = 108.35 by FY2025
        assertThat(a.forecast()).isEqualByComparingTo("108.35");
        assertThat(a.forecastMeetsTarget()).isTrue();
    }

    @Test
    void shouldKeepAPercentageForecastAtOneHundredAndSaySo() {
        // the card rate as a percentage: the pace gives 108.35%, a share cannot pass 100%
        Attainment a = evaluate(as(kpi("k01", Direction.HIGHER, Basis.LEVEL, 2020, "31.6", 2021, 2025), "%", null),
                targets(interim(2023, "100"), fin(2025, "100")), actuals(actual(2022, "62.3")), 2022);

        assertThat(a.forecast()).isEqualByComparingTo("100");
        assertThat(a.forecastMeetsTarget()).isTrue();
        assertThat(a.reason()).contains("forecast capped at its upper bound 100 (the pace gives 108.35)");
    }

    @Test
    void shouldNeverForecastANegativeCount() {
        // 事故 14件 → 0件; 3件 in FY2022: the pace gives 3 − 11 × 3 ÷ 2 = −13.5件, and a count stops at 0
        Attainment a = evaluate(kpi("k09", Direction.LOWER, Basis.ANNUAL, 2020, "14", 2021, 2025),
                targets(fin(2025, "0")), actuals(actual(2022, "3")), 2022);

        assertThat(a.forecast()).isEqualByComparingTo("0");
        assertThat(a.forecastMeetsTarget()).isTrue();
        assertThat(a.reason()).contains("forecast capped at its lower bound 0 (the pace gives -13.5)");
    }

    @Test
    void shouldKeepAFractionForecastWithinItsWhole() {
        // 0/15 → 15/15; 12/15 in FY2022: the pace gives 30/15, the whole is 15
        Attainment a = evaluate(as(kpi("k08", Direction.HIGHER, Basis.LEVEL, 2020, "0", 2021, 2025), "事業", "15"),
                targets(fin(2025, "15")), actuals(actual(2022, "12")), 2022);

        assertThat(a.forecast()).isEqualByComparingTo("15");
        assertThat(a.reason()).contains("upper bound 15");
    }

    @Test
    void shouldLeaveAForecastInsideItsRangeAsThePaceGivesIt() {
        Attainment a = evaluate(as(kpi("k01", Direction.HIGHER, Basis.LEVEL, 2020, "31.6", 2021, 2025), "%", null),
                targets(fin(2025, "100")), actuals(actual(2022, "40")), 2022);

        assertThat(a.forecast()).isEqualByComparingTo("52.6"); // 40 + 8.4 × 3 ÷ 2
        assertThat(a.reason()).isNull();
    }

    @Test
    void shouldFindOnlineApplicationsPastTheirInterimTargetInFY2022() {
        // 約146万件 (1,461,063, FY2020) → 170万件 (FY2023) → 200万件 (FY2025); FY2022 1,793,615
        Attainment a = evaluate(kpi("k02", Direction.HIGHER, Basis.ANNUAL, 2020, "1461063", 2021, 2025),
                targets(interim(2023, "1700000"), fin(2025, "2000000")), actuals(actual(2022, "1793615")), 2022);

        assertThat(a.interimMet()).isTrue();
        assertThat(Decimals.round(a.expected(), 0)).isEqualByComparingTo("1620354");
        assertThat(percent(a.paceRatio())).isEqualTo("208.8");
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        assertThat(percent(a.progress())).isEqualTo("61.7");
    }

    @Test
    void shouldMeasureProgressTheSameWayForLowerIsBetter() {
        // 情報セキュリティ事故 14件 → 0件: 3件 is (3 − 14) ÷ (0 − 14) = 78.6% of the way
        Attainment a = evaluate(kpi("k09", Direction.LOWER, Basis.ANNUAL, 2020, "14", 2021, 2025),
                targets(interim(2023, "0"), fin(2025, "0")), actuals(actual(2022, "3")), 2022);

        assertThat(percent(a.progress())).isEqualTo("78.6");
        assertThat(Decimals.round(a.expected(), 2)).isEqualByComparingTo("4.67");
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void shouldCallAZeroTargetAchievedOnlyAtZero() {
        KpiSpec incidents = kpi("k09", Direction.LOWER, Basis.ANNUAL, 2020, "14", 2021, 2025);
        List<TargetPoint> zero = targets(interim(2023, "0"), fin(2025, "0"));

        assertThat(evaluate(incidents, zero, actuals(actual(2024, "0")), 2024).status()).isEqualTo(Status.ACHIEVED);
        assertThat(evaluate(incidents, zero, actuals(actual(2024, "1")), 2024).status()).isNotEqualTo(Status.ACHIEVED);
    }

    @Test
    void shouldFlagAKpiThatMovedAwayFromItsTarget() {
        // 地図情報の問い合わせ 約12万件 → 約6万件: 13万件 is worse than the baseline
        Attainment a = evaluate(kpi("k03", Direction.LOWER, Basis.ANNUAL, 2020, "120000", 2021, 2025),
                targets(fin(2025, "60000")), actuals(actual(2023, "130000")), 2023);

        assertThat(a.status()).isEqualTo(Status.WORSENED);
        assertThat(a.status().word()).isEqualTo("悪化");
        assertThat(a.status().symbol()).isEqualTo("×");
    }

    @Test
    void shouldCallItSlightlyBehindBetweenEightyAndHundredPercentOfThePace() {
        // 12万件 → 6万件 by FY2025, no interim: FY2023 expects 84,000; 90,000 is 0.5 ÷ 0.6 = 83.3% of the pace
        Attainment a = evaluate(kpi("k03", Direction.LOWER, Basis.ANNUAL, 2020, "120000", 2021, 2025),
                targets(fin(2025, "60000")), actuals(actual(2023, "90000")), 2023);

        assertThat(a.expected()).isEqualByComparingTo("84000");
        assertThat(percent(a.paceRatio())).isEqualTo("83.3");
        assertThat(a.status()).isEqualTo(Status.SLIGHTLY_BEHIND);
    }

    @Test
    void shouldReadACumulativeKpiAsItsRunningTotal() {
        // AI・RPA業務改善数 (累計) 2 → 7 (FY2023) → 15 (FY2025); FY2022 running total 5
        KpiSpec running = kpi("k07", Direction.HIGHER, Basis.CUMULATIVE, 2020, "2", 2021, 2025);
        Attainment a = evaluate(running, targets(interim(2023, "7"), fin(2025, "15")), actuals(actual(2022, "5")), 2022);

        assertThat(a.actual()).isEqualByComparingTo("5");
        assertThat(percent(a.progress())).isEqualTo("23.1");
    }

    @Test
    void shouldAddUpIncrementsOfACumulativeKpi() {
        // the same KPI entered as yearly additions: 2 + 1 (FY2021) + 2 (FY2022) = 5
        KpiSpec increments = withEntry(kpi("k07", Direction.HIGHER, Basis.CUMULATIVE, 2020, "2", 2021, 2025),
                CumulativeEntry.INCREMENT);
        Attainment a = evaluate(increments, targets(interim(2023, "7"), fin(2025, "15")),
                actuals(actual(2021, "1"), actual(2022, "2")), 2022);

        assertThat(a.actual()).isEqualByComparingTo("5");
        assertThat(a.actualSource()).contains("running total");
    }

    @Test
    void shouldNotGuessARunningTotalWhenAnIncrementIsMissing() {
        KpiSpec increments = withEntry(kpi("k07", Direction.HIGHER, Basis.CUMULATIVE, 2020, "2", 2021, 2025),
                CumulativeEntry.INCREMENT);
        Attainment a = evaluate(increments, targets(fin(2025, "15")), actuals(actual(2022, "2")), 2022);

        assertThat(a.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(a.reason()).contains("no increment for FY2021");
    }

    @Test
    void shouldStartANotYetStartedKpiAtZeroBeforeThePlan() {
        // BPRの実践事例数 (累計) [未実施] → 25件 by FY2030, おおむね5件 a year: FY2027 expects 10; 8 is 80% of the pace
        KpiSpec bpr = notStarted(kpi("k20", Direction.HIGHER, Basis.CUMULATIVE, 0, null, 2026, 2030));
        Attainment a = evaluate(bpr, targets(fin(2030, "25"), pace(2026, "5")), actuals(actual(2027, "8")), 2027);

        assertThat(a.baselineFy()).isEqualTo(FiscalYear.of(2025));
        assertThat(a.baseline()).isEqualByComparingTo("0");
        assertThat(a.expected()).isEqualByComparingTo("10");
        assertThat(a.paceRatio()).isEqualByComparingTo("0.8");
        assertThat(a.status()).isEqualTo(Status.SLIGHTLY_BEHIND);
        assertThat(a.reason()).contains("[未実施]");
    }

    @Test
    void shouldFollowAMilestoneAndAYearlyPace() {
        // ナカペイ DL数 約6.8万件 (FY2024) → 10万件 (FY2025 milestone) → +1万件 a year → 15万件 (FY2030)
        KpiSpec nakapay = kpi("k01", Direction.HIGHER, Basis.CUMULATIVE, 2024, "68000", 2026, 2030);
        List<TargetPoint> path = targets(milestone(2025, "100000"), pace(2026, "10000"), fin(2030, "150000"));

        assertThat(evaluate(nakapay, path, actuals(actual(2027, "115000")), 2027).expected())
            .isEqualByComparingTo("120000");
        Attainment a = evaluate(nakapay, path, actuals(actual(2027, "115000")), 2027);
        assertThat(percent(a.paceRatio())).isEqualTo("90.4");
        assertThat(a.status()).isEqualTo(Status.SLIGHTLY_BEHIND);
        assertThat(evaluate(nakapay, path, actuals(actual(2029, "140000")), 2029).expected())
            .isEqualByComparingTo("140000");
    }

    @Test
    void shouldResolveATargetRelativeToTheBaseline() {
        // 収納事務 3,500時間, 目標 実施前比 ▲500時間 → 3,000時間; the baseline has no year: FY2025
        KpiSpec hours = kpi("k17", Direction.LOWER, Basis.ANNUAL, 0, "3500", 2026, 2030);
        Attainment a = evaluate(hours, targets(new TargetPoint(FiscalYear.of(2030), TargetKind.FINAL,
                new BigDecimal("-500"), true, "実施前比 ▲500時間")), actuals(actual(2028, "3300")), 2028);

        assertThat(a.finalTarget()).isEqualByComparingTo("3000");
        assertThat(a.baselineFy()).isEqualTo(FiscalYear.of(2025));
        assertThat(a.expected()).isEqualByComparingTo("3200");
        assertThat(percent(a.paceRatio())).isEqualTo("66.7");
        assertThat(a.status()).isEqualTo(Status.BEHIND);
        assertThat(a.reason()).contains("no year for the baseline");
    }

    @Test
    void shouldTreatAFractionByItsNumerator() {
        // 標準化システムへ移行した事業数 0/15 → 1/15 (FY2023) → 15/15 (FY2025): 8/15 in FY2024 is on the path
        Attainment a = evaluate(kpi("k08", Direction.HIGHER, Basis.LEVEL, 2020, "0", 2021, 2025),
                targets(interim(2023, "1"), fin(2025, "15")), actuals(actual(2024, "8")), 2024);

        assertThat(a.expected()).isEqualByComparingTo("8");
        assertThat(a.paceRatio()).isEqualByComparingTo("1");
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void shouldKeepALevelWhenTheTargetEqualsTheBaseline() {
        KpiSpec keep = kpi("kx", Direction.HIGHER, Basis.LEVEL, 2020, "100", 2021, 2025);
        List<TargetPoint> same = targets(fin(2025, "100"));

        Attainment kept = evaluate(keep, same, actuals(actual(2022, "100")), 2022);
        assertThat(kept.status()).isEqualTo(Status.ACHIEVED);
        assertThat(kept.progress()).isNull();
        assertThat(evaluate(keep, same, actuals(actual(2022, "98")), 2022).status()).isEqualTo(Status.WORSENED);
    }

    @Test
    void shouldCallAnActualBeyondTheTargetAchieved() {
        // 団体数 2 → 6: 7 団体 is 125% of the way
        Attainment a = evaluate(kpi("k05", Direction.HIGHER, Basis.LEVEL, 2020, "2", 2021, 2025),
                targets(interim(2023, "4"), fin(2025, "6")), actuals(actual(2022, "7")), 2022);

        assertThat(a.status()).isEqualTo(Status.ACHIEVED);
        assertThat(a.progress()).isEqualByComparingTo("1.25");
    }

    @Test
    void shouldNotAssessAMissingYearAndNameTheLatestActual() {
        Attainment a = evaluate(kpi("k01", Direction.HIGHER, Basis.LEVEL, 2020, "31.6", 2021, 2025),
                targets(interim(2023, "100"), fin(2025, "100")), actuals(actual(2022, "62.3")), 2024);

        assertThat(a.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(a.reason()).contains("no actual for FY2024").contains("latest actual is for FY2022");
        assertThat(a.expected()).isEqualByComparingTo("100");
    }

    @Test
    void shouldEvaluateAProvisionalFigureAndSaySo() {
        Attainment a = evaluate(kpi("k01", Direction.HIGHER, Basis.LEVEL, 2020, "31.6", 2021, 2025),
                targets(interim(2023, "100"), fin(2025, "100")),
                List.of(new ActualFigure(FiscalYear.of(2022), new BigDecimal("62.3"), true, null, null, "test")), 2022);

        assertThat(a.provisional()).isTrue();
        assertThat(a.status()).isEqualTo(Status.BEHIND);
        assertThat(a.reason()).contains("速報値");
    }

    @Test
    void shouldNeverCompareAFigureOfAnotherDefinition() {
        // a 保有枚数率 figure for a 交付枚数率 KPI
        Attainment a = evaluate(kpi("k01", Direction.HIGHER, Basis.LEVEL, 2020, "31.6", 2021, 2025),
                targets(interim(2023, "100"), fin(2025, "100")), List.of(new ActualFigure(FiscalYear.of(2023),
                        new BigDecimal("70.1"), false, null, "保有枚数率", "test")), 2023);

        assertThat(a.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(a.definitionChanged()).isTrue();
        assertThat(a.progress()).isNull();
        assertThat(a.reason()).contains("保有枚数率").contains("not compared");
    }

    @Test
    void shouldNeverCompareAFigureInAnotherUnit() {
        Attainment a = evaluate(kpi("k02", Direction.HIGHER, Basis.ANNUAL, 2020, "1461063", 2021, 2025),
                targets(fin(2025, "2000000")), List.of(new ActualFigure(FiscalYear.of(2022), new BigDecimal("1794"),
                        false, "千件", null, "test")), 2022);

        assertThat(a.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(a.definitionChanged()).isTrue();
        assertThat(a.reason()).contains("is in 千件, the KPI in 件").contains("not compared");
    }

    @Test
    void shouldNotAssessAYearBeforeTheBaseline() {
        Attainment a = evaluate(kpi("k01", Direction.HIGHER, Basis.LEVEL, 2020, "31.6", 2021, 2025),
                targets(fin(2025, "100")), actuals(actual(2019, "21.4")), 2019);

        assertThat(a.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(a.reason()).contains("before the baseline year FY2020");
    }

    @Test
    void shouldTakeTheBaselineAsTheActualOfItsYearButNotRateIt() {
        Attainment a = evaluate(kpi("k01", Direction.HIGHER, Basis.LEVEL, 2020, "31.6", 2021, 2025),
                targets(fin(2025, "100")), List.of(), 2020);

        assertThat(a.actual()).isEqualByComparingTo("31.6");
        // nothing was expected of the year the plan measures from
        assertThat(a.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(a.reason()).contains("FY2020 is the baseline year: not rated");
    }

    @Test
    void shouldNotRateAYearBeforeThePlanStarts() {
        // アプリダウンロード数 約6.8万件 (FY2024); the plan runs FY2026–2030: FY2025 is before it
        Attainment a = evaluate(kpi("k01", Direction.HIGHER, Basis.CUMULATIVE, 2024, "68000", 2026, 2030),
                targets(milestone(2025, "100000"), fin(2030, "150000")), actuals(actual(2025, "90000")), 2025);

        assertThat(a.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(a.actual()).isEqualByComparingTo("90000");
        assertThat(a.reason()).contains("FY2025 is before the plan period FY2026–FY2030: not rated");
    }

    @Test
    void shouldNotAssessAYearAfterThePlanPeriod() {
        Attainment a = evaluate(kpi("k01", Direction.HIGHER, Basis.LEVEL, 2020, "31.6", 2021, 2025),
                targets(fin(2025, "100")), actuals(actual(2026, "80")), 2026);

        assertThat(a.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(a.reason()).contains("after the plan period FY2021–FY2025");
    }

    @Test
    void shouldPlaceAPaceOfExactlyEightyPercentInSlightlyBehindDespiteThirds() {
        // 0 (FY2020) → 3 (FY2023): FY2022 expects 2; 1.6 is exactly 80% of the pace, though 2/3 does not terminate
        Attainment a = evaluate(kpi("kx", Direction.HIGHER, Basis.LEVEL, 2020, "0", 2021, 2023),
                targets(fin(2023, "3")), actuals(actual(2022, "1.6")), 2022);

        assertThat(a.paceRatio()).isEqualByComparingTo("0.8");
        assertThat(a.status()).isEqualTo(Status.SLIGHTLY_BEHIND);
    }

    @Test
    void shouldForecastExactlyWhenThePaceMeetsTheTarget() {
        // 0 (FY2020) → 2 (FY2026): 1 in FY2023 is a third a year, which reaches exactly 2
        Attainment a = evaluate(kpi("kx", Direction.HIGHER, Basis.LEVEL, 2020, "0", 2021, 2026),
                targets(fin(2026, "2")), actuals(actual(2023, "1")), 2023);

        assertThat(a.forecast()).isEqualByComparingTo("2");
        assertThat(a.forecastMeetsTarget()).isTrue();
    }

    // --- fixtures ---

    private Attainment evaluate(KpiSpec kpi, List<TargetPoint> targets, List<ActualFigure> actuals, int year) {
        return calculator.evaluate(kpi, targets, actuals, FiscalYear.of(year));
    }

    private static KpiSpec kpi(String id, Direction direction, Basis basis, int baselineFy, String baseline,
            int firstFy, int lastFy) {
        return new KpiSpec(id, "name of " + id, "件", "definition of " + id, direction, basis,
                basis == Basis.CUMULATIVE ? CumulativeEntry.RUNNING_TOTAL : null,
                baselineFy == 0 ? null : FiscalYear.of(baselineFy), baseline == null ? null : new BigDecimal(baseline),
                false, FiscalYear.of(firstFy), FiscalYear.of(lastFy));
    }

    private static KpiSpec as(KpiSpec k, String unit, String denominator) {
        return new KpiSpec(k.kpiId(), k.name(), unit, k.definition(), k.direction(), k.basis(), k.cumulativeEntry(),
                k.baselineFy(), k.baselineValue(), k.notStarted(), k.planFirstFy(), k.planLastFy(),
                denominator == null ? null : new BigDecimal(denominator));
    }

    private static KpiSpec withEntry(KpiSpec k, CumulativeEntry entry) {
        return new KpiSpec(k.kpiId(), k.name(), k.unit(), k.definition(), k.direction(), k.basis(), entry,
                k.baselineFy(), k.baselineValue(), k.notStarted(), k.planFirstFy(), k.planLastFy());
    }

    private static KpiSpec notStarted(KpiSpec k) {
        return new KpiSpec(k.kpiId(), k.name(), k.unit(), k.definition(), k.direction(), k.basis(),
                k.cumulativeEntry(), null, null, true, k.planFirstFy(), k.planLastFy());
    }

    private static List<TargetPoint> targets(TargetPoint... points) {
        return List.of(points);
    }

    private static TargetPoint interim(int year, String value) {
        return new TargetPoint(FiscalYear.of(year), TargetKind.INTERIM, new BigDecimal(value), false, value);
    }

    private static TargetPoint fin(int year, String value) {
        return new TargetPoint(FiscalYear.of(year), TargetKind.FINAL, new BigDecimal(value), false, value);
    }

    private static TargetPoint milestone(int year, String value) {
        return new TargetPoint(FiscalYear.of(year), TargetKind.MILESTONE, new BigDecimal(value), false, value);
    }

    private static TargetPoint pace(int year, String value) {
        return new TargetPoint(FiscalYear.of(year), TargetKind.PACE, new BigDecimal(value), false, value);
    }

    private static List<ActualFigure> actuals(ActualFigure... figures) {
        return new ArrayList<>(List.of(figures));
    }

    private static ActualFigure actual(int year, String value) {
        return new ActualFigure(FiscalYear.of(year), new BigDecimal(value), false, null, null, "test");
    }

    /** A ratio as a percentage with one decimal, the way the review prints it. */
    private static String percent(BigDecimal ratio) {
        return Decimals.round(ratio.multiply(BigDecimal.valueOf(100)), 1).toPlainString();
    }

}
