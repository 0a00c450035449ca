package jp.nakano.planreview.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 備考 of a KPI row in Japanese, from the method's reasons: why it is 未評価, and what a reader needs
 * (速報値, an interim target met, an assumed baseline year).
 */
public final class NoteWording {

    /** Reason fragments of {@code AttainmentCalculator} and their wording in the report, in this order. */
    private static final Map<String, String> WORDING = new LinkedHashMap<>();

    static {
        WORDING.put("no actual for", "実績未公表");
        WORDING.put("is before the baseline year", "現状の年度より前");
        WORDING.put("target year not after the baseline", "目標の年度が現状の年度以前（目標値の入力誤り）");
        WORDING.put("is the baseline year", "基準年度（現状値の年度のため評価しない）");
        WORDING.put("is before the plan period", "計画期間前（評価しない）");
        WORDING.put("is after the plan period", "計画期間後");
        WORDING.put("not compared", "定義・単位が異なるため比較せず");
        WORDING.put("no increment for", "累計の増分に欠落あり");
        WORDING.put("no baseline value", "現状値なし");
        WORDING.put("no final target", "最終目標なし");
        WORDING.put("速報値", "速報値");
        WORDING.put("[未実施]", "未実施は0で評価");
        WORDING.put("no year for the baseline", "現状の年度は計画前年度とみなす");
        WORDING.put("expects no progress yet", "進捗の見込み時期前");
    }

    /** Reason fragments of {@code DerivedActuals} and their wording in the report. */
    private static final Map<String, String> DERIVED = new LinkedHashMap<>();

    static {
        DERIVED.put("no figures per procedure", "この年度の手続ごとの数値が未入力");
        DERIVED.put("no ward total", "区全体の電子受付件数が未入力");
        DERIVED.put("全受付件数 is not given", "全受付件数が未入力の手続があり主要手続を特定できない");
        DERIVED.put("no 主要手続", "主要手続がない");
        DERIVED.put("online_capable is not given", "主要手続のオンライン対応の区分が未入力");
        DERIVED.put("no online-capable", "オンライン対応の主要手続がない");
        DERIVED.put("電子受付件数 is not given", "電子受付件数が未入力の主要手続がある");
        DERIVED.put("kakanai_supported is not given", "書かない窓口の対応の区分が未入力");
        DERIVED.put("no procedures", "手続の行がない");
        DERIVED.put("no receipts", "受付件数がない");
    }

    private NoteWording() {
    }

    /** The wordings of every fragment of the table that the reason contains, in the table's order. */
    private static List<String> matches(Map<String, String> table, String reason) {
        List<String> wordings = new ArrayList<>();
        if (reason != null) {
            table.forEach((fragment, wording) -> {
                if (reason.contains(fragment)) {
                    wordings.add(wording);
                }
            });
        }
        return wordings;
    }

    /**
     * The mark of a forecast the method kept in the figure's natural range (「（上限）」 at 100% or the whole of a
     * fraction, 「（下限）」 at zero), or nothing.
     */
    static String forecastBound(String reason) {
        if (reason == null || !reason.contains(jp.nakano.planreview.attainment.AttainmentCalculator.FORECAST_CAPPED)) {
            return "";
        }
        return reason.contains("lower bound") ? "（下限）" : "（上限）";
    }

    /**
     * The status changes of a summary row ({@code chiiki2-k01 順調→遅れ; …}, as stored) with each KPI named as the
     * plan names it, one per line: 「区内のマイナンバーカード交付率：順調→遅れ」.
     */
    static String changes(String changed, Map<String, String> names) {
        if (changed == null || changed.isBlank()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (String change : changed.split("; ")) {
            int space = change.indexOf(' ');
            String id = space < 0 ? change : change.substring(0, space);
            lines.add(names.getOrDefault(id, id) + (space < 0 ? "" : "：" + change.substring(space + 1)));
        }
        return String.join("\n", lines);
    }

    /** "… is not given for 5 of the 7 procedures …": how many lack a flag, of how many. */
    private static final java.util.regex.Pattern LACKING = java.util.regex.Pattern
        .compile("is not given for (\\d+) of the (\\d+)");

    /** Why a derived indicator has no value, in Japanese, with how many procedures lack a flag where it says. */
    static String derivedReason(String reason) {
        List<String> wording = matches(DERIVED, reason);
        if (wording.isEmpty()) {
            return reason == null ? "" : reason;
        }
        java.util.regex.Matcher lacking = LACKING.matcher(reason);
        return wording.get(0) + (lacking.find() ? "：" + lacking.group(2) + " 手続のうち " + lacking.group(1) + " 手続" : "");
    }

    /** The 備考 of a KPI in Japanese, as the report prints it, from its reason and whether the interim target is met. */
    public static String note(String reason, Boolean interimMet) {
        return note(reason, interimMet, null, null, null);
    }

    /**
     * The 備考 of a KPI in Japanese; a KPI rated 達成 before its final target's year says that it has reached the
     * target's level and when the target is due (「最終目標の水準に到達（目標年度は令和7年度）」): an annual figure
     * can fall back, and the rating is of the year, not of the plan.
     */
    public static String note(String reason, Boolean interimMet, jp.nakano.planreview.attainment.Status status,
            Integer year, Integer finalYear) {
        List<String> parts = new ArrayList<>();
        if (status == jp.nakano.planreview.attainment.Status.ACHIEVED && year != null && finalYear != null
                && year < finalYear) {
            parts.add("最終目標の水準に到達（目標年度は" + jp.nakano.planreview.common.FiscalYear.of(finalYear).japanese() + "）");
        }
        if (Boolean.TRUE.equals(interimMet)) {
            parts.add("中間目標を達成済み");
        }
        parts.addAll(matches(WORDING, reason));
        return String.join("。", parts);
    }

}
