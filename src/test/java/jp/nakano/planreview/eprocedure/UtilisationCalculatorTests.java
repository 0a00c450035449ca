package jp.nakano.planreview.eprocedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.eprocedure.EProcedureFigureRow.Level;
import jp.nakano.planreview.eprocedure.UtilisationRow.RateCheck;
import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.Severity;

class UtilisationCalculatorTests {

    private final UtilisationCalculator calculator = new UtilisationCalculator();

    private final List<Finding> findings = new ArrayList<>();

    @Test
    void shouldComputeTheRateAsThePlanPrintsIt() {
        UtilisationRow row = calculator.utilisation(figure("s03", Level.SYSTEM, null, "242765", "306612", "79.18"), 1,
                findings);
        assertThat(row.ratePercent()).isEqualTo("79.18");
        assertThat(row.rateCheck()).isEqualTo(RateCheck.MATCHES);
        assertThat(findings).isEmpty();
    }

    @Test
    void shouldFlagAPrintedRateThatTheFiguresDoNotGive() {
        UtilisationRow row = calculator.utilisation(figure("s03", Level.SYSTEM, null, "242765", "306612", "79.81"), 1,
                findings);
        assertThat(row.rateCheck()).isEqualTo(RateCheck.DIFFERS);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.field()).isEqualTo("published_rate");
            assertThat(f.message()).contains("79.81").contains("79.18").contains("242,765");
        });
    }

    @Test
    void shouldGiveNoRateWithoutAllReceipts() {
        UtilisationRow row = calculator.utilisation(figure("s01", Level.SYSTEM, null, "16982", null, null), 1, findings);
        assertThat(row.ratePercent()).isNull();
        assertThat(row.rateCheck()).isEqualTo(RateCheck.NOT_COMPUTABLE);
    }

    @Test
    void shouldFlagSubRowsThatDoNotAddUpWhenTheBreakdownIsComplete() {
        // the FY2020 table: 電子申請サービス 全受付件数 201,060 but its rows add up to 201,040
        EProcedureFigureRow system = figure("s01", Level.SYSTEM, null, "9782", "201060", null);
        List<EProcedureFigureRow> rows = List.of(figure("s01-p1", Level.PROCEDURE, "s01", "2563", "5177", null),
                figure("s01-p2", Level.PROCEDURE, "s01", "1087", "1527", null),
                figure("s01-p3", Level.PROCEDURE, "s01", "699", "1734", null),
                figure("s01-other", Level.OTHER, "s01", "5433", "192602", null));
        calculator.checkBreakdown(system, breakdown(rows), findings);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("eprocedure.breakdown-mismatch");
            assertThat(f.field()).isEqualTo("total_receipts");
            assertThat(f.message()).contains("201,040").contains("201,060").contains("-20");
        });
    }

    @Test
    void shouldAcceptAPartialListingBelowItsSystemButNotAbove() {
        EProcedureFigureRow system = figure("s01", Level.SYSTEM, null, "16982", null, null);
        calculator.checkBreakdown(system,
                breakdown(List.of(figure("s01-new1", Level.PROCEDURE, "s01", "4450", null, null))),
                findings);
        assertThat(findings).isEmpty();
        calculator.checkBreakdown(system,
                breakdown(List.of(figure("s01-new1", Level.PROCEDURE, "s01", "17000", null, null))),
                findings);
        assertThat(findings).singleElement().extracting(Finding::code).isEqualTo("eprocedure.breakdown-exceeds");
    }

    @Test
    void shouldReportTheReceiptsThePublishedTotalDoesNotItemise() {
        UtilisationCalculator.SystemTotals totals = new UtilisationCalculator.SystemTotals();
        totals.add(figure("s01", Level.SYSTEM, null, "1457380", "2463655", null));
        calculator.checkPublishedTotal(figure("total", Level.TOTAL, null, "1461063", null, null), totals, findings);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("1,461,063").contains("1,457,380").contains("3,683");
        });
    }

    @Test
    void shouldWarnWhenThePublishedTotalIsBelowItsParts() {
        UtilisationCalculator.SystemTotals totals = new UtilisationCalculator.SystemTotals();
        totals.add(figure("s01", Level.SYSTEM, null, "2000", null, null));
        calculator.checkPublishedTotal(figure("total", Level.TOTAL, null, "1000", null, null), totals, findings);
        assertThat(findings).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void shouldLeaveTheSumUnknownWhenAnySystemLacksTheFigure() {
        UtilisationCalculator.SystemTotals totals = new UtilisationCalculator.SystemTotals();
        totals.add(figure("s01", Level.SYSTEM, null, "100", "200", null));
        totals.add(figure("s02", Level.SYSTEM, null, "50", null, null));
        UtilisationRow total = calculator.computedTotal(2021, 9, totals);
        assertThat(total.onlineReceipts()).isEqualTo("150");
        assertThat(total.totalReceipts()).isNull();
        assertThat(total.ratePercent()).isNull();
    }

    /** What the rows add up to under their system, as the job sums them ({@link FigureQueries#breakdowns}). */
    private static UtilisationCalculator.Breakdown breakdown(List<EProcedureFigureRow> subRows) {
        FigureColumns columns = new FigureColumns();
        subRows.forEach(columns::add);
        return new FigureQueries(columns).breakdowns(2020).get(subRows.get(0).parentId());
    }

    private static EProcedureFigureRow figure(String id, Level level, String parent, String online, String total,
            String published) {
        return new EProcedureFigureRow(FiscalYear.of(2020), id, level, parent, 1, "name of " + id, null,
                online == null ? null : new BigDecimal(online), total == null ? null : new BigDecimal(total), null, null,
                null, published == null ? null : new BigDecimal(published), "test", null, "eprocedure-figures.csv", 3);
    }

}
