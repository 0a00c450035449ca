package jp.nakano.planreview.receipts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.Severity;

/**
 * Sets a year's counts from the receipt logs beside the figures entered in {@code eprocedure-figures.csv}:
 * a finding with both values and the difference wherever they disagree, and a note where only the logs
 * have a figure. Which of the two the review uses is {@link FiguresSource}.
 */
public final class Reconciliation {

    static final String FIGURES_FILE = "eprocedure-figures.csv";

    /** A row of the year's e-procedure table as entered. */
    public record Entered(String rowId, String name, BigDecimal online, BigDecimal total, long line) {
    }

    /** A procedure's receipts of the year as counted from the logs. */
    public record Counted(String procedureId, long online, long total) {
    }

    private Reconciliation() {
    }

    /** The findings of one year, in the order of {@code counted}. */
    public static List<Finding> findings(FiscalYear year, List<Counted> counted, Map<String, Entered> entered,
            FiguresSource used) {
        List<Finding> findings = new ArrayList<>();
        int agree = 0;
        int differ = 0;
        for (Counted c : counted) {
            Entered e = entered.get(c.procedureId());
            if (e == null) {
                continue; // the counter only counts known rows
            }
            boolean mismatch = false;
            mismatch |= compare(findings, year, e, "online_receipts", "電子受付件数", e.online(), c.online(), used);
            mismatch |= compare(findings, year, e, "total_receipts", "全受付件数", e.total(), c.total(), used);
            if (mismatch) {
                differ++;
            }
            else {
                agree++;
            }
        }
        findings.add(Finding.of(Severity.INFO, "receipts.reconciled", FIGURES_FILE, null, null,
                Integer.toString(counted.size()),
                year.label() + " の受付ログを " + counted.size() + " 行（手続）分集計: 入力値と一致 " + agree + "、不一致または入力なし "
                        + differ + "。審査に使う値: " + (used == FiguresSource.ENTERED ? "eprocedure-figures.csv の入力値"
                                : "受付ログの集計値") + "（plan-review.receipts.figures=" + used.name().toLowerCase(java.util.Locale.ROOT) + "）"));
        return findings;
    }

    private static boolean compare(List<Finding> findings, FiscalYear year, Entered e, String field, String label,
            BigDecimal entered, long count, FiguresSource used) {
        BigDecimal counted = BigDecimal.valueOf(count);
        String what = e.rowId() + "「" + e.name() + "」の" + label + "（" + year.label() + "）";
        if (entered == null) {
            findings.add(Finding.of(Severity.INFO, "receipts.entered-missing", FIGURES_FILE, e.line(), field, "",
                    what + ": 入力値なし、受付ログの集計 " + Decimals.grouped(counted, 0) + " 件"
                            + (used == FiguresSource.RECEIPTS ? "（審査はこの集計値を使う）" : "（審査では使わない）")));
            return true;
        }
        if (entered.compareTo(counted) == 0) {
            return false;
        }
        BigDecimal difference = counted.subtract(entered);
        findings.add(Finding.of(Severity.WARNING, "receipts.reconcile-mismatch", FIGURES_FILE, e.line(), field,
                Decimals.plain(entered),
                what + ": 受付ログの集計 " + Decimals.grouped(counted, 0) + " 件、入力値 " + Decimals.grouped(entered, 0)
                        + " 件、差 " + (difference.signum() > 0 ? "+" : "") + Decimals.grouped(difference, 0)
                        + " 件（集計 − 入力値）。審査は" + (used == FiguresSource.ENTERED ? "入力値" : "集計値") + "を使う"));
        return true;
    }

}
