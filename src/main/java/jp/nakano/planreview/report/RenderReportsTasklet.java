package jp.nakano.planreview.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import jp.nakano.planreview.common.Checksums;
import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.findings.FindingRepository;
import jp.nakano.planreview.eprocedure.UtilisationRow;
import jp.nakano.planreview.input.InputFiles;

/**
 * Renders {@code review-<plan>-FY<yyyy>.pdf} and {@code .xlsx} for every plan under review from the run's
 * computed results into the run's working folder; the PDF formats every figure the Japanese way
 * (1,793,615件, 62.3%), the workbook keeps numbers as numbers.
 */
public class RenderReportsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RenderReportsTasklet.class);

    private final JdbcTemplate jdbc;

    private final ReviewPdf report;

    private final ReviewWorkbook workbook;

    private final Supplier<Long> runId;

    private final Supplier<FiscalYear> fiscalYear;

    private final Supplier<String> plan;

    private final Supplier<Path> workingFolder;

    /** The version the manifest records, printed on the cover and the provenance page. */
    private final String softwareVersion;

    /** The templates of the review, the cover first. */
    public static final List<String> TEMPLATES = List.of("review-cover", "kpi-review", "kpi-summary", "kpi-trend",
            "kpi-charts", "eprocedure-utilisation", "validation-findings", "run-provenance");

    public RenderReportsTasklet(JdbcTemplate jdbc, ReviewPdf report, Supplier<Long> runId,
            Supplier<FiscalYear> fiscalYear, Supplier<String> plan, Supplier<Path> workingFolder, String softwareVersion) {
        this.jdbc = jdbc;
        this.softwareVersion = softwareVersion;
        this.report = report;
        this.workbook = new ReviewWorkbook(jdbc);
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
        List<Map<String, ?>> utilisation = utilisationRows(run, year);
        List<Map<String, ?>> findings = findingRows(run);
        List<Map<String, ?>> provenance = provenanceRows(run);
        Path working = workingFolder.get();
        for (Map<String, Object> p : plans) {
            String planId = (String) p.get("plan_id");
            List<Map<String, ?>> rows = jdbc.query("""
                    SELECT a.*, g.name AS goal_name FROM res_kpi_attainment a
                    JOIN in_goal g ON g.run_id = a.run_id AND g.goal_id = a.goal_id AND NOT g.excluded
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
            Map<String, List<SeriesPoint>> series = seriesByKpi(run, year, planId);
            Map<String, Object> sectionParameters = new LinkedHashMap<>();
            sectionParameters.put("PLAN_NAME", p.get("name"));
            sectionParameters.put("FISCAL_YEAR_LABEL", year.label());
            List<ReviewPdf.Section> sections = List.of(
                    new ReviewPdf.Section("review-cover", null, cover, List.of()),
                    new ReviewPdf.Section("kpi-review", "目標別の成果指標の進行管理", parameters, rows),
                    section("kpi-summary", "成果指標の状況（目標別の集計）", sectionParameters, null,
                            summaryRows(run, year, planId)),
                    section("kpi-trend", "成果指標の実績の推移と見通し", trendParameters(sectionParameters, firstPlanYear),
                            "実績は各年度の公表値（累計指標は累計値）。計画上の進捗率 = (計画上の値 − 現状) ÷ (最終目標 − 現状)。"
                                    + "予測値は現状からのペースが続いた場合の最終年度の値。",
                            trendRows(run, year, planId, series, firstPlanYear)),
                    section("kpi-charts", "成果指標の推移（グラフ）", sectionParameters,
                            "灰色の線は計画上の値（現状から中間・最終目標へ直線で結んだもの）、青は実績、赤い点は中間目標と最終目標。"
                                    + "横軸は年度（R2 = 令和2年度）。",
                            chartRows(run, year, planId, series)),
                    section("eprocedure-utilisation", "主な電子手続の利用状況", withDerived(sectionParameters, derived),
                            "電子手続利用率 = 電子受付件数 ÷ 全受付件数（小数第2位を四捨五入）。掲載システム合計は本表のシステム行の合計、"
                                    + "区全体は区の公表値。照合は計画に記載の利用率との一致を示す。",
                            utilisation),
                    section("validation-findings", "入力データの検証結果", sectionParameters,
                            "入力データの検証で見つかった事項（エラーの行は集計から除外）。ファイルと行は入力フォルダ内の位置。",
                            findings),
                    section("run-provenance", "入力ファイルと実行記録", sectionParameters, "入力データの指紋（SHA-256）"
                            + fingerprint + "　/　作成: plan-review " + softwareVersion + "　/　対象年度 " + year
                            + (only == null ? "" : "　/　計画 " + only)
                            + "。同じ入力からは同じ報告書ができる（実行の日時と番号は出力フォルダの manifest.json にある）。",
                            provenance));
            Path pdf = working.resolve("review-" + planId + "-" + year + ".pdf");
            // dated by its data, the end of the fiscal year, so that the same input gives the same file
            report.renderPdf(sections, pdf, p.get("name") + " " + year.label() + " 成果指標の進行管理",
                    year.lastDay().atStartOfDay());
            Path xlsx = working.resolve("review-" + planId + "-" + year + ".xlsx");
            workbook.write(run, year, planId, new ReviewWorkbook.Cover((String) p.get("name"), (String) cover.get("PLAN_PERIOD"),
                    (String) parameters.get("ISSUER"), fingerprint, "plan-review " + softwareVersion), xlsx);
            contribution.incrementWriteCount(2);
            log.info("Rendered {} and {} ({} KPIs)", pdf.getFileName(), xlsx.getFileName(), rows.size());
        }
        return RepeatStatus.FINISHED;
    }

    private static Map<String, ?> row(ResultSet rs) throws SQLException {
        String unit = rs.getString("unit");
        BigDecimal denominator = rs.getBigDecimal("denominator");
        Status status = Status.valueOf(rs.getString("status"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("goal_label", rs.getString("goal_label"));
        row.put("goal_name", rs.getString("goal_name"));
        row.put("kpi_name", rs.getString("name"));
        row.put("unit", unit);
        Object baselineFy = rs.getObject("baseline_fy");
        String baselineText = rs.getString("baseline_text");
        String baseline = baselineText != null ? baselineText : KpiFigures.figure(rs.getBigDecimal("baseline"), unit, denominator);
        // the plan's wording often names its year already (約6.8万件 (2024年度末)); add the year only where it does not
        // and [未実施] has no year of its own (the method starts it the year before the plan)
        boolean namesYear = baselineText != null && (baselineText.contains("年度") || baselineText.startsWith("["));
        row.put("baseline", baseline + (baselineFy == null || namesYear ? ""
                : "\n(" + FiscalYear.of(((Number) baselineFy).intValue()).japanese() + ")"));
        Object interimFy = rs.getObject("interim_fy");
        row.put("interim", interimFy == null ? "" : KpiFigures.figure(rs.getBigDecimal("interim_target"), unit, denominator)
                + "\n(" + FiscalYear.of(((Number) interimFy).intValue()).japanese() + ")");
        Object finalFy = rs.getObject("final_fy");
        String finalText = rs.getString("final_target_text");
        row.put("final_target", finalFy == null ? "" : (finalText != null ? finalText
                : KpiFigures.figure(rs.getBigDecimal("final_target"), unit, denominator))
                + "\n(" + FiscalYear.of(((Number) finalFy).intValue()).japanese() + ")");
        row.put("actual", KpiFigures.figure(rs.getBigDecimal("actual"), unit, denominator));
        row.put("expected", KpiFigures.computed(rs.getBigDecimal("expected"), unit, denominator));
        BigDecimal progress = rs.getBigDecimal("progress");
        row.put("progress", progress == null ? "" : KpiFigures.percent(progress.multiply(BigDecimal.valueOf(100))));
        row.put("status", status.symbol() + " " + status.word());
        row.put("note", NoteWording.note(rs.getString("reason"), (Boolean) rs.getObject("interim_met")));
        return row;
    }

    private static final Map<String, String> DERIVED_NAMES = Map.of("eprocedure:online_receipts_total",
            "オンラインによる申請手続受付件数", "eprocedure:major_online_coverage", "主要手続のオンライン手続カバー率",
            "eprocedure:major_online_utilisation", "主要手続のオンライン手続利用率", "eprocedure:kakanai_coverage",
            "書かない窓口のカバー率（手続数による）");

    /** The indicators derived from the e-procedure figures, one line each: the value, or why there is none. */
    private String derivedIndicators(long run, FiscalYear year) {
        List<String> lines = jdbc.query("""
                SELECT measure, derived_value, reason FROM res_derived_indicator
                WHERE run_id = ? AND fiscal_year = ? ORDER BY seq""", (rs, i) -> {
            String measure = rs.getString(1);
            BigDecimal value = rs.getBigDecimal(2);
            String shown = value == null ? "算出できません（" + NoteWording.derivedReason(rs.getString(3)) + "）"
                    : measure.endsWith("online_receipts_total") ? Decimals.grouped(value, 0) + "件"
                            : Decimals.grouped(value, 1) + "%";
            return "・" + DERIVED_NAMES.getOrDefault(measure, measure) + "：" + shown;
        }, run, year.year());
        return String.join("\n", lines) + "\n（主要手続 = 全受付件数が年1万件以上の手続）";
    }

    private static Map<String, Object> withDerived(Map<String, Object> common, String derived) {
        Map<String, Object> parameters = new LinkedHashMap<>(common);
        parameters.put("DERIVED", derived);
        return parameters;
    }

    private static ReviewPdf.Section section(String template, String title, Map<String, Object> common, String note,
            List<Map<String, ?>> rows) {
        Map<String, Object> parameters = new LinkedHashMap<>(common);
        parameters.put("SECTION_NOTE", note);
        return new ReviewPdf.Section(template, title, parameters, rows);
    }

    /**
     * One SHA-256 over every input file's name and SHA-256, in name order: a single value that names the
     * input a report was made from, so a printed report can be matched to its files.
     */
    private String inputFingerprint(long run) {
        List<String> lines = jdbc.query("SELECT file_name, sha256 FROM run_input_file WHERE run_id = ?",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + "\n", run)
            .stream().sorted().toList(); // in Java: a database's collation must not change the value
        return Checksums.sha256(String.join("", lines));
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
                SELECT kpi_id, name, unit, denominator, expected_progress, forecast, forecast_meets FROM res_kpi_attainment
                WHERE run_id = ? AND fiscal_year = ? AND plan_id = ? ORDER BY sort_key""", (rs, i) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            String unit = rs.getString(3);
            BigDecimal denominator = rs.getBigDecimal(4);
            row.put("kpi_name", rs.getString(2));
            row.put("unit", unit);
            Map<Integer, BigDecimal> actuals = new java.util.HashMap<>();
            for (SeriesPoint point : series.getOrDefault(rs.getString(1), List.of())) {
                if (KpiEvaluationTasklet.SERIES_ACTUAL.equals(point.series())) {
                    actuals.put(point.year(), point.value());
                }
            }
            for (int y = 0; y < 6; y++) {
                row.put("y" + y, KpiFigures.figure(actuals.get(first + y), null, denominator));
            }
            BigDecimal expectedProgress = rs.getBigDecimal(5);
            row.put("expected_progress", expectedProgress == null ? ""
                    : KpiFigures.percent(expectedProgress.multiply(BigDecimal.valueOf(100))));
            row.put("forecast", KpiFigures.computed(rs.getBigDecimal(6), unit, denominator));
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
                SELECT kpi_id, name, unit, status FROM res_kpi_attainment
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
                row.put("kpi_name", rs.getString(2));
                row.put("unit", rs.getString(3));
                row.put("status", status.symbol() + " " + status.word());
                // the points themselves, not a data source: the report is filled twice (page numbers) and a
                // data source can be read only once
                row.put("points", points);
                rows.add(row);
            }
        }, run, year.year(), planId);
        return rows;
    }

    private List<Map<String, ?>> summaryRows(long run, FiscalYear year, String planId) {
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
                    row.put("changed", rs.getString(10) == null ? "" : rs.getString(10));
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

    private static final String UTILISATION_SELECT = """
            SELECT r.name, r.row_level, r.procedure_count, r.online_receipts, r.total_receipts, r.rate_percent,
                   r.published_rate, r.rate_check,
                   (SELECT y.online_receipts FROM res_eprocedure_utilisation y WHERE y.run_id = r.run_id
                    AND y.fiscal_year = r.fiscal_year - 1 AND y.row_id = r.row_id) AS prev_online,
                   (SELECT y.rate_percent FROM res_eprocedure_utilisation y WHERE y.run_id = r.run_id
                    AND y.fiscal_year = r.fiscal_year - 1 AND y.row_id = r.row_id) AS prev_rate
            """;

    private List<Map<String, ?>> utilisationRows(long run, FiscalYear year) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM " + UtilisationRow.TABLE
                + " WHERE run_id = ? AND fiscal_year = ?", Integer.class, run, year.year());
        int all = count == null ? 0 : count;
        boolean chartSystems = all <= MAX_CHARTED_UTILISATION_ROWS;
        org.springframework.jdbc.core.RowMapper<Map<String, ?>> mapper = (rs, i) -> utilisationRow(rs, chartSystems);
        if (all <= MAX_PDF_UTILISATION_ROWS) {
            return jdbc.query(UTILISATION_SELECT + UtilisationRow.IN_PLAN_ORDER, mapper, run, year.year());
        }
        // the first rows in the plan's order, a pointer to the full listing, then the totals
        List<Map<String, ?>> rows = new java.util.ArrayList<>(jdbc.query(UTILISATION_SELECT
                + UtilisationRow.IN_PLAN_ORDER + " LIMIT " + MAX_PDF_UTILISATION_ROWS, mapper, run, year.year()));
        Map<String, Object> pointer = new java.util.HashMap<>();
        pointer.put("name", "（全 " + Decimals.grouped(BigDecimal.valueOf(all), 0) + " 行のうち先頭 "
                + MAX_PDF_UTILISATION_ROWS + " 行と合計のみ。全行は eprocedure-utilisation.csv と Excel を参照）");
        rows.add(pointer);
        rows.addAll(jdbc.query(UTILISATION_SELECT + """
                 FROM res_eprocedure_utilisation r
                WHERE r.run_id = ? AND r.fiscal_year = ? AND r.row_level IN ('computed_total', 'total')
                ORDER BY CASE r.row_level WHEN 'computed_total' THEN 1 ELSE 2 END, r.sort_key""", mapper, run,
                year.year()));
        return rows;
    }

    private static Map<String, ?> utilisationRow(ResultSet rs, boolean chartSystems) throws SQLException {
        String level = rs.getString(2);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", ("procedure".equals(level) || "other".equals(level) ? "　　" : "") + rs.getString(1));
        row.put("level", JapaneseLabels.level(level));
        row.put("procedure_count", Decimals.grouped(rs.getBigDecimal(3), 0));
        row.put("online_receipts", Decimals.grouped(rs.getBigDecimal(4), 0));
        row.put("total_receipts", Decimals.grouped(rs.getBigDecimal(5), 0));
        BigDecimal rate = rs.getBigDecimal(6);
        row.put("rate", rate == null ? "" : rate.toPlainString() + "%");
        BigDecimal published = rs.getBigDecimal(7);
        row.put("published_rate", published == null ? "" : Decimals.round(published, 2).toPlainString() + "%");
        row.put("rate_check", JapaneseLabels.rateCheck(rs.getString(8)));
        row.put("prev_online_receipts", Decimals.grouped(rs.getBigDecimal(9), 0));
        // the chart shows systems and totals with a rate (the template skips rows without chart_rate)
        boolean total = "total".equals(level) || "computed_total".equals(level);
        boolean charted = rate != null && (total || chartSystems && "system".equals(level));
        row.put("chart_label", rs.getString(1));
        row.put("chart_rate", charted ? rate.doubleValue() : null);
        BigDecimal previousRate = rs.getBigDecimal(10);
        row.put("prev_rate", previousRate == null ? "" : previousRate.toPlainString() + "%");
        return row;
    }

    private List<Map<String, ?>> findingRows(long run) {
        return jdbc.query("""
                SELECT severity, file_name, line_no, field_name, field_value, message, code
                    FROM run_finding""" + FindingRepository.IN_REPORT_ORDER, (rs, i) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("severity", JapaneseLabels.severity(rs.getString(1)));
            row.put("file", rs.getString(2));
            row.put("line", rs.getObject(3) == null ? "" : Long.toString(rs.getLong(3)));
            row.put("field", rs.getString(4));
            row.put("value", rs.getString(5));
            row.put("message", "【" + JapaneseLabels.finding(rs.getString(7)) + "】" + rs.getString(6));
            return row;
        }, run);
    }

    private List<Map<String, ?>> provenanceRows(long run) {
        return jdbc.query("""
                SELECT file_name, encoding, size_bytes, rows_read, rows_loaded, rows_rejected, sha256
                FROM run_input_file WHERE run_id = ?""" + " ORDER BY " + InputFiles.byName("file_name"), (rs, i) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", rs.getString(1));
            row.put("encoding", rs.getString(2));
            row.put("size", Decimals.grouped(rs.getBigDecimal(3), 0));
            row.put("rows_read", Decimals.grouped(rs.getBigDecimal(4), 0));
            row.put("rows_loaded", Decimals.grouped(rs.getBigDecimal(5), 0));
            row.put("rows_rejected", Decimals.grouped(rs.getBigDecimal(6), 0));
            row.put("sha256", rs.getString(7));
            return row;
        }, run);
    }



}
