package jp.nakano.planreview.report;

import java.util.Map;

/** The Japanese words the reports show for the codes of the results: row levels, rate checks, severities. */
final class JapaneseLabels {

    private static final Map<String, String> LEVELS = Map.of("system", "システム", "procedure", "主な手続", "other",
            "上記以外", "computed_total", "合計（算出）", "total", "区全体（公表値）");

    private static final Map<String, String> CHECKS = Map.of("MATCHES", "一致", "DIFFERS", "相違", "NOT_PUBLISHED",
            "表記なし", "NOT_COMPUTABLE", "算出不可");

    private static final Map<String, String> SEVERITIES = Map.of("ERROR", "エラー", "WARNING", "警告", "INFO", "情報");

    private static final Map<String, String> FINDINGS = Map.ofEntries(
            Map.entry("row.rejected", "行の形式エラー（取込対象外）"), Map.entry("row.unreadable", "読み取れない行"),
            Map.entry("row.not-stored", "保存できない行"), Map.entry("file.unknown-column", "未知の列（無視）"),
            Map.entry("key.duplicate", "キーの重複（該当行はすべて除外）"), Map.entry("key.unknown", "未定義のID（除外）"),
            Map.entry("eprocedure.breakdown-mismatch", "内訳の合計が一致しない"),
            Map.entry("eprocedure.breakdown-exceeds", "内訳の合計がシステム行を超える"),
            Map.entry("eprocedure.rate-differs", "利用率が計画の表記と異なる"),
            Map.entry("eprocedure.total-vs-systems", "区全体の公表値と掲載システム合計の差"),
            Map.entry("eprocedure.several-totals", "区全体の行が複数"),
            Map.entry("period.outside-plan", "計画期間外の実績（評価対象外）"),
            Map.entry("period.outside-plans", "どの計画期間にも含まれない年度"),
            Map.entry("kpi.baseline-without-year", "現状値の年度が不明"),
            Map.entry("kpi.definition-changed", "定義・単位の異なる実績（比較しない）"),
            Map.entry("kpi.targets-inconsistent", "目標値の不整合"), Map.entry("kpi.derived-differs", "入力値と算出値の相違"),
            Map.entry("run.year-without-figures", "対象年度の数値なし"),
            Map.entry("kpi.actual-fraction", "割合を小数で入力（取込対象外）"),
            Map.entry("kpi.actual-text-differs", "実績値と表記の不一致"),
            Map.entry("kpi.actual-implausible", "不自然な実績値（要確認）"),
            Map.entry("kpi.running-total-decreases", "累計の減少（取込対象外）"),
            Map.entry("kpi.target-before-baseline", "目標年度が現状の年度以前（未評価）"),
            Map.entry("eprocedure.implausible-change", "前年度から10倍を超える変化（要確認）"),
            Map.entry("eprocedure.total-as-system", "システム行に合計行の疑い"),
            Map.entry("input.changed-during-run", "実行中に変わった入力ファイル"),
            Map.entry("input.outside-folder", "入力フォルダ外へのリンク"));

    private JapaneseLabels() {
    }

    /** The Japanese heading of a finding's rule; the finding's own message follows it with the details. */
    static String finding(String code) {
        return FINDINGS.getOrDefault(code, code);
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
