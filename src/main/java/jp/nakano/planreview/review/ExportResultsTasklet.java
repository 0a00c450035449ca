package jp.nakano.planreview.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.attainment.Status;
import jp.nakano.planreview.common.CsvOutput;
import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.findings.FindingRepository;
import jp.nakano.planreview.input.InputFiles;
import jp.nakano.planreview.eprocedure.LoadedFigures;
import jp.nakano.planreview.eprocedure.UtilisationTable;
import jp.nakano.planreview.report.FirstUtilisationRows;

/**
 * Writes the run's results from the database into its working run folder as CSV, streaming row by row;
 * {@code publishRunStep} publishes the folder once every file is complete. The utilisation rows come out in the plan's order:
 * systems by number, each followed by its 主な手続 and 上記以外, then the sum of the systems and the
 * published totals.
 */
class ExportResultsTasklet implements Tasklet {

    static final String UTILISATION_FILE = jp.nakano.planreview.report.UtilisationListing.CSV_FILE;

    static final String FINDINGS_FILE = jp.nakano.planreview.report.FindingListing.CSV_FILE;

    static final List<String> UTILISATION_COLUMNS = List.of("fiscal_year", "fiscal_year_ja", "row_id", "level",
            "parent_id", "name", "procedure_count", "online_receipts", "total_receipts", "utilisation_rate_percent",
            "published_rate_percent", "rate_check", "source_file", "source_line");

    static final String ATTAINMENT_FILE = "kpi-attainment.csv";

    static final String SUMMARY_FILE = "kpi-summary.csv";

    static final String SERIES_FILE = "kpi-series.csv";

    static final String INPUTS_FILE = "input-files.csv";

    static final List<String> SERIES_COLUMNS = List.of("fiscal_year", "plan_id", "kpi_id", "point_year", "series",
            "value");

    static final List<String> INPUT_COLUMNS = List.of("file", "encoding", "size_bytes", "rows_read", "rows_loaded",
            "rows_rejected", "rows_left_out", "rows_blank", "sha256");

    static final List<String> ATTAINMENT_COLUMNS = List.of("fiscal_year", "plan_id", "goal_id", "goal_label",
            "measure_id", "kpi_id", "name", "unit", "denominator", "direction", "basis", "baseline_fy", "baseline",
            "baseline_text", "actual", "actual_status", "actual_source", "other_value", "other_source", "expected",
            "interim_fy", "interim_target", "interim_met", "final_fy", "final_target", "final_target_text",
            "progress_percent", "expected_progress_percent", "pace_ratio_percent", "status", "status_symbol",
            "forecast", "forecast_meets_target", "previous_status", "status_changed", "definition_changed", "reason",
            "figure_decimals");

    static final List<String> SUMMARY_COLUMNS = List.of("fiscal_year", "plan_id", "goal_id", "label", "name",
            "達成", "順調", "やや遅れ", "遅れ", "悪化", "未評価", "kpis", "status_changes");

    static final List<String> FINDING_COLUMNS = List.of("severity", "code", "file", "line", "field", "value",
            "message", "raw_record");

    private final JdbcTemplate jdbc;

    private final ReviewRun run;

    private final LoadedFigures figures;

    ExportResultsTasklet(JdbcTemplate jdbc, ReviewRun run, LoadedFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        FiscalYear year = run.fiscalYear();
        Path working = run.folder().working();
        long rows = writeUtilisation(working.resolve(UTILISATION_FILE), year);
        rows += writeAttainment(working.resolve(ATTAINMENT_FILE), year);
        rows += writeSummary(working.resolve(SUMMARY_FILE), year);
        rows += export(working.resolve(SERIES_FILE), SERIES_COLUMNS, """
                SELECT s.fiscal_year, a.plan_id, s.kpi_id, s.point_year, s.series, s.point_value FROM res_kpi_series s
                JOIN res_kpi_attainment a ON a.run_id = s.run_id AND a.fiscal_year = s.fiscal_year AND a.kpi_id = s.kpi_id
                WHERE s.run_id = ? AND s.fiscal_year = ?
                ORDER BY a.sort_key, CASE s.series WHEN '計画' THEN 0 WHEN '実績' THEN 1 ELSE 2 END, s.point_year, s.point_value""",
                rs -> new Object[] { rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        exact(rs.getBigDecimal(6)) },
                run.runId(), year.year());
        rows += export(working.resolve(INPUTS_FILE), INPUT_COLUMNS, """
                SELECT file_name, encoding, size_bytes, rows_read, rows_loaded, rows_rejected, rows_left_out, rows_blank,
                       sha256
                FROM run_input_file WHERE run_id = ?""" + " ORDER BY " + InputFiles.byName("file_name"),
                rs -> new Object[] { rs.getString(1), rs.getString(2), rs.getObject(3), rs.getObject(4),
                        rs.getObject(5), rs.getObject(6), rs.getObject(7), rs.getObject(8), rs.getString(9) },
                run.runId());
        rows += writeFindings(working.resolve(FINDINGS_FILE));
        contribution.incrementWriteCount(rows);
        return RepeatStatus.FINISHED;
    }

