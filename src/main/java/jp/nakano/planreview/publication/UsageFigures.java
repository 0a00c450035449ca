package jp.nakano.planreview.publication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.nakano.planreview.common.Decimals;

/**
 * How the 電子申請の利用状況 writes its figures, the same in the PDF section, the HTML pages and (as plain
 * numbers) the CSV file: counts with 件, the rate with two decimals as the ward prints it, a change in words
 * (増加 / 減少) so it reads aloud as the ward writes it ("245,634件増加").
 */
public final class UsageFigures {

    /** Why a cell is empty: said, not left blank, in the PDF and the HTML. */
    public static final String NOT_PUBLISHED = "公表値なし";

    private UsageFigures() {
    }

    /** A count: {@code 1,793,615件}, or 公表値なし. */
    public static String count(BigDecimal value) {
        return value == null ? NOT_PUBLISHED : Decimals.grouped(value, 0) + "件";
    }

    /** 電子手続利用率 at two decimals, half-up: {@code 73.46%}, or 算出できません (全受付件数 not published). */
    public static String rate(BigDecimal percent) {
        return percent == null ? "算出できません" : Decimals.round(percent, 2).toPlainString() + "%";
    }

    /** The rate rounded as shown, for the CSV file; {@code null} when unknown. */
    public static BigDecimal rateValue(BigDecimal percent) {
        return percent == null ? null : Decimals.round(percent, 2);
    }

    /** A change against the previous year: {@code 86,918件増加}, {@code 1,200件減少}, 増減なし, or why there is none (a figure of either year not published, or no previous year). */
    public static String change(BigDecimal change, boolean previousYearKnown) {
        if (change == null) {
            return previousYearKnown ? "比較できません" : "前年度の数値なし";
        }
        return switch (change.signum()) {
            case 1 -> Decimals.grouped(change, 0) + "件増加";
            case -1 -> Decimals.grouped(change.negate(), 0) + "件減少";
            default -> "増減なし";
        };
    }

    /**
     * The change of the rate against the previous year in points, each rate rounded as shown first (so the
     * change is the difference of the printed rates): {@code 0.52ポイント上昇}, or why there is none.
     */
    public static String pointChange(BigDecimal now, BigDecimal before, boolean previousYearKnown) {
        if (now == null || before == null) {
            return previousYearKnown ? "比較できません" : "前年度の数値なし";
        }
        BigDecimal change = rateValue(now).subtract(rateValue(before));
        return switch (change.signum()) {
            case 1 -> change.toPlainString() + "ポイント上昇";
            case -1 -> change.negate().toPlainString() + "ポイント低下";
            default -> "増減なし";
        };
    }

    /** The table row of a year, for the PDF section. */
    public static Map<String, ?> row(EProcedureUsage.Year year, boolean previousYearKnown) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("year", year.year().spoken());
        row.put("procedures", count(year.procedures()));
        row.put("total_receipts", count(year.totalReceipts()));
        row.put("online_receipts", count(year.onlineReceipts()));
        row.put("rate", rate(year.ratePercent()));
        row.put("online_change", change(year.onlineReceiptsChange(), previousYearKnown));
        row.put("total_change", change(year.totalReceiptsChange(), previousYearKnown));
        row.put("procedures_change", change(year.proceduresChange(), previousYearKnown));
        return row;
    }

    /** The PDF rows of every year, oldest first. */
    public static List<Map<String, ?>> rows(List<EProcedureUsage.Year> years) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (EProcedureUsage.Year year : years) {
            rows.add(row(year, previousKnown(years, year)));
        }
        return rows;
    }

    /** Whether the publication has the year before {@code year}. */
    public static boolean previousKnown(List<EProcedureUsage.Year> years, EProcedureUsage.Year year) {
        return years.stream().anyMatch(y -> y.year().year() == year.year().year() - 1);
    }

    /** The additions of one year in words, one line: the systems and procedures new in its listing. */
    public static String additions(EProcedureUsage.Year year) {
        if (year.addedSystems() == null) {
            return "前年度の一覧がないため比較できません";
        }
        List<String> parts = new ArrayList<>();
        for (EProcedureUsage.Entry e : year.addedSystems()) {
            parts.add("システム「" + e.name() + "」（電子受付件数 " + count(e.onlineReceipts()) + "）");
        }
        for (EProcedureUsage.Entry e : year.addedProcedures()) {
            parts.add("「" + e.name() + "」（" + (e.system() == null ? "" : e.system() + "、") + "電子受付件数 "
                    + count(e.onlineReceipts()) + "）");
        }
        if (!year.additionsComplete()) {
            parts.add(moreAdditions(year));
        }
        return parts.isEmpty() ? "前年度の一覧にないシステム・手続の掲載なし" : String.join("、", parts);
    }

    /**
     * What a year's lists leave out: 「ほか 1,234 件（新たに掲載されたシステム 3 件・手続 1,331 件の全件は
     * eprocedure-usage-additions.csv）」.
     */
    public static String moreAdditions(EProcedureUsage.Year year) {
        long listed = year.addedSystems().size() + year.addedProcedures().size();
        return "ほか " + number(year.addedSystemsInAll() + year.addedProceduresInAll() - listed) + " 件（新たに掲載されたシステム "
                + number(year.addedSystemsInAll()) + " 件・手続 " + number(year.addedProceduresInAll()) + " 件の全件は "
                + UsageEdition.ADDITIONS_FILE + "）";
    }

    /** A number of rows or entries with thousands separators: {@code 1,234}. */
    public static String number(long value) {
        return Decimals.grouped(BigDecimal.valueOf(value), 0);
    }

    /** The additions of every year, a line each, for the PDF section. */
    public static String additionsText(List<EProcedureUsage.Year> years) {
        List<String> lines = new ArrayList<>();
        for (EProcedureUsage.Year year : years) {
            lines.add("・" + year.year().spoken() + "：" + additions(year));
        }
        return String.join("\n", lines);
    }

}
