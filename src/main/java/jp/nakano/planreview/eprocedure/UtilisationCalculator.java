package jp.nakano.planreview.eprocedure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.eprocedure.UtilisationRow.RateCheck;
import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.Severity;

/**
 * Computes the 電子手続利用率 (電子受付件数 ÷ 全受付件数) of e-procedure rows as the plan prints it, in percent
 * with two decimals rounded half-up, and checks that the rows of the table agree with each other.
 * Plain Java: the batch layer only feeds it rows.
 */
public final class UtilisationCalculator {

    /** The plan prints 電子手続利用率 with two decimals (49.51%). */
    public static final int RATE_SCALE = 2;

    /** Level code of the row this calculator adds: the sum of the system rows of a year. */
    public static final String COMPUTED_TOTAL = "computed_total";

    /** Name of the computed total row, as the reports show it. */
    public static final String COMPUTED_TOTAL_NAME = "掲載システム合計";

    /** 電子手続利用率 in percent, rounded for display; {@code null} when 全受付件数 is unknown or zero. */
    public static BigDecimal ratePercent(BigDecimal onlineReceipts, BigDecimal totalReceipts) {
        return Decimals.percent(onlineReceipts, totalReceipts, RATE_SCALE);
    }

    /** The utilisation of one input row, with its rate checked against the printed one. */
    public UtilisationRow utilisation(EProcedureFigureRow figure, int sortKey, List<Finding> findings) {
        BigDecimal rate = ratePercent(figure.onlineReceipts(), figure.totalReceipts());
        RateCheck check = checkRate(rate, figure.publishedRate());
        if (check == RateCheck.DIFFERS) {
            findings.add(Finding.of(Severity.WARNING, "eprocedure.rate-differs", figure.sourceFile(),
                    figure.sourceLine(), "published_rate", Decimals.plain(figure.publishedRate()),
                    figure.fiscalYear().label() + " " + figure.name() + ": 計画に記載の電子手続利用率 "
                            + Decimals.plain(figure.publishedRate()) + "% が 電子受付件数 ÷ 全受付件数 = "
                            + grouped(figure.onlineReceipts()) + " ÷ " + grouped(figure.totalReceipts()) + " = "
                            + rate.toPlainString() + "% と異なる"));
        }
        return new UtilisationRow(figure.fiscalYear().year(), sortKey, figure.rowId(), figure.level().code(),
                figure.parentId(), figure.seq(), figure.name(), figure.procedureCount(), figure.onlineReceipts(),
                figure.totalReceipts(), rate, figure.publishedRate(), check, figure.sourceFile(), figure.sourceLine());
    }

    private static RateCheck checkRate(BigDecimal rate, BigDecimal published) {
        if (rate == null) {
            return RateCheck.NOT_COMPUTABLE;
        }
        if (published == null) {
            return RateCheck.NOT_PUBLISHED;
        }
        return Decimals.round(published, RATE_SCALE).compareTo(rate) == 0 ? RateCheck.MATCHES : RateCheck.DIFFERS;
    }

    /**
     * What the rows listed under one system add up to: their number, whether a remainder row (上記以外)
     * makes the listing complete, and each figure's sum, {@code null} where any row lacks the figure
     * ({@link FigureQueries#breakdowns} adds them up).
     */
    public record Breakdown(long rows, boolean complete, BigDecimal onlineReceipts, BigDecimal totalReceipts,
            BigDecimal procedureCount) {
    }

    /**
     * Checks the rows listed under a system against the system row. With a remainder row (上記以外) the
     * breakdown is complete and must add up exactly; without one it is a partial listing and must not
     * exceed the system row. A figure that some row lacks is not compared.
     */
    public void checkBreakdown(EProcedureFigureRow system, Breakdown breakdown, List<Finding> findings) {
        if (breakdown.rows() == 0) {
            return;
        }
        checkBreakdownOf(system, breakdown, "online_receipts", "電子受付件数", system.onlineReceipts(),
                breakdown.onlineReceipts(), findings);
        checkBreakdownOf(system, breakdown, "total_receipts", "全受付件数", system.totalReceipts(),
                breakdown.totalReceipts(), findings);
        checkBreakdownOf(system, breakdown, "procedure_count", "手続数", system.procedureCount(),
                breakdown.procedureCount(), findings);
    }

