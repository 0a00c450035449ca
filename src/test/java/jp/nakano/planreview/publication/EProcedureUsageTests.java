package jp.nakano.planreview.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.nakano.planreview.common.FiscalYear;

/** The yearly 電子申請の利用状況 computed from the input figures, in plain Java. */
class EProcedureUsageTests {

    private static BigDecimal n(long value) {
        return BigDecimal.valueOf(value);
    }

    private static final List<EProcedureUsage.WardTotal> TOTALS = List.of(
            new EProcedureUsage.WardTotal(2020, n(320), null, n(1_461_063), "s2020"),
            new EProcedureUsage.WardTotal(2021, null, null, n(1_706_697), "s2021"),
            new EProcedureUsage.WardTotal(2022, n(423), n(2_441_639), n(1_793_615), "s2022"));

    private static final List<EProcedureUsage.Listed> LISTED = List.of(
            new EProcedureUsage.Listed(2020, "system", "s01", null, "東京電子自治体共同運営電子申請サービス", n(9782), n(201060)),
            new EProcedureUsage.Listed(2020, "procedure", "s01-p1", "s01", "区民健診の申込み", n(2563), n(5177)),
            new EProcedureUsage.Listed(2021, "system", "s01", null, "東京電子自治体共同運営電子申請サービス", n(16982), null),
            new EProcedureUsage.Listed(2021, "procedure", "s01-new1", "s01", "体験事業参加申込等", n(868), null),
            new EProcedureUsage.Listed(2021, "system", "s09", null, "新しい　システム", n(5), null),
            new EProcedureUsage.Listed(2022, "system", "s01", null, "東京電子自治体共同運営電子申請サービス", n(30507), null));

    @Test
    void shouldComputeTheChangeAgainstThePreviousYearOnlyWhereBothYearsHaveTheFigure() {
        List<EProcedureUsage.Year> years = EProcedureUsage.years(TOTALS, LISTED, FiscalYear.of(2022));

        assertThat(years).extracting(y -> y.year().year()).containsExactly(2020, 2021, 2022);
        assertThat(years.get(0).onlineReceiptsChange()).isNull();
        assertThat(years.get(0).hasPrevious()).isFalse();
        assertThat(years.get(1).onlineReceiptsChange()).isEqualByComparingTo("245634");
        assertThat(years.get(2).onlineReceiptsChange()).isEqualByComparingTo("86918");
        // 手続数 of FY2021 is not published: no change either side of it
        assertThat(years.get(1).proceduresChange()).isNull();
        assertThat(years.get(2).proceduresChange()).isNull();
        assertThat(years.get(2).totalReceiptsChange()).isNull();
    }

    @Test
    void shouldComputeTheRateExactlyAndRoundItHalfUpOnlyForDisplay() {
        EProcedureUsage.Year fy2022 = EProcedureUsage.years(TOTALS, LISTED, FiscalYear.of(2022)).get(2);

        // 1,793,615 ÷ 2,441,639 = 0.734590…
        assertThat(fy2022.ratePercent()).isBetween(new BigDecimal("73.459"), new BigDecimal("73.460"));
        assertThat(UsageFigures.rate(fy2022.ratePercent())).isEqualTo("73.46%");
        assertThat(UsageFigures.rateValue(fy2022.ratePercent())).isEqualByComparingTo("73.46");
        assertThat(EProcedureUsage.years(TOTALS, LISTED, FiscalYear.of(2022)).get(1).ratePercent()).isNull();
    }

    @Test
    void shouldListTheSystemsAndProceduresThePreviousYearsListingDoesNotName() {
        List<EProcedureUsage.Year> years = EProcedureUsage.years(TOTALS, LISTED, FiscalYear.of(2022));

        assertThat(years.get(0).addedSystems()).as("no listing to compare with").isNull();
        assertThat(years.get(1).addedSystems()).extracting(EProcedureUsage.Entry::name).containsExactly("新しい　システム");
        assertThat(years.get(1).addedProcedures()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("体験事業参加申込等");
            assertThat(e.system()).isEqualTo("東京電子自治体共同運営電子申請サービス");
            assertThat(e.onlineReceipts()).isEqualByComparingTo("868");
        });
        assertThat(years.get(2).addedSystems()).isEmpty();
        assertThat(years.get(2).addedProcedures()).isEmpty();
        assertThat(UsageFigures.additions(years.get(2))).isEqualTo("前年度の一覧にないシステム・手続の掲載なし");
    }

    @Test
    void shouldStopAtTheReviewYear() {
        assertThat(EProcedureUsage.years(TOTALS, LISTED, FiscalYear.of(2021))).extracting(y -> y.year().year())
            .containsExactly(2020, 2021);
    }

    @Test
    void shouldWriteChangesInWordsAsTheWardDoes() {
        assertThat(UsageFigures.change(n(86_918), true)).isEqualTo("86,918件増加");
        assertThat(UsageFigures.change(n(-1_200), true)).isEqualTo("1,200件減少");
        assertThat(UsageFigures.change(BigDecimal.ZERO, true)).isEqualTo("増減なし");
        assertThat(UsageFigures.change(null, false)).isEqualTo("前年度の数値なし");
        assertThat(UsageFigures.count(null)).isEqualTo("公表値なし");
        // a rate's change in points, between the rates as printed
        assertThat(UsageFigures.pointChange(new BigDecimal("73.459"), new BigDecimal("72.9349"), true)).isEqualTo("0.53ポイント上昇");
        assertThat(UsageFigures.pointChange(new BigDecimal("70"), new BigDecimal("71.5"), true)).isEqualTo("1.50ポイント低下");
        assertThat(UsageFigures.pointChange(new BigDecimal("70"), null, true)).isEqualTo("比較できません");
    }

}
