package jp.nakano.planreview.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.nakano.planreview.attainment.KpiEvaluationTasklet;
import jp.nakano.planreview.attainment.Status;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.publication.Chart;
import jp.nakano.planreview.publication.EProcedureUsage;
import jp.nakano.planreview.publication.HtmlEdition;
import jp.nakano.planreview.publication.UsageEdition;
import jp.nakano.planreview.publication.UsageFigures;

/**
 * The HTML edition of a plan's review ({@code review-<plan>-FY<yyyy>.html}): the same sections and the same
 * formatted figures as the PDF, read from the same rows, laid out as headings, captioned tables with header
 * cells, and SVG charts with their text equivalent.
 */
final class ReviewHtml {

    private ReviewHtml() {
    }

    /** What the page is made of: the sections' rows as the PDF gets them. */
    record Content(String planName, FiscalYear year, String planPeriod, String dataStatus, String issuer,
            String fingerprint, String software, List<Map<String, ?>> kpis, List<Map<String, ?>> summary,
            String summaryChartText, Map<String, Object> trendParameters, List<Map<String, ?>> trend,
            List<Map<String, ?>> charts, List<Map<String, ?>> utilisation, String utilisationChartText, String derived,
            List<EProcedureUsage.Year> usage, List<Map<String, ?>> findings, List<Map<String, ?>> provenance,
            Map<String, String> notes) {
    }

    private static final String[] STATUS_FILL = { "#2e7d32", "#81c784", "#ffe082", "#fb8c00", "#c62828", "#bdbdbd" };

    static HtmlEdition.Page page(Content c) {
        String year = c.year().spoken();
        List<HtmlEdition.Section> sections = new ArrayList<>();

        // 1. the KPIs by goal
        List<HtmlEdition.Block> goals = new ArrayList<>();
        Map<String, List<Map<String, ?>>> byGoal = new LinkedHashMap<>();
        c.kpis().forEach(r -> byGoal.computeIfAbsent(r.get("goal_label") + "　" + r.get("goal_name"), g -> new ArrayList<>()).add(r));
        byGoal.forEach((goal, rows) -> goals.add(HtmlEdition.Block.table(goal, new HtmlEdition.Table(
                rows.get(0).get("goal_label") + "の成果指標（" + year + "）",
                List.of("成果指標", "単位", "現状（年度）", "中間目標", "最終目標", "実績", "計画上の値", "進捗率", "状況", "備考"),
                cells(rows, "kpi_name", "unit", "baseline", "interim", "final_target", "actual", "expected", "progress",
                        "status", "note"),
                1, List.of(false, false, true, true, true, true, true, true, false, false)))));
        sections.add(new HtmlEdition.Section("kpi-review", "目標別の成果指標の進行管理",
                List.of("状況: ◎ 達成、○ 順調、△ やや遅れ、▲ 遅れ、× 悪化、－ 未評価。進捗率 = (実績 − 現状) ÷ (最終目標 − 現状)。"),
                goals));

        // 2. the KPIs by status
        List<Chart.Stack> stacks = new ArrayList<>();
        String[] columns = { "achieved", "on_track", "slightly_behind", "behind", "worsened", "not_assessed" };
        for (Map<String, ?> r : c.summary()) {
            List<Chart.Part> parts = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                Status status = Status.values()[i];
                parts.add(new Chart.Part(status.symbol() + " " + status.word(),
                        ((Number) r.get("n_" + columns[i])).doubleValue(), STATUS_FILL[i]));
            }
            stacks.add(new Chart.Stack((String) r.get("label"), parts));
        }
        sections.add(new HtmlEdition.Section("kpi-summary", "成果指標の状況（目標別の集計）", List.of(), List.of(
                HtmlEdition.Block.table(null, new HtmlEdition.Table("区分ごとの状況別の指標数",
                        List.of("区分", "名称", "◎ 達成", "○ 順調", "△ やや遅れ", "▲ 遅れ", "× 悪化", "－ 未評価", "指標数",
                                "前年度からの状況の変化"),
                        cells(c.summary(), "label", "name", "achieved", "on_track", "slightly_behind", "behind", "worsened",
                                "not_assessed", "kpis", "changed"),
                        1, List.of(false, false, true, true, true, true, true, true, true, false))),
                HtmlEdition.Block.chart(null, Chart.stacked("図: 区分ごとの成果指標の状況（指標数）",
                        strip(c.summaryChartText()) + " 色の順: ◎ 達成（濃い緑）、○ 順調（薄い緑）、△ やや遅れ（黄）、▲ 遅れ（橙）、× 悪化（赤）、－ 未評価（灰）。",
                        stacks)))));

