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

import jp.nakano.planreview.attainment.Status;
import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;

/**
 * Renders {@code review-<plan>-FY<yyyy>.pdf} and {@code .xlsx} for every plan under review from the run's
 * computed results into the run's working folder; the PDF formats every figure the Japanese way
 * (1,793,615件, 62.3%), the workbook keeps numbers as numbers.
 */
public class RenderReportsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RenderReportsTasklet.class);

    private final JdbcTemplate jdbc;

    private final KpiReviewReport report;

    private final ReviewWorkbook workbook;

    private final Supplier<Long> runId;

    private final Supplier<FiscalYear> fiscalYear;

    private final Supplier<String> plan;

    private final Supplier<Path> workingFolder;

    private final Supplier<String> runName;

    public RenderReportsTasklet(JdbcTemplate jdbc, KpiReviewReport report, Supplier<Long> runId,
            Supplier<FiscalYear> fiscalYear, Supplier<String> plan, Supplier<Path> workingFolder,
            Supplier<String> runName) {
        this.jdbc = jdbc;
        this.report = report;
        this.workbook = new ReviewWorkbook(jdbc);
        this.runId = runId;
        this.fiscalYear = fiscalYear;
        this.plan = plan;
        this.workingFolder = workingFolder;
        this.runName = runName;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        long run = runId.get();
        FiscalYear year = fiscalYear.get();
        String only = plan.get();
        List<Map<String, Object>> plans = jdbc.queryForList("SELECT plan_id, name, issuer FROM in_plan "
                + "WHERE run_id = ? AND NOT excluded" + (only == null ? "" : " AND plan_id = ?")
                + " ORDER BY source_line", only == null ? new Object[] { run } : new Object[] { run, only });
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
                    + (provisional == 0 ? "（すべて確定値）" : "（うち速報値 " + provisional + "）"));
            parameters.put("ISSUER", p.get("issuer") == null ? "" : p.get("issuer"));
            parameters.put("RUN_ID", runName.get());
            Path pdf = workingFolder.get().resolve("review-" + planId + "-" + year + ".pdf");
            report.renderPdf(parameters, rows, pdf, p.get("name") + " " + year.label() + " 成果指標の進行管理");
            Path xlsx = workingFolder.get().resolve("review-" + planId + "-" + year + ".xlsx");
            workbook.write(run, year, planId, xlsx);
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
        String baseline = baselineText != null ? baselineText : value(rs.getBigDecimal("baseline"), unit, denominator, 2);
        // the plan's wording often names its year already (約6.8万件 (2024年度末)); add the year only where it does not
        // and [未実施] has no year of its own (the method starts it the year before the plan)
        boolean namesYear = baselineText != null && (baselineText.contains("年度") || baselineText.startsWith("["));
        row.put("baseline", baseline + (baselineFy == null || namesYear ? ""
                : "\n(" + FiscalYear.of(((Number) baselineFy).intValue()).japanese() + ")"));
        Object interimFy = rs.getObject("interim_fy");
        row.put("interim", interimFy == null ? "" : value(rs.getBigDecimal("interim_target"), unit, denominator, 2)
                + "\n(" + FiscalYear.of(((Number) interimFy).intValue()).japanese() + ")");
        Object finalFy = rs.getObject("final_fy");
        String finalText = rs.getString("final_target_text");
        row.put("final_target", finalFy == null ? "" : (finalText != null ? finalText
                : value(rs.getBigDecimal("final_target"), unit, denominator, 2))
                + "\n(" + FiscalYear.of(((Number) finalFy).intValue()).japanese() + ")");
        row.put("actual", value(rs.getBigDecimal("actual"), unit, denominator, 2));
        BigDecimal expected = rs.getBigDecimal("expected");
        // a planned value of thousands needs no decimals; a rate or a small count keeps one
        row.put("expected", value(expected, unit, denominator,
                expected != null && expected.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 ? 0 : 1));
        BigDecimal progress = rs.getBigDecimal("progress");
        row.put("progress", progress == null ? "" : Decimals.grouped(progress.multiply(BigDecimal.valueOf(100)), 1) + "%");
        row.put("status", status.symbol() + " " + status.word());
        row.put("note", NoteWording.note(rs.getString("reason"), (Boolean) rs.getObject("interim_met")));
        return row;
    }

    /** A figure with its unit as the ward writes it: 62.3%, 1,793,615件, 8/15. */
    static String value(BigDecimal value, String unit, BigDecimal denominator, int scale) {
        if (value == null) {
            return "";
        }
        if (denominator != null) {
            return Decimals.grouped(value, scale) + "/" + Decimals.grouped(denominator, 0);
        }
        return Decimals.grouped(value, scale) + (unit == null ? "" : unit);
    }

}
