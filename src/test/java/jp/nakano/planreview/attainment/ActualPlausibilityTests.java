package jp.nakano.planreview.attainment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.nakano.planreview.common.FiscalYear;

class ActualPlausibilityTests {

    private static final List<BigDecimal> TENS = List.of(new BigDecimal("31.6"), new BigDecimal("100"));

    @Test
    void shouldRejectARateTypedAsAFractionWhenItsWordingSaysSo() {
        List<ActualPlausibility.Problem> problems = ActualPlausibility.check(actual("0.623", "62.3%", "%", TENS, null));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.error()).isTrue();
            assertThat(p.code()).isEqualTo("kpi.actual-fraction");
            assertThat(p.message()).contains("0.623").contains("62.3%").contains("百分率の数で書く（62.3）");
        });
    }

    @Test
    void shouldWarnOfARateBelowOnePercentWhereBaselineAndTargetsAreTens() {
        List<ActualPlausibility.Problem> problems = ActualPlausibility.check(actual("0.623", null, "%", TENS,
                new BigDecimal("46.0")));

        assertThat(problems).extracting(ActualPlausibility.Problem::error).containsOnly(false);
        assertThat(problems).extracting(ActualPlausibility.Problem::message)
            .anySatisfy(m -> assertThat(m).contains("1%未満").contains("31.6%〜100%"))
            .anySatisfy(m -> assertThat(m).contains("前年度の 46").contains("倍"));
    }

    @Test
    void shouldAcceptARateBelowOnePercentWhereTheBaselineIsBelowOnePercentToo() {
        // dx2026-k16: baseline 0.6%, target 100%
        assertThat(ActualPlausibility.check(actual("0.8", "0.8%", "%",
                List.of(new BigDecimal("0.6"), new BigDecimal("100")), null))).isEmpty();
    }

    @Test
    void shouldWarnOfAShareOutsideZeroToHundred() {
        assertThat(ActualPlausibility.check(actual("120.5", null, "%", List.of(), null)))
            .singleElement()
            .satisfies(p -> assertThat(p.message()).contains("120.5% は0〜100%の範囲外"));
    }

    @Test
    void shouldWarnOfMoreThanTenTimesTheYearBeforeOrTheBaselineAndTargets() {
        assertThat(ActualPlausibility.check(actual("412260", null, "件", List.of(), new BigDecimal("4122"))))
            .singleElement()
            .satisfies(p -> assertThat(p.message()).contains("前年度の 4122 の約100倍"));
        assertThat(ActualPlausibility.check(actual("2000000000", null, "件",
                List.of(new BigDecimal("1461063"), new BigDecimal("2000000")), null)))
            .singleElement()
            .satisfies(p -> assertThat(p.message()).contains("10倍を超える"));
        // within ten times: nothing to say
        assertThat(ActualPlausibility.check(actual("1700000", "170万件", "件",
                List.of(new BigDecimal("1461063")), new BigDecimal("1500000")))).isEmpty();
    }

    @Test
    void shouldWarnWhenTheValueAndItsWordingDisagree() {
        assertThat(ActualPlausibility.check(actual("62.4", "62.3%", "%", TENS, null)))
            .singleElement()
            .satisfies(p -> {
                assertThat(p.error()).isFalse();
                assertThat(p.code()).isEqualTo("kpi.actual-text-differs");
            });
    }

    @Test
    void shouldNotCompareAFigureOfPartOfAYear() {
        ActualPlausibility.Actual april = new ActualPlausibility.Actual("ref-mynumber-issued", FiscalYear.of(2021),
                new BigDecimal("2709"), null, "件", null, List.of(), new BigDecimal("34968"), true, false);

        assertThat(ActualPlausibility.check(april)).isEmpty();
    }

    private static ActualPlausibility.Actual actual(String value, String text, String unit, List<BigDecimal> reference,
            BigDecimal previous) {
        return new ActualPlausibility.Actual("k", FiscalYear.of(2022), new BigDecimal(value), text, unit, null,
                reference, previous, false, false);
    }

}