    private static void checkBreakdownOf(EProcedureFigureRow system, Breakdown breakdown, String field, String term,
            BigDecimal systemValue, BigDecimal sum, List<Finding> findings) {
        if (systemValue == null || sum == null) {
            return;
        }
        int cmp = sum.compareTo(systemValue);
        if (breakdown.complete() && cmp != 0) {
            findings.add(Finding.of(Severity.WARNING, "eprocedure.breakdown-mismatch", system.sourceFile(),
                    system.sourceLine(), field, grouped(systemValue),
                    system.fiscalYear().label() + " " + system.name() + ": 内訳の" + breakdown.rows()
                            + "行（主な手続と上記以外）の" + term + "の合計 " + grouped(sum)
                            + " がシステム行の " + grouped(systemValue) + " と一致しない（差 "
                            + grouped(sum.subtract(systemValue)) + "）"));
        }
        else if (!breakdown.complete() && cmp > 0) {
            findings.add(Finding.of(Severity.WARNING, "eprocedure.breakdown-exceeds", system.sourceFile(),
                    system.sourceLine(), field, grouped(systemValue),
                    system.fiscalYear().label() + " " + system.name() + ": 内訳の手続の" + term
                            + "の合計 " + grouped(sum) + " がシステム行の " + grouped(systemValue) + " を超える"));
        }
    }

    /** Adds up the system rows of a year; a figure missing in any system row leaves that total unknown. */
    public static final class SystemTotals {

        private BigDecimal procedures = BigDecimal.ZERO;

        private BigDecimal online = BigDecimal.ZERO;

        private BigDecimal total = BigDecimal.ZERO;

        private long systems;

        public SystemTotals() {
        }

        /** Totals summed elsewhere (by the database); {@code null} for a figure some system lacks. */
        public SystemTotals(long systems, BigDecimal procedures, BigDecimal online, BigDecimal total) {
            this.systems = systems;
            this.procedures = procedures;
            this.online = online;
            this.total = total;
        }

        public void add(EProcedureFigureRow system) {
            systems++;
            procedures = plus(procedures, system.procedureCount());
            online = plus(online, system.onlineReceipts());
            total = plus(total, system.totalReceipts());
        }

        private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
            return sum == null || value == null ? null : sum.add(value);
        }

        public long systems() {
            return systems;
        }

        public BigDecimal procedures() {
            return procedures;
        }

        public BigDecimal online() {
            return online;
        }

        public BigDecimal total() {
            return total;
        }

    }

    /** The computed total row of a year: the sum of its system rows and its rate. */
    public UtilisationRow computedTotal(int fiscalYear, int sortKey, SystemTotals totals) {
        BigDecimal rate = ratePercent(totals.online(), totals.total());
        return new UtilisationRow(fiscalYear, sortKey, COMPUTED_TOTAL, COMPUTED_TOTAL, null, 0, COMPUTED_TOTAL_NAME,
                totals.procedures(), totals.online(), totals.total(), rate, null,
                rate == null ? RateCheck.NOT_COMPUTABLE : RateCheck.NOT_PUBLISHED, null, null);
    }

    /**
     * Compares a published ward-wide total with the sum of the systems listed. The plan's table lists
     * only the main systems, so a total above the sum is information; a total below it is a warning.
     */
    public void checkPublishedTotal(EProcedureFigureRow published, SystemTotals totals, List<Finding> findings) {
        if (totals.systems() == 0) {
            return;
        }
        List<String> notes = new ArrayList<>();
        boolean below = false;
        below |= compareTotal("電子受付件数", published.onlineReceipts(), totals.online(), notes);
        below |= compareTotal("全受付件数", published.totalReceipts(), totals.total(), notes);
        below |= compareTotal("手続数", published.procedureCount(), totals.procedures(), notes);
        if (notes.isEmpty()) {
            return;
        }
        findings.add(Finding.of(below ? Severity.WARNING : Severity.INFO, "eprocedure.total-vs-systems",
                published.sourceFile(), published.sourceLine(), null, null,
                published.fiscalYear().label() + ": 区全体の公表値が掲載システム（" + totals.systems()
                        + "システム）の合計と異なる: " + String.join("、", notes)
                        + (below ? "。合計が内訳より小さいため確認が必要"
                                : "。表には主なシステムだけが掲載されている")));
    }

    private static boolean compareTotal(String term, BigDecimal published, BigDecimal sum, List<String> notes) {
        if (published == null || sum == null || published.compareTo(sum) == 0) {
            return false;
        }
        notes.add(term + " 区全体 " + grouped(published) + "・システム合計 " + grouped(sum) + "（内訳なし "
                + grouped(published.subtract(sum)) + "）");
        return published.compareTo(sum) < 0;
    }

    static String grouped(BigDecimal value) {
        // counts and exact rates of at most 10 decimals (the input's limit): nothing is rounded here
        return value == null ? "（なし）" : Decimals.grouped(value, 10);
    }

}