        // 3. the trend of the actuals
        List<String> trendHeaders = new ArrayList<>(List.of("成果指標", "単位"));
        for (int i = 0; i < 6; i++) {
            trendHeaders.add(String.valueOf(c.trendParameters().get("Y" + i)).replace("\n", ""));
        }
        trendHeaders.addAll(List.of("計画上の進捗率", "予測値（最終年度）", "予測"));
        sections.add(new HtmlEdition.Section("kpi-trend", "成果指標の実績の推移と見通し", notes(c, "kpi-trend"), List.of(
                HtmlEdition.Block.table(null, new HtmlEdition.Table("成果指標ごとの年度別の実績と見通し", trendHeaders,
                        cells(c.trend(), "kpi_name", "unit", "y0", "y1", "y2", "y3", "y4", "y5", "expected_progress",
                                "forecast", "forecast_meets"),
                        1, List.of(false, false, true, true, true, true, true, true, true, true, false))))));

        // 4. a chart per KPI
        List<HtmlEdition.Block> charts = new ArrayList<>();
        for (Map<String, ?> r : c.charts()) {
            charts.add(HtmlEdition.Block.chart(r.get("kpi_name") + "（" + r.get("unit") + "）　" + r.get("status"),
                    kpiChart(r)));
        }
        sections.add(new HtmlEdition.Section("kpi-charts", "成果指標の推移（グラフ）", notes(c, "kpi-charts"), charts));

        // 5. the e-procedure table
        List<Chart.Bar> bars = new ArrayList<>();
        for (Map<String, ?> r : c.utilisation()) {
            if (r.get("chart_rate") != null) {
                bars.add(new Chart.Bar((String) r.get("chart_label"), ((Number) r.get("chart_rate")).doubleValue(),
                        (String) r.get("rate")));
            }
        }
        List<HtmlEdition.Block> utilisation = new ArrayList<>();
        utilisation.add(HtmlEdition.Block.table(null, new HtmlEdition.Table("電子手続ごとの電子手続利用率（" + year + "）",
                List.of("電子手続名", "区分", "手続数（件）", "電子受付件数（件）", "全受付件数（件）", "電子手続利用率", "前年度の電子受付件数（件）",
                        "前年度の利用率", "計画の表記", "照合"),
                cells(c.utilisation(), "name", "level", "procedure_count", "online_receipts", "total_receipts", "rate",
                        "prev_online_receipts", "prev_rate", "published_rate", "rate_check"),
                1, List.of(false, false, true, true, true, true, true, true, true, false))));
        utilisation.add(HtmlEdition.Block.list("電子手続の数値から算出する指標",
                List.of(c.derived().replace("・", "").split("\n"))));
        if (!bars.isEmpty()) {
            utilisation.add(HtmlEdition.Block.chart(null, Chart.bars("図: 電子手続利用率（%）",
                    strip(c.utilisationChartText()), bars, 100, "#5c8fd6")));
        }
        sections.add(new HtmlEdition.Section("eprocedure-utilisation", "主な電子手続の利用状況", notes(c, "eprocedure-utilisation"),
                utilisation));

        // 6. the ward's yearly publication
        sections.add(new HtmlEdition.Section("eprocedure-usage", "電子申請の利用状況", List.of("区全体の数値。"),
                List.of(HtmlEdition.Block.links("年度ごとのページ", c.usage().stream()
                    .map(u -> new HtmlEdition.Link(UsageEdition.pageFile(u.year()), "電子申請の利用状況 " + u.year().spoken()))
                    .toList()),
                        HtmlEdition.Block.table(null, new HtmlEdition.Table("年度別の電子申請の利用状況（区全体）",
                        List.of("年度", "手続数", "全受付件数", "電子受付件数", "電子手続利用率", "電子受付件数の対前年度増減",
                                "全受付件数の対前年度増減", "手続数の対前年度増減"),
                        cells(UsageFigures.rows(c.usage()), "year", "procedures", "total_receipts", "online_receipts", "rate",
                                "online_change", "total_change", "procedures_change"),
                        1, List.of(false, true, true, true, true, true, true, true))),
                        HtmlEdition.Block.list("各年度に新たに掲載されたシステム・手続", c.usage().stream()
                            .map(u -> u.year().spoken() + "：" + UsageFigures.additions(u)).toList()))));

