package jp.nakano.planreview.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.attainment.KpiEvaluationTasklet;
import jp.nakano.planreview.attainment.Status;
import jp.nakano.planreview.audit.ReportFingerprint;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.findings.FindingRepository;
import jp.nakano.planreview.eprocedure.FigureColumns;
import jp.nakano.planreview.eprocedure.LoadedFigures;
import jp.nakano.planreview.eprocedure.UtilisationRow;
import jp.nakano.planreview.eprocedure.UtilisationTable;
import jp.nakano.planreview.input.InputFiles;
import jp.nakano.planreview.publication.EProcedureUsage;
import jp.nakano.planreview.publication.EProcedureUsageReader;
import jp.nakano.planreview.publication.HtmlEdition;
import jp.nakano.planreview.publication.UsageEdition;
import jp.nakano.planreview.publication.UsageFigures;
import jp.nakano.planreview.measures.MeasureRepository;
import jp.nakano.planreview.measures.MeasureSections;

/**
 * Renders {@code review-<plan>-FY<yyyy>.pdf}, {@code .xlsx} and {@code .html} for every plan under review from
 * the run's computed results into the run's working folder, and the ward's 電子申請の利用状況 (a page per year and
 * the open data CSV, {@link UsageEdition}); the PDF formats every figure the Japanese way
 * (1,793,615件, 62.3%), the workbook keeps numbers as numbers.
 */
