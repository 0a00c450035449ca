package jp.nakano.planreview.attainment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import jp.nakano.planreview.plan.PlanEnums.Weighting;

class DerivedActualsTests {

    private static final BigDecimal THRESHOLD = new BigDecimal("10000");

    @Test
    void shouldTakeOnlineApplicationsFromThePublishedWardTotal() {
        assertThat(DerivedActuals.onlineReceiptsTotal(new BigDecimal("1793615"), 2022).value())
            .isEqualByComparingTo("1793615");
        assertThat(DerivedActuals.onlineReceiptsTotal(null, 2023).reason()).contains("no ward total");
    }

    @Test
    void shouldWeighMajorProcedureCoverageByReceipts() {
        // 主要手続 with 100,000 receipts in all, 95,500 of them in online-capable procedures
        DerivedActuals.MajorProcedures m = new DerivedActuals.MajorProcedures(12, 0, 0, 0, new BigDecimal("100000"),
                new BigDecimal("95500"), new BigDecimal("65513"));

        assertThat(DerivedActuals.majorOnlineCoverage(m, THRESHOLD, 2024).value()).isEqualByComparingTo("95.5");
        // 65,513 ÷ 95,500 = 68.6%
        assertThat(DerivedActuals.majorOnlineUtilisation(m, THRESHOLD, 2024).value().setScale(1,
                java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("68.6");
    }

    @Test
    void shouldNotDeriveWhileAnyMajorProcedureLacksItsFlag() {
        DerivedActuals.MajorProcedures m = new DerivedActuals.MajorProcedures(12, 3, 0, 0, new BigDecimal("100000"),
                new BigDecimal("80000"), new BigDecimal("50000"));

        assertThat(DerivedActuals.majorOnlineCoverage(m, THRESHOLD, 2024).reason())
            .contains("online_capable is not given for 3 of the 12");
    }

    @Test
    void shouldNotCountAMissingFigureAsZero() {
        DerivedActuals.MajorProcedures unknownReceipts = new DerivedActuals.MajorProcedures(12, 0, 2, 0,
                new BigDecimal("100000"), new BigDecimal("95500"), new BigDecimal("65513"));
        DerivedActuals.MajorProcedures missingOnline = new DerivedActuals.MajorProcedures(12, 0, 0, 1,
                new BigDecimal("100000"), new BigDecimal("95500"), new BigDecimal("65513"));

        assertThat(DerivedActuals.majorOnlineCoverage(unknownReceipts, THRESHOLD, 2024).reason())
            .contains("全受付件数 is not given for 2 procedures");
        assertThat(DerivedActuals.majorOnlineUtilisation(missingOnline, THRESHOLD, 2024).reason())
            .contains("電子受付件数 is not given for 1");
        assertThat(DerivedActuals.kakanaiCoverage(new DerivedActuals.Kakanai(125, 0, 67, 3, new BigDecimal("1000"),
                new BigDecimal("400")), Weighting.RECEIPTS, 2023).reason()).contains("not given for 3");
    }

    @Test
    void shouldWeighKakanaiCoverageAsTheKpiSays() {
        // 67 of 125 procedures (53.6%), but 40% of the receipts
        DerivedActuals.Kakanai k = new DerivedActuals.Kakanai(125, 0, 67, 0, new BigDecimal("1000"), new BigDecimal("400"));

        assertThat(DerivedActuals.kakanaiCoverage(k, Weighting.PROCEDURES, 2023).value()).isEqualByComparingTo("53.6");
        assertThat(DerivedActuals.kakanaiCoverage(k, Weighting.RECEIPTS, 2023).value()).isEqualByComparingTo("40");
    }

}
