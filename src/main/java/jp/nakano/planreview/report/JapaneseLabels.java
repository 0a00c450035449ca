package jp.nakano.planreview.report;

import java.util.Map;

/** The Japanese words the reports show for the codes of the results: row levels, rate checks, severities. */
final class JapaneseLabels {

    private static final Map<String, String> LEVELS = Map.of("system", "システム", "procedure", "主な手続", "other",
            "上記以外", "computed_total", "掲載システム合計", "total", "区全体（公表値）");

    private static final Map<String, String> CHECKS = Map.of("MATCHES", "一致", "DIFFERS", "相違", "NOT_PUBLISHED",
            "表記なし", "NOT_COMPUTABLE", "算出不可");

    private static final Map<String, String> SEVERITIES = Map.of("ERROR", "エラー", "WARNING", "警告", "INFO", "情報");

    private JapaneseLabels() {
    }

    static String level(String code) {
        return LEVELS.getOrDefault(code, code);
    }

    static String rateCheck(String code) {
        return CHECKS.getOrDefault(code, code);
    }

    static String severity(String code) {
        return SEVERITIES.getOrDefault(code, code);
    }

}