public class RenderReportsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RenderReportsTasklet.class);

    private final JdbcTemplate jdbc;

    private final ReviewPdf report;

    private final ReviewWorkbook workbook;

    /** The first e-procedure rows of a large table, read in one pass for the PDF and the workbooks. */
    private final FirstUtilisationRows firstRows;

    private final HtmlEdition html = new HtmlEdition();

    private final Supplier<Long> runId;

    private final Supplier<FiscalYear> fiscalYear;

    private final Supplier<String> plan;

    private final Supplier<Path> workingFolder;

    /** The version the manifest records, printed on the cover and the provenance page. */
    private final String softwareVersion;

    /** 主要手続 are procedures with at least this many 全受付件数 a year (configuration). */
    private final BigDecimal majorThreshold;

    /** The run's e-procedure rows in columns, for the publication's listings (issue 16). */
    private final LongFunction<FigureColumns> figures;

    /** The e-procedure rows in memory: the year before's row beside each listed row. */
    private final LoadedFigures loadedFigures;

    /** The templates of the review, the cover first. */
    public static final List<String> TEMPLATES = List.of("review-cover", "kpi-review", "kpi-summary", "kpi-trend",
            "kpi-charts", "eprocedure-utilisation", "eprocedure-usage", "validation-findings", "run-provenance");

    public RenderReportsTasklet(JdbcTemplate jdbc, ReviewPdf report, Supplier<Long> runId,
            Supplier<FiscalYear> fiscalYear, Supplier<String> plan, Supplier<Path> workingFolder, String softwareVersion,
            BigDecimal majorThreshold, LoadedFigures figures) {
        this(jdbc, report, runId, fiscalYear, plan, workingFolder, softwareVersion, majorThreshold,
                ReviewWorkbook.DEFAULT_LISTED_ROWS, figures);
    }

    /** With the e-procedure rows the workbook lists at most ({@code plan-review.workbook.eprocedure-rows}). */
    public RenderReportsTasklet(JdbcTemplate jdbc, ReviewPdf report, Supplier<Long> runId,
            Supplier<FiscalYear> fiscalYear, Supplier<String> plan, Supplier<Path> workingFolder, String softwareVersion,
            BigDecimal majorThreshold, int workbookRows, LoadedFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures::of;
        this.loadedFigures = figures;
        this.majorThreshold = majorThreshold;
        this.softwareVersion = softwareVersion;
        this.report = report;
        this.firstRows = new FirstUtilisationRows(figures);
        this.workbook = new ReviewWorkbook(jdbc, workbookRows, firstRows);
        this.runId = runId;
        this.fiscalYear = fiscalYear;
        this.plan = plan;
        this.workingFolder = workingFolder;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        long run = runId.get();
        FiscalYear year = fiscalYear.get();
        String only = plan.get();
        List<Map<String, Object>> plans = jdbc.queryForList("SELECT plan_id, name, issuer, first_fy, last_fy FROM in_plan "
                + "WHERE run_id = ? AND NOT excluded" + (only == null ? "" : " AND plan_id = ?")
                + " ORDER BY source_line", only == null ? new Object[] { run } : new Object[] { run, only });
        String fingerprint = inputFingerprint(run);
        // the ward-wide sections are the same in every plan's report: read once
        String derived = derivedIndicators(run, year);
        EProcedureUsageReader usageReader = new EProcedureUsageReader(jdbc, figures);
        List<EProcedureUsageReader.TotalRow> wardTotals = usageReader.totals(run, year);
        String wardTrend = wardTrend(wardTotals);
        List<Map<String, ?>> utilisation = utilisationRows(run, year);
        List<EProcedureUsage.Year> usage = usageReader.years(run, year, wardTotals);
        PlanFindings findingScope = new PlanFindings(jdbc, run);
        List<Map<String, ?>> provenance = provenanceRows(run);
        Path working = workingFolder.get();
        // the ward's yearly publication, once per run: a page per year and the open data
        contribution.incrementWriteCount(new UsageEdition(html).write(usage, usageReader.of(run), working));
        for (Map<String, Object> p : plans) {
            String planId = (String) p.get("plan_id");
            String outside = outsideReviewYears(run, year, p);
            if (outside != null && only == null) {
                log.info("Left out the report of plan {} for {}: {}; give --plan={} to render it anyway", planId, year,
                        outside, planId);
                continue;
            }
            // the HTML edition lists the same findings as the PDF
            ListedFindings findings = findingRows(run, findingScope, planId);
            List<Map<String, ?>> rows = jdbc.query("""
                    SELECT a.*, g.name AS goal_name, e.factor_analysis, e.next_steps,
                           (SELECT MIN(t.target_text) FROM in_kpi_target t WHERE t.run_id = a.run_id AND t.kpi_id = a.kpi_id
                            AND t.fiscal_year = a.interim_fy AND t.kind = 'interim' AND NOT t.excluded) AS interim_text,
                           (SELECT MAX(CASE WHEN t.is_relative THEN 1 ELSE 0 END) FROM in_kpi_target t
                            WHERE t.run_id = a.run_id AND t.kpi_id = a.kpi_id AND t.fiscal_year = a.final_fy
                            AND t.kind = 'final' AND NOT t.excluded) AS final_relative
                    FROM res_kpi_attainment a
                    JOIN in_goal g ON g.run_id = a.run_id AND g.goal_id = a.goal_id AND NOT g.excluded
                    LEFT JOIN in_kpi_explanation e ON e.run_id = a.run_id AND e.kpi_id = a.kpi_id
                        AND e.fiscal_year = a.fiscal_year AND NOT e.excluded
                    WHERE a.run_id = ? AND a.fiscal_year = ? AND a.plan_id = ? ORDER BY a.sort_key""",
                    (rs, i) -> row(rs), run, year.year(), planId);
            long provisional = rows.stream().filter(r -> ((String) r.get("note")).contains("速報値")).count();
            long withActual = rows.stream().filter(r -> !((String) r.get("actual")).isEmpty()).count();
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("PLAN_NAME", p.get("name"));
            parameters.put("FISCAL_YEAR_LABEL", year.label());
            parameters.put("DATA_STATUS", "実績のある指標 " + withActual + " / " + rows.size()
                    + (withActual == 0 ? "" : provisional == 0 ? "（すべて確定値）" : "（うち速報値 " + provisional + "）"));
            parameters.put("ISSUER", p.get("issuer") == null ? "" : p.get("issuer"));
            // figures are for the fiscal year as a whole: its last day is the date they refer to
            parameters.put("DATA_DATE", year.endJapanese());
            int firstPlanYear = ((Number) p.get("first_fy")).intValue();
            Map<String, Object> cover = new LinkedHashMap<>(parameters);
            cover.put("PLAN_PERIOD", FiscalYear.of(firstPlanYear).label() + " 〜 "
                    + FiscalYear.of(((Number) p.get("last_fy")).intValue()).label());
            cover.put("INPUT_FINGERPRINT", fingerprint);
            cover.put("SOFTWARE", "作成: plan-review " + softwareVersion);
            if (outside != null) {
                cover.put("COVER_NOTE", "（注）この計画の評価期間（" + reviewYears(run, year, p)
                        + "）外の年度。多くの指標は評価できない（--plan=" + planId + " の指定で作成）");
            }
            Map<String, List<SeriesPoint>> series = seriesByKpi(run, year, planId);
            List<Map<String, ?>> summary = summaryRows(run, year, planId);
            List<Map<String, ?>> charts = chartRows(run, year, planId, series);
            Map<String, Object> sectionParameters = new LinkedHashMap<>();
            sectionParameters.put("PLAN_NAME", p.get("name"));
            sectionParameters.put("FISCAL_YEAR_LABEL", year.label());
            List<ReviewPdf.Section> sections = List.of(
                    new ReviewPdf.Section("review-cover", null, cover, List.of()),
                    new ReviewPdf.Section("kpi-review", "目標別の成果指標の進行管理", parameters, rows),
                    section("kpi-summary", "成果指標の状況（目標別の集計）", sectionParameters, null,
                            summary, List.of(summaryChartText(summary))),
                    section("kpi-trend", "成果指標の実績の推移と見通し", trendParameters(sectionParameters, firstPlanYear),
                            "実績は各年度の公表値（累計指標は累計値）。計画上の進捗率 = (計画上の値 − 現状) ÷ (最終目標 − 現状)。"
                                    + "予測値は現状からのペースが続いた場合の最終年度の値（0未満・100%超など取り得ない値になる場合は"
                                    + "下限・上限の値とし「（下限）」「（上限）」と示す）。",
                            trendRows(run, year, planId, series, firstPlanYear)),
                    section("kpi-charts", "成果指標の推移（グラフ）", sectionParameters,
                            "灰色の線は計画上の値（現状から中間・最終目標へ直線で結んだもの）、青は実績、赤い点は中間目標と最終目標。"
                                    + "横軸は年度（R2 = 令和2年度）。",
                            charts, charts.stream().map(c -> (String) c.get("alt")).toList()),
                    section("eprocedure-utilisation", "主な電子手続の利用状況",
                            withDerived(sectionParameters, derived, wardTrend, utilisation),
                            "電子手続利用率 = 電子受付件数 ÷ 全受付件数（小数第3位を四捨五入）。掲載システム合計は本表のシステム行の合計、"
                                    + "区全体は区の公表値。照合は計画に記載の利用率との一致を示す。",
                            utilisation, List.of(utilisationChartText(utilisation))),
                    section("eprocedure-usage", "電子申請の利用状況", withAdditions(sectionParameters, usage),
                            "区全体の手続数・全受付件数・電子受付件数（入力 eprocedure-figures.csv の区全体の行）と、"
                                    + "電子手続利用率 = 電子受付件数 ÷ 全受付件数（小数第3位を四捨五入）。対前年度増減は前年度の同じ行との差。"
                                    + "「公表値なし」の数値を使う利用率・増減は算出できない。"
                                    + "同じ数値を eprocedure-usage.csv（オープンデータ）と HTML 版に掲載。",
                            UsageFigures.rows(usage)),
                    section("validation-findings", "入力データの検証結果", sectionParameters,
                            findings.note("この計画の指標に関する事項と、区全体に関する事項（電子手続の数値など）。"
                                    + "エラーの行は集計から除外。ファイルと行は入力フォルダ内の位置。"),
                            findings.rows()),
                    section("run-provenance", "入力ファイルと実行記録", sectionParameters, "入力データの指紋（SHA-256）"
                            + fingerprint + "　/　作成: plan-review " + softwareVersion + "　/　対象年度 " + year
                            + (only == null ? "" : "　/　計画 " + only)
                            + "。同じ入力からは同じ報告書ができる（実行の日時と番号は出力フォルダの manifest.json にある）。"
                            + "読込行 = 取込行 + 形式不備（形式の誤りで除外）+ 照合除外（IDの不明・重複などで除外）。"
                            + "空行（すべてのセルが空の行）は行として数えない。",
                            provenance));
            sections = new MeasureSections(new MeasureRepository(jdbc)).addTo(sections, run, year, planId, sectionParameters);
            Map<String, String> notes = new LinkedHashMap<>();
            sections.forEach(section -> {
                if (section.parameters().get("SECTION_NOTE") != null) {
                    notes.put(section.template(), (String) section.parameters().get("SECTION_NOTE"));
                }
            });
            html.write(ReviewHtml.page(new ReviewHtml.Content((String) p.get("name"), year, FiscalYear.of(firstPlanYear).spoken() + "から"
                    + FiscalYear.of(((Number) p.get("last_fy")).intValue()).spoken() + "まで",
                    (String) parameters.get("DATA_STATUS"), (String) parameters.get("ISSUER"), fingerprint,
                    (String) cover.get("SOFTWARE"), rows, summary, summaryChartText(summary),
                    trendParameters(sectionParameters, firstPlanYear), sections.stream().filter(s -> s.template().equals("kpi-trend")).findFirst().orElseThrow().rows(), charts, utilisation,
                    utilisationChartText(utilisation), derived, usage, findings.rows(), provenance, notes)),
                    working.resolve("review-" + planId + "-" + year + ".html"));
            Path pdf = working.resolve("review-" + planId + "-" + year + ".pdf");
            // dated by its data, the end of the fiscal year, so that the same input gives the same file
            report.renderPdf(sections, pdf, p.get("name") + " " + year.label() + " 成果指標の進行管理",
                    ReportFingerprint.keywords(fingerprint), year.lastDay().atStartOfDay());
            Path xlsx = working.resolve("review-" + planId + "-" + year + ".xlsx");
            workbook.write(run, year, planId, new ReviewWorkbook.Cover((String) p.get("name"), (String) cover.get("PLAN_PERIOD"),
                    (String) parameters.get("ISSUER"), fingerprint, "plan-review " + softwareVersion), xlsx,
                    ReportFingerprint.keywords(fingerprint));
            contribution.incrementWriteCount(3);
            log.info("Rendered {}, {} and {} ({} KPIs)", pdf.getFileName(), xlsx.getFileName(),
                    "review-" + planId + "-" + year + ".html", rows.size());
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * The years a plan is reviewed for by default: from the earliest baseline year of its KPIs (the year before the
     * plan for those without one) to the plan's last year.
     */
    private int[] reviewWindow(long run, FiscalYear year, Map<String, Object> plan) {
        int first = ((Number) plan.get("first_fy")).intValue();
        Integer earliest = jdbc.queryForObject("SELECT MIN(baseline_fy) FROM res_kpi_attainment "
                + "WHERE run_id = ? AND fiscal_year = ? AND plan_id = ?", Integer.class, run, year.year(), plan.get("plan_id"));
        return new int[] { earliest == null ? first - 1 : Math.min(earliest, first - 1),
                ((Number) plan.get("last_fy")).intValue() };
    }

    private String reviewYears(long run, FiscalYear year, Map<String, Object> plan) {
        int[] window = reviewWindow(run, year, plan);
        return FiscalYear.of(window[0]).japanese() + "〜" + FiscalYear.of(window[1]).japanese();
    }

    /** Why the year is outside the plan's review years, or {@code null} when it is inside. */
    private String outsideReviewYears(long run, FiscalYear year, Map<String, Object> plan) {
        int[] window = reviewWindow(run, year, plan);
        if (year.year() < window[0]) {
            return year + " is before " + FiscalYear.of(window[0]) + ", the earliest baseline year of its KPIs";
        }
        if (year.year() > window[1]) {
            return year + " is after the plan's last year " + FiscalYear.of(window[1]);
        }
        return null;
    }

    private static Map<String, ?> row(ResultSet rs) throws SQLException {
        String unit = rs.getString("unit");
        BigDecimal denominator = rs.getBigDecimal("denominator");
        int decimals = KpiFigures.decimals(unit, rs.getInt("figure_decimals"));
        Status status = Status.valueOf(rs.getString("status"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("goal_label", rs.getString("goal_label"));
        row.put("goal_name", rs.getString("goal_name"));
        row.put("kpi_name", rs.getString("name"));
        row.put("unit", unit);
        Object baselineFy = rs.getObject("baseline_fy");
        // the plan's own wording of each figure (約146万件, 170万件), its Western years in 和暦 like the rest of the column
        String baselineText = FiscalYear.japaneseIn(rs.getString("baseline_text"));
        String baseline = baselineText != null ? baselineText
                : KpiFigures.value(rs.getBigDecimal("baseline"), unit, denominator, decimals);
        // the plan's wording often names its year already (約6.8万件 (2024年度末)); add the year only where it does not
        // and [未実施] has no year of its own (the method starts it the year before the plan)
        boolean namesYear = baselineText != null && (baselineText.contains("年度") || baselineText.startsWith("["));
        if (namesYear) {
            // the year on a line of its own, as in the other cells, not broken inside 「令和6年度末」
            baselineText = baselineText.replaceFirst("[ 　]*([(（][^()（）]*年度[^()（）]*[)）])$", "\n$1");
            baseline = baselineText;
        }
        row.put("baseline", baseline + (baselineFy == null || namesYear ? ""
                : "\n(" + FiscalYear.of(((Number) baselineFy).intValue()).japanese() + ")"));
        Object interimFy = rs.getObject("interim_fy");
        String interimText = FiscalYear.japaneseIn(rs.getString("interim_text"));
        row.put("interim", interimFy == null ? "" : (interimText != null ? interimText
                : KpiFigures.value(rs.getBigDecimal("interim_target"), unit, denominator, decimals))
                + "\n(" + FiscalYear.of(((Number) interimFy).intValue()).japanese() + ")");
        Object finalFy = rs.getObject("final_fy");
        String finalText = FiscalYear.japaneseIn(rs.getString("final_target_text"));
        String finalValue = KpiFigures.value(rs.getBigDecimal("final_target"), unit, denominator, decimals);
        // a relative target (実施前比 ▲500時間) also shows the value it resolves to (3,000時間), broken at the plan's
        // space so that the narrow column does not break inside the figure
        boolean relative = rs.getInt("final_relative") == 1;
        row.put("final_target", finalFy == null ? "" : (finalText == null ? finalValue
                : relative ? finalText.replaceFirst("[ 　]+", "\n") + "\n（" + finalValue + "）" : finalText)
                + "\n(" + FiscalYear.of(((Number) finalFy).intValue()).japanese() + ")");
        row.put("actual", KpiFigures.value(rs.getBigDecimal("actual"), unit, denominator, decimals));
        row.put("expected", KpiFigures.value(rs.getBigDecimal("expected"), unit, denominator, decimals));
        row.put("progress", KpiFigures.ratio(rs.getBigDecimal("progress")));
        row.put("status", status.symbol() + " " + status.word());
        row.put("note", NoteWording.note(rs.getString("reason"), (Boolean) rs.getObject("interim_met"), status,
                rs.getInt("fiscal_year"), finalFy == null ? null : ((Number) finalFy).intValue()));
        row.put("explanation", explanation(rs.getString("factor_analysis"), rs.getString("next_steps"), status));
        return row;
    }

    /** 要因分析 / 今後の方向性 of the KPI table: the department's words, or 報告なし (a miss needs them). */
    static String explanation(String factors, String next, Status status) {
        if (factors == null && next == null) {
            return "要因分析・今後の方向性：報告なし" + (status == Status.BEHIND || status == Status.WORSENED
                    ? "（" + status.word() + "のため説明が必要）" : "");
        }
        return "要因分析：" + (factors == null ? "（記載なし）" : factors) + "　／　今後の方向性："
                + (next == null ? "（記載なし）" : next);
    }

    private static final Map<String, String> DERIVED_NAMES = Map.of("eprocedure:online_receipts_total",
            "オンラインによる申請手続受付件数", "eprocedure:major_online_coverage", "主要手続のオンライン手続カバー率",
            "eprocedure:major_online_utilisation", "主要手続のオンライン手続利用率", "eprocedure:kakanai_coverage",
            "書かない窓口のカバー率（手続数による）", "eprocedure:kakanai_coverage:receipts",
            "書かない窓口のカバー率（受付件数による）");

    /** The indicators derived from the e-procedure figures, one line each: the value, or why there is none. */
    private String derivedIndicators(long run, FiscalYear year) {
        List<String> lines = jdbc.query("""
                SELECT measure, derived_value, reason FROM res_derived_indicator
                WHERE run_id = ? AND fiscal_year = ? ORDER BY seq""", (rs, i) -> {
            String measure = rs.getString(1);
            BigDecimal value = rs.getBigDecimal(2);
            String shown = value == null ? "算出できません（" + NoteWording.derivedReason(rs.getString(3)) + "）"
                    : measure.endsWith("online_receipts_total") ? KpiFigures.count(value) + "件"
                            : KpiFigures.value(value, "%", null, KpiFigures.decimals("%", 0));
            return "・" + DERIVED_NAMES.getOrDefault(measure, measure) + "：" + shown;
        }, run, year.year());
        return String.join("\n", lines) + "\n（主要手続 = 全受付件数が年" + KpiFigures.count(majorThreshold) + "件以上の手続）";
    }

    private static Map<String, Object> withAdditions(Map<String, Object> common, List<EProcedureUsage.Year> usage) {
        Map<String, Object> parameters = new LinkedHashMap<>(common);
        parameters.put("ADDITIONS", UsageFigures.additionsText(usage)
                + "\n（前年度の一覧にない名称を新たに掲載されたものとする。一覧は区の公表した主なもの）");
        return parameters;
    }

    private static Map<String, Object> withDerived(Map<String, Object> common, String derived, String wardTrend,
            List<Map<String, ?>> utilisation) {
        Map<String, Object> parameters = new LinkedHashMap<>(common);
        parameters.put("DERIVED", derived);
        parameters.put("WARD_TREND", wardTrend);
        // a chart says something only when it compares at least two rows (the sum of the listed systems repeats
        // them and is not counted)
        parameters.put("CHART_BARS", (int) utilisation.stream()
            .filter(r -> r.get("chart_rate") != null && !JapaneseLabels.level("computed_total").equals(r.get("level")))
            .count());
        return parameters;
    }

    /**
     * The ward total of 電子受付件数 year by year up to the review year, with the change against the year before,
     * as the ward publishes it (令和3年度 1,706,697件（前年度比 +245,634件）); {@code null} with fewer than two years.
     */
    private static String wardTrend(List<EProcedureUsageReader.TotalRow> wardTotals) {
        Map<Integer, BigDecimal> totals = new java.util.TreeMap<>();
        // the first row of each year in the input with the figure
        wardTotals.stream().filter(t -> t.onlineReceipts() != null)
            .sorted(java.util.Comparator.comparingInt(EProcedureUsageReader.TotalRow::year)
                .thenComparingLong(EProcedureUsageReader.TotalRow::line).thenComparing(EProcedureUsageReader.TotalRow::file))
            .forEach(t -> totals.putIfAbsent(t.year(), t.onlineReceipts()));
        if (totals.size() < 2) {
            return null;
        }
        List<String> lines = new java.util.ArrayList<>();
        lines.add("区全体の電子受付件数の推移（区の公表値）");
        totals.forEach((y, total) -> {
            BigDecimal before = totals.get(y - 1);
            lines.add("・" + FiscalYear.of(y).label() + "　" + KpiFigures.count(total) + "件"
                    + (before == null ? "" : "（前年度比 " + KpiFigures.change(total.subtract(before)) + "件）"));
        });
        return String.join("\n", lines);
    }

    private static ReviewPdf.Section section(String template, String title, Map<String, Object> common, String note,
            List<Map<String, ?>> rows) {
        return section(template, title, common, note, rows, List.of());
    }

    private static ReviewPdf.Section section(String template, String title, Map<String, Object> common, String note,
            List<Map<String, ?>> rows, List<String> chartTexts) {
        Map<String, Object> parameters = new LinkedHashMap<>(common);
        parameters.put("SECTION_NOTE", note);
        return new ReviewPdf.Section(template, title, parameters, rows, chartTexts);
    }

    private static final List<String> STATUS_COLUMNS = List.of("achieved", "on_track", "slightly_behind", "behind",
            "worsened", "not_assessed");

    /** What the stacked bar chart of the statuses shows, in words and numbers: its alternative text. */
    static String summaryChartText(List<Map<String, ?>> summary) {
        StringBuilder text = new StringBuilder("図: 区分ごとの成果指標の状況（指標数）。");
        for (Map<String, ?> row : summary) {
            text.append(row.get("label")).append(": ");
            List<String> counts = new java.util.ArrayList<>();
            for (int c = 0; c < STATUS_COLUMNS.size(); c++) {
                Status status = Status.values()[c];
                counts.add(status.symbol() + status.word() + " " + row.get(STATUS_COLUMNS.get(c)));
            }
            text.append(String.join("、", counts)).append("。");
        }
        return text.toString();
    }

    /** What the bar chart of the e-procedure rates shows: each charted row and its rate. */
    static String utilisationChartText(List<Map<String, ?>> utilisation) {
        List<String> bars = utilisation.stream().filter(r -> r.get("chart_rate") != null)
            .map(r -> r.get("chart_label") + " " + r.get("rate")).toList();
        return "図: 電子手続利用率（全受付件数が分かる行）。" + (bars.isEmpty() ? "該当する行なし。" : String.join("、", bars) + "。");
    }

    /**
     * One SHA-256 over every input file's name and SHA-256, in name order: a single value that names the
     * input a report was made from, so a printed report can be matched to its files.
     */
    private String inputFingerprint(long run) {
        Map<String, String> files = new LinkedHashMap<>();
        jdbc.query("SELECT file_name, sha256 FROM run_input_file WHERE run_id = ?",
                (java.sql.ResultSet rs) -> {
                    files.put(rs.getString(1), rs.getString(2));
                }, run);
        return ReportFingerprint.of(files);
    }

    /** The year columns of the trend table: the year before the plan, then the plan's years (at most six). */
    private static Map<String, Object> trendParameters(Map<String, Object> common, int firstPlanYear) {
        Map<String, Object> parameters = new LinkedHashMap<>(common);
        for (int i = 0; i < 6; i++) {
            parameters.put("Y" + i, FiscalYear.of(firstPlanYear - 1 + i).japanese() + (i == 0 ? "\n（計画前年度）" : ""));
        }
        return parameters;
    }

    /** A point of a KPI's chart as the evaluation stored it. */
    private record SeriesPoint(int year, String series, BigDecimal value) {
    }

    /** Every chart point of the plan's KPIs, read once for the trend table and the charts. */
    private Map<String, List<SeriesPoint>> seriesByKpi(long run, FiscalYear year, String planId) {
        Map<String, List<SeriesPoint>> byKpi = new java.util.HashMap<>();
        jdbc.query("""
                SELECT s.kpi_id, s.point_year, s.series, s.point_value FROM res_kpi_series s
                JOIN res_kpi_attainment a ON a.run_id = s.run_id AND a.fiscal_year = s.fiscal_year AND a.kpi_id = s.kpi_id
                WHERE s.run_id = ? AND s.fiscal_year = ? AND a.plan_id = ?
                ORDER BY s.kpi_id, CASE s.series WHEN '計画' THEN 0 WHEN '実績' THEN 1 ELSE 2 END, s.point_year, s.point_value""",
                rs -> {
                    byKpi.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                        .add(new SeriesPoint(rs.getInt(2), rs.getString(3), rs.getBigDecimal(4)));
                }, run, year.year(), planId);
        return byKpi;
    }

    /** One row per KPI: its actuals for the plan's years so far, expected progress and forecast. */
    private List<Map<String, ?>> trendRows(long run, FiscalYear year, String planId,
            Map<String, List<SeriesPoint>> series, int firstPlanYear) {
        int first = firstPlanYear - 1;
        return jdbc.query("""
                SELECT kpi_id, name, unit, denominator, expected_progress, forecast, forecast_meets, figure_decimals,
                       reason
                FROM res_kpi_attainment
                WHERE run_id = ? AND fiscal_year = ? AND plan_id = ? ORDER BY sort_key""", (rs, i) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            String unit = rs.getString(3);
            BigDecimal denominator = rs.getBigDecimal(4);
            int decimals = KpiFigures.decimals(unit, rs.getInt(8));
            row.put("kpi_name", rs.getString(2));
            row.put("unit", unit);
            Map<Integer, BigDecimal> actuals = new java.util.HashMap<>();
            for (SeriesPoint point : series.getOrDefault(rs.getString(1), List.of())) {
                if (KpiEvaluationTasklet.SERIES_ACTUAL.equals(point.series())) {
                    actuals.put(point.year(), point.value());
                }
            }
            for (int y = 0; y < 6; y++) {
                row.put("y" + y, KpiFigures.value(actuals.get(first + y), null, denominator, decimals));
            }
            BigDecimal expectedProgress = rs.getBigDecimal(5);
            row.put("expected_progress", KpiFigures.ratio(expectedProgress));
            row.put("forecast", KpiFigures.value(rs.getBigDecimal(6), unit, denominator, decimals)
                    + NoteWording.forecastBound(rs.getString(9)));
            Object meets = rs.getObject(7);
            row.put("forecast_meets", meets == null ? "" : Boolean.TRUE.equals(meets) ? "達成見込み" : "未達の見込み");
            return row;
        }, run, year.year(), planId);
    }

    /** One row per KPI with a trajectory: its name, status and the points of its chart. */
    private List<Map<String, ?>> chartRows(long run, FiscalYear year, String planId,
            Map<String, List<SeriesPoint>> series) {
        List<Map<String, ?>> rows = new java.util.ArrayList<>();
        jdbc.query("""
                SELECT kpi_id, name, unit, status, denominator, figure_decimals FROM res_kpi_attainment
                WHERE run_id = ? AND fiscal_year = ? AND plan_id = ? ORDER BY sort_key""", rs -> {
            String kpiId = rs.getString(1);
            List<Map<String, ?>> points = series.getOrDefault(kpiId, List.of()).stream()
                .<Map<String, ?>>map(p -> Map.of("year", FiscalYear.of(p.year()).shortJapanese(), "series", p.series(),
                        "value", p.value().doubleValue()))
                .toList();
            if (!points.isEmpty()) {
                if (points.stream().noneMatch(p -> KpiEvaluationTasklet.SERIES_ACTUAL.equals(p.get("series")))) {
                    // an empty 実績 series keeps each series' colour and shape the same on every chart
                    Map<String, Object> none = new java.util.HashMap<>();
                    none.put("year", points.get(0).get("year"));
                    none.put("series", KpiEvaluationTasklet.SERIES_ACTUAL);
                    none.put("value", null);
                    points = new java.util.ArrayList<>(points);
                    points.add(1, none);
                }
                Status status = Status.valueOf(rs.getString(4));
                Map<String, Object> row = new LinkedHashMap<>();
                String name = rs.getString(2);
                String unit = rs.getString(3);
                // the chart's title adds the unit: a name that ends with it already (文書量 (fm)) does not repeat it
                for (String own : new String[] { " (" + unit + ")", "(" + unit + ")", "（" + unit + "）" }) {
                    if (name.endsWith(own)) {
                        name = name.substring(0, name.length() - own.length());
                    }
                }
                row.put("kpi_name", name);
                row.put("unit", unit);
                row.put("status", status.symbol() + " " + status.word());
                // the points themselves, not a data source: the report is filled twice (page numbers) and a
                // data source can be read only once
                row.put("points", points);
                row.put("alt", kpiChartText(rs.getString(2), rs.getString(3), rs.getBigDecimal(5),
                        KpiFigures.decimals(unit, rs.getInt(6)), status, series.get(kpiId)));
                rows.add(row);
            }
        }, run, year.year(), planId);
        return rows;
    }

    /** What a KPI's chart shows, series by series with the year and the value: its alternative text. */
    private static String kpiChartText(String name, String unit, BigDecimal denominator, int decimals, Status status,
            List<SeriesPoint> points) {
        StringBuilder text = new StringBuilder("図: " + name + "の推移（状況 " + status.symbol() + status.word() + "）。");
        for (String series : List.of(KpiEvaluationTasklet.SERIES_PLAN, KpiEvaluationTasklet.SERIES_ACTUAL,
                KpiEvaluationTasklet.SERIES_TARGET)) {
            // every series at the KPI's own decimals, as the trend table shows them (the display rules)
            List<String> values = points.stream().filter(p -> p.series().equals(series))
                .map(p -> FiscalYear.of(p.year()).japanese() + " " + KpiFigures.value(p.value(), unit, denominator, decimals))
                .toList();
            text.append(series).append(": ").append(values.isEmpty() ? "なし" : String.join("、", values)).append("。");
        }
        return text.toString();
    }

    /** The plan's KPIs by id, with the names the plan gives them. */
    static Map<String, String> kpiNames(JdbcTemplate jdbc, long run, FiscalYear year, String planId) {
        Map<String, String> names = new java.util.HashMap<>();
        jdbc.query("SELECT kpi_id, name FROM res_kpi_attainment WHERE run_id = ? AND fiscal_year = ? AND plan_id = ?",
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                }, run, year.year(), planId);
        return names;
    }

    private List<Map<String, ?>> summaryRows(long run, FiscalYear year, String planId) {
        Map<String, String> names = kpiNames(jdbc, run, year, planId);
        return jdbc.query("""
                SELECT label, name, achieved, on_track, slightly_behind, behind, worsened, not_assessed, kpis, changed
                FROM res_kpi_summary WHERE run_id = ? AND fiscal_year = ? AND plan_id = ? ORDER BY sort_key""",
                (rs, i) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("label", rs.getString(1));
                    row.put("name", rs.getString(2));
                    String[] columns = { "achieved", "on_track", "slightly_behind", "behind", "worsened", "not_assessed",
                            "kpis" };
                    for (int c = 0; c < columns.length; c++) {
                        row.put(columns[c], Integer.toString(rs.getInt(3 + c)));
                        row.put("n_" + columns[c], rs.getInt(3 + c)); // for the chart
                    }
                    row.put("changed", NoteWording.changes(rs.getString(10), names));
                    return row;
                }, run, year.year(), planId);
    }



    /**
     * The PDF lists at most this many rows of the e-procedure table, then the totals: the ward's own table has
     * a few dozen rows, and a listing of every procedure belongs in the CSV file and the workbook.
     */
    static final int MAX_PDF_UTILISATION_ROWS = 500;

    /** Above this many rows the chart shows the totals only: hundreds of bars would be unreadable. */
    static final int MAX_CHARTED_UTILISATION_ROWS = 60;

    private List<Map<String, ?>> utilisationRows(long run, FiscalYear year) {
        // one pass finds the first rows and counts them all, for the PDF and the workbooks (a COUNT alone costs
        // as much as the pass on a large table)
        int kept = Math.max(MAX_PDF_UTILISATION_ROWS, workbook.listedRows());
        FirstUtilisationRows.Listing listing = firstRows.of(run, year.year(), kept);
        long all = listing.all();
        boolean chartSystems = all <= MAX_CHARTED_UTILISATION_ROWS;
        // the year before's row beside each listed row
        UtilisationTable before = loadedFigures.utilisation(run, year.year() - 1);
        if (all <= MAX_PDF_UTILISATION_ROWS) {
            List<Map<String, ?>> rows = new java.util.ArrayList<>();
            listing.first().forEach(r -> rows.add(utilisationRow(before, r, chartSystems)));
            return rows;
        }
        // the first rows in the plan's order, a pointer to the full listing, then the totals
        List<FirstUtilisationRows.Row> first = listing.first().subList(0, MAX_PDF_UTILISATION_ROWS);
        List<Map<String, ?>> rows = new java.util.ArrayList<>();
        first.forEach(r -> rows.add(utilisationRow(before, r, chartSystems)));
        Map<String, Object> pointer = new java.util.HashMap<>();
        pointer.put("name", "（" + UtilisationListing.partial(all, MAX_PDF_UTILISATION_ROWS, all <= workbook.listedRows())
                + "）");
        rows.add(pointer);
        long totalsListed = first.stream().filter(FirstUtilisationRows.Row::total).count();
        listing.totals().stream().skip(totalsListed).forEach(r -> rows.add(utilisationRow(before, r, chartSystems)));
        return rows;
    }

    /** A row of the first rows with its previous year's figures (the row with the same id), as the PDF lists it. */
    private static Map<String, ?> utilisationRow(UtilisationTable yearBefore, FirstUtilisationRows.Row r,
            boolean chartSystems) {
        UtilisationRow last = yearBefore.row(r.rowId());
        return utilisationRow(r.name(), r.level(), r.procedureCount(), r.onlineReceipts(), r.totalReceipts(),
                r.ratePercent(), r.publishedRate(), r.rateCheck(), last == null ? null : last.onlineReceipts(),
                last == null ? null : last.ratePercent(), chartSystems);
    }

    private static Map<String, ?> utilisationRow(String name, String level, BigDecimal procedureCount,
            BigDecimal onlineReceipts, BigDecimal totalReceipts, BigDecimal rate, BigDecimal published,
            String rateCheck, BigDecimal previousOnline, BigDecimal previousRate, boolean chartSystems) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", ("procedure".equals(level) || "other".equals(level) ? "　　" : "") + name);
        row.put("level", JapaneseLabels.level(level));
        row.put("procedure_count", KpiFigures.count(procedureCount));
        row.put("online_receipts", KpiFigures.count(onlineReceipts));
        row.put("total_receipts", KpiFigures.count(totalReceipts));
        row.put("rate", KpiFigures.utilisationRate(rate));
        row.put("published_rate", KpiFigures.utilisationRate(published));
        row.put("rate_check", JapaneseLabels.rateCheck(rateCheck));
        row.put("prev_online_receipts", KpiFigures.count(previousOnline));
        // the chart shows systems and totals with a rate (the template skips rows without chart_rate)
        boolean total = "total".equals(level) || "computed_total".equals(level);
        boolean charted = rate != null && (total || chartSystems && "system".equals(level));
        row.put("chart_label", name);
        row.put("chart_rate", charted ? rate.doubleValue() : null);
        row.put("prev_rate", KpiFigures.utilisationRate(previousRate));
        return row;
    }

    /** The first findings a report lists ({@link FindingListing#MAX_LISTED}) and how many there are in all. */
    private record ListedFindings(List<Map<String, ?>> rows, long all) {

        /** The section's note, with the count and the CSV file when only the first are listed. */
        String note(String note) {
            return all > rows.size() ? note + FindingListing.partial(all, rows.size()) + "。" : note;
        }
    }

    /** The findings of the plan's report: its own and the ward-wide ones ({@link PlanFindings}). */
    private ListedFindings findingRows(long run, PlanFindings scope, String planId) {
        List<Map<String, ?>> rows = new ArrayList<>();
        long[] all = { 0 };
        jdbc.query("""
                SELECT severity, file_name, line_no, field_name, field_value, message, code, raw_record
                    FROM run_finding""" + FindingRepository.IN_REPORT_ORDER, rs -> {
            if (!scope.shows(planId, rs.getString(6), rs.getString(5), rs.getString(8))) {
                return;
            }
            if (all[0]++ >= FindingListing.MAX_LISTED) {
                return;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("severity", JapaneseLabels.severity(rs.getString(1)));
            row.put("file", rs.getString(2));
            row.put("line", rs.getObject(3) == null ? "" : Long.toString(rs.getLong(3)));
            row.put("field", rs.getString(4));
            row.put("value", rs.getString(5));
            row.put("message", "【" + JapaneseLabels.finding(rs.getString(7)) + "】" + rs.getString(6));
            rows.add(row);
        }, run);
        return new ListedFindings(rows, all[0]);
    }

    private List<Map<String, ?>> provenanceRows(long run) {
        return jdbc.query("""
                SELECT file_name, encoding, size_bytes, rows_read, rows_loaded, rows_rejected, sha256, rows_left_out,
                       rows_blank
                FROM run_input_file WHERE run_id = ?""" + " ORDER BY " + InputFiles.byName("file_name"), (rs, i) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", rs.getString(1));
            row.put("encoding", rs.getString(2));
            row.put("size", KpiFigures.count(rs.getBigDecimal(3)));
            row.put("rows_read", KpiFigures.count(rs.getBigDecimal(4)));
            row.put("rows_loaded", KpiFigures.count(rs.getBigDecimal(5)));
            row.put("rows_rejected", KpiFigures.count(rs.getBigDecimal(6)));
            row.put("rows_left_out", KpiFigures.count(rs.getBigDecimal(8)));
            row.put("rows_blank", KpiFigures.count(rs.getBigDecimal(9)));
            row.put("sha256", rs.getString(7));
            return row;
        }, run);
    }



}
