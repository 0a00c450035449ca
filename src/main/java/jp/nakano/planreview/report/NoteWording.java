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

    /** Why a derived indicator has no value, in Japanese. */
    static String derivedReason(String reason) {
        List<String> wording = matches(DERIVED, reason);
        return wording.isEmpty() ? (reason == null ? "" : reason) : wording.get(0);
    }

    /** The 備考 of a KPI in Japanese, as the report prints it, from its reason and whether the interim target is met. */
    public static String note(String reason, Boolean interimMet) {
        List<String> parts = new ArrayList<>();
        if (Boolean.TRUE.equals(interimMet)) {
            parts.add("中間目標を達成済み");
        }
        parts.addAll(matches(WORDING, reason));
        return String.join("。", parts);
    }

}