    private long writeUtilisation(Path file, FiscalYear year) throws IOException {
        // every row in the plan's order, from the rows in memory (the database stores only the few rows besides the
        // 主な手続: issue 16), formatted on every core
        UtilisationTable table = figures.utilisation(run.runId(), year.year());
        try (CsvOutput out = CsvOutput.create(file, UTILISATION_COLUMNS)) {
            out.rows(table.size(), p -> {
                FirstUtilisationRows.Row row = FirstUtilisationRows.Row.of(table.inPlanOrder(p));
                return new Object[] { year.year(), year.japanese(), row.rowId(), row.level(), row.parentId(),
                        row.name(), exact(row.procedureCount()), exact(row.onlineReceipts()),
                        exact(row.totalReceipts()), row.ratePercent(), published(row.publishedRate()), row.rateCheck(),
                        row.sourceFile(), row.sourceLine() };
            });
        }
        return table.size();
    }

    private long writeAttainment(Path file, FiscalYear year) throws IOException {
        return export(file, ATTAINMENT_COLUMNS, """
                    SELECT fiscal_year, plan_id, goal_id, goal_label, measure_id, kpi_id, name, unit, denominator,
                           direction, basis, baseline_fy, baseline, baseline_text, actual, actual_status, actual_source,
                           other_value, other_source, expected, interim_fy, interim_target, interim_met, final_fy,
                           final_target, final_target_text, progress, expected_progress, pace_ratio, status, forecast,
                           forecast_meets, previous_status, definition_changed, reason, figure_decimals
                    FROM res_kpi_attainment WHERE run_id = ? AND fiscal_year = ? ORDER BY sort_key""", rs -> {
            Status status = Status.valueOf(rs.getString(30));
            Status previous = rs.getString(33) == null ? null : Status.valueOf(rs.getString(33));
            return new Object[] { rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getString(8), exact(rs.getBigDecimal(9)),
                    rs.getString(10), rs.getString(11), rs.getObject(12), exact(rs.getBigDecimal(13)),
                    rs.getString(14), exact(rs.getBigDecimal(15)), rs.getString(16), rs.getString(17),
                    exact(rs.getBigDecimal(18)), rs.getString(19), exact(rs.getBigDecimal(20)),
                    rs.getObject(21), exact(rs.getBigDecimal(22)), rs.getObject(23), rs.getObject(24),
                    exact(rs.getBigDecimal(25)), rs.getString(26), percent(rs.getBigDecimal(27)),
                    percent(rs.getBigDecimal(28)), percent(rs.getBigDecimal(29)), status.word(),
                    status.symbol(), exact(rs.getBigDecimal(31)), rs.getObject(32),
                    previous == null ? null : previous.word(), status.isChangeFrom(previous),
                    rs.getBoolean(34), rs.getString(35), rs.getObject(36) };
        }, run.runId(), year.year());
    }

    private long writeSummary(Path file, FiscalYear year) throws IOException {
        return export(file, SUMMARY_COLUMNS, """
                    SELECT fiscal_year, plan_id, goal_id, label, name, achieved, on_track, slightly_behind, behind,
                           worsened, not_assessed, kpis, changed
                    FROM res_kpi_summary WHERE run_id = ? AND fiscal_year = ? ORDER BY sort_key""", rs -> {
            return new Object[] { rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
                    rs.getInt(12), rs.getString(13) };
        }, run.runId(), year.year());
    }

    /** A ratio as a percentage with one decimal, as the review prints it (44.9). */
    private static BigDecimal percent(BigDecimal ratio) {
        return ratio == null ? null : Decimals.round(ratio.multiply(BigDecimal.valueOf(100)), 1);
    }

    private long writeFindings(Path file) throws IOException {
        return export(file, FINDING_COLUMNS, """
                    SELECT severity, code, file_name, line_no, field_name, field_value, message, raw_record
                    FROM run_finding""" + FindingRepository.IN_REPORT_ORDER, rs -> {
            return new Object[] { rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getString(8) };
        }, run.runId());
    }

    /** The cells of one output record, read from the current row of a result set. */
    @FunctionalInterface
    private interface Cells {

        Object[] of(ResultSet rs) throws SQLException;

    }

    /** Streams a query's rows into a CSV file, one record per row; returns the number of records. */
    private long export(Path file, List<String> columns, String sql, Cells cells, Object... args) throws IOException {
        long[] count = { 0 };
        try (CsvOutput out = CsvOutput.create(file, columns)) {
            jdbc.query(sql, rs -> {
                try {
                    out.row(cells.of(rs));
                    count[0]++;
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }, args);
        }
        return count[0];
    }

    private static BigDecimal exact(BigDecimal value) {
        return Decimals.normalise(value);
    }

    /** The printed rate as it was printed: two decimals. */
    private static BigDecimal published(BigDecimal value) {
        return value == null ? null : Decimals.round(value, 2);
    }

}