        // 7. and 8. the findings and the inputs
        sections.add(new HtmlEdition.Section("validation-findings", "入力データの検証結果", notes(c, "validation-findings"),
                List.of(c.findings().isEmpty() ? HtmlEdition.Block.text(null, List.of("検証で見つかった事項はありません。"))
                        : HtmlEdition.Block.table(null, new HtmlEdition.Table("入力データの検証で見つかった事項",
                                List.of("内容", "重要度", "ファイル", "行", "項目", "値"),
                                cells(c.findings(), "message", "severity", "file", "line", "field", "value"), 1,
                                List.of(false, false, false, true, false, false))))));
        sections.add(new HtmlEdition.Section("run-provenance", "入力ファイルと実行記録", notes(c, "run-provenance"),
                List.of(HtmlEdition.Block.table(null, new HtmlEdition.Table("入力ファイル",
                        List.of("入力ファイル", "文字コード", "サイズ（バイト）", "読込行", "取込行", "除外行", "SHA-256"),
                        cells(c.provenance(), "file", "encoding", "size", "rows_read", "rows_loaded", "rows_rejected", "sha256"),
                        1, List.of(false, false, true, true, true, true, false))))));

        List<HtmlEdition.Fact> facts = List.of(new HtmlEdition.Fact("対象年度", year),
                new HtmlEdition.Fact("計画期間", c.planPeriod()), new HtmlEdition.Fact("データの状況", c.dataStatus()),
                new HtmlEdition.Fact("データの基準日", c.year().endJapanese()),
                new HtmlEdition.Fact("作成", c.issuer()),
                new HtmlEdition.Fact("入力データの指紋（SHA-256）", c.fingerprint()));
        return new HtmlEdition.Page(c.planName() + " " + year + " 成果指標の進行管理報告", c.planName(),
                year + "　成果指標の進行管理報告", facts, sections,
                List.of("PDF版（review-*.pdf）と同じ内容です。" + c.software() + "。"));
    }

    /** The chart of one KPI as the PDF draws it: the plan's line, the actuals and the targets, by year. */
    private static Chart kpiChart(Map<String, ?> row) {
        @SuppressWarnings("unchecked")
        List<Map<String, ?>> points = (List<Map<String, ?>>) row.get("points");
        List<String> years = points.stream().map(p -> (String) p.get("year")).distinct()
            .sorted(java.util.Comparator.comparingInt(ReviewHtml::yearOrder)).toList();
        List<Chart.Line> lines = new ArrayList<>();
        // as the PDF draws them: the plan grey squares on a line, the actuals blue circles on a line, the targets red triangles
        String[][] series = { { KpiEvaluationTasklet.SERIES_PLAN, "#757575" }, { KpiEvaluationTasklet.SERIES_ACTUAL, "#0d47a1" },
                { KpiEvaluationTasklet.SERIES_TARGET, "#b71c1c" } };
        Chart.Shape[] shapes = { Chart.Shape.SQUARE, Chart.Shape.CIRCLE, Chart.Shape.TRIANGLE };
        int index = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (String[] s : series) {
            List<Double> values = new ArrayList<>();
            for (String y : years) {
                Double value = points.stream().filter(p -> s[0].equals(p.get("series")) && y.equals(p.get("year"))
                        && p.get("value") != null).map(p -> ((Number) p.get("value")).doubleValue()).findFirst().orElse(null);
                values.add(value);
                if (value != null) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
            lines.add(new Chart.Line(s[0], s[1], shapes[index], index < 2, values));
            index++;
        }
        return Chart.lines("図: " + row.get("kpi_name") + "の推移", strip((String) row.get("alt")), years, lines,
                min == Double.MAX_VALUE ? "" : axis(min), max == -Double.MAX_VALUE ? "" : axis(max));
    }

    private static int yearOrder(String shortYear) {
        return shortYear.startsWith("R") ? 2018 + Integer.parseInt(shortYear.substring(1)) : Integer.parseInt(shortYear);
    }

    private static String axis(double value) {
        return jp.nakano.planreview.common.Decimals.grouped(java.math.BigDecimal.valueOf(value), 1);
    }

    /** The alternative text without its leading "図: ", which the figure's title already says. */
    private static String strip(String text) {
        return text == null ? "" : text.replaceFirst("^図: [^。]*。", "");
    }

    private static List<String> notes(Content c, String section) {
        String note = c.notes().get(section);
        return note == null ? List.of() : List.of(note);
    }

    /** The cells of each row in the order of {@code keys}; a line break in a value becomes a space. */
    private static List<List<String>> cells(List<Map<String, ?>> rows, String... keys) {
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, ?> row : rows) {
            List<String> line = new ArrayList<>();
            for (String key : keys) {
                Object value = row.get(key);
                line.add(value == null ? "" : value.toString().replace("\n", " ").strip());
            }
            cells.add(line);
        }
        return cells;
    }

}
