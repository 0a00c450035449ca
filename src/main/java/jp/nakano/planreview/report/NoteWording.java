package jp.nakano.planreview.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 備考 of a KPI row in Japanese, from the method's reasons: why it is 未評価, and what a reader needs
 * (速報値, an interim target met, an assumed baseline year).
 */
final class NoteWording {

    /** Reason fragments of {@code AttainmentCalculator} and their wording in the report, in this order. */
    private static final Map<String, String> WORDING = new LinkedHashMap<>();

    static {
        WORDING.put("no actual for", "実績未公表");
        WORDING.put("is before the baseline year", "現状の年度より前");
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

    private NoteWording() {
    }

    static String note(String reason, Boolean interimMet) {
        List<String> parts = new ArrayList<>();
        if (Boolean.TRUE.equals(interimMet)) {
            parts.add("中間目標を達成済み");
        }
        if (reason != null) {
            WORDING.forEach((fragment, wording) -> {
                if (reason.contains(fragment)) {
                    parts.add(wording);
                }
            });
        }
        return String.join("。", parts);
    }

}
