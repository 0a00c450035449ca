package jp.nakano.planreview.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.attainment.Status;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.findings.FindingRepository;
import jp.nakano.planreview.eprocedure.UtilisationRow;
import jp.nakano.planreview.input.InputFiles;
import jp.nakano.planreview.measures.MeasureRepository;
import jp.nakano.planreview.measures.MeasureSheets;

/**
 * The review of one plan as an Excel workbook for staff: one sheet per section with Japanese names,
 * numbers as numbers (counts with separators, ratios as percentages), the header row frozen. Rows stream
 * from the computed results, so a large e-procedure table does not have to fit in memory.
 */
public class ReviewWorkbook {

    /** Excel's last row; a larger table is cut with a note pointing to the CSV file. */
    private static final int MAX_ROWS = 1_048_575;

    private final JdbcTemplate jdbc;

    public ReviewWorkbook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the workbook of one plan and year of a run. The same results give the same bytes: the document
     * is dated by its data (the end of the fiscal year) and its zip entries carry that date, not the time
     * of writing.
     */
    public void write(long runId, FiscalYear year, String planId, Path file) throws IOException {
        write(runId, year, planId, file, null);
    }

    /** The same, with {@code keywords} in the workbook's properties (the input fingerprint the run checks). */
    public void write(long runId, FiscalYear year, String planId, Path file, String keywords) throws IOException {
        java.time.LocalDateTime dated = year.lastDay().atStartOfDay();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            workbook.getXSSFWorkbook().getProperties().getCoreProperties()
                .setCreated(java.util.Optional.of(java.util.Date.from(dated.atZone(java.time.ZoneOffset.ofHours(9)).toInstant())));
            if (keywords != null) {
                workbook.getXSSFWorkbook().getProperties().getCoreProperties().setKeywords(keywords);
            }
            Styles styles = new Styles(workbook);
            kpis(workbook, styles, runId, year, planId);
            summary(workbook, styles, runId, year, planId);
            MeasureSheets.add(workbook, new MeasureRepository(jdbc), runId, year, planId);
            trend(workbook, styles, runId, year, planId);
            utilisation(workbook, styles, runId, year);
            findings(workbook, styles, runId, new PlanFindings(jdbc, runId), planId);
            inputs(workbook, styles, runId);
            Path written = Files.createTempFile(file.getParent(), ".workbook-", ".zip");
            try {
                try (OutputStream out = Files.newOutputStream(written)) {
                    workbook.write(out);
                }
                redate(written, file, dated);
            }
            finally {
                Files.deleteIfExists(written);
            }
        }
    }

    /** Copies a zip file entry by entry, in the same order, with every entry dated {@code dated}. */
    private static void redate(Path source, Path target, java.time.LocalDateTime dated) throws IOException {
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(source.toFile());
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(target))) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(in.entries())) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(entry.getName());
                copy.setTimeLocal(dated);
                out.putNextEntry(copy);
                try (java.io.InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    private void kpis(SXSSFWorkbook workbook, Styles styles, long runId, FiscalYear year, String planId) {
        Sheet sheet = sheet(workbook, styles, "成果指標", List.of("目標", "成果指標", "単位", "現状の年度", "現状",
                "現状（計画の表記）", "中間目標の年度", "中間目標", "最終目標の年度", "最終目標", "最終目標（計画の表記）", "実績",
                "確定・速報", "計画上の値", "進捗率", "計画上の進捗率", "ペース比", "状況", "記号", "予測値", "予測で目標達成",
                "備考"));
        int[] r = { 1 };
        jdbc.query("""
                SELECT goal_label, name, unit, baseline_fy, baseline, baseline_text, interim_fy, interim_target, final_fy,
                       final_target, final_target_text, actual, actual_status, expected, progress, expected_progress,
                       pace_ratio, status, forecast, forecast_meets, reason, figure_decimals
                FROM res_kpi_attainment WHERE run_id = ? AND fiscal_year = ? AND plan_id = ? ORDER BY sort_key""",
                rs -> {
                    Row row = sheet.createRow(r[0]++);
                    // the KPI's figures show the decimals the PDF shows (KpiFigures); the cells keep the exact value
                    CellStyle figure = styles.figure(KpiFigures.decimals(rs.getString(3), rs.getInt(22)));
                    Status status = Status.valueOf(rs.getString(18));
                    text(row, 0, rs.getString(1));
                    text(row, 1, rs.getString(2));
                    text(row, 2, rs.getString(3));
                    integer(row, 3, rs, 4);
                    number(row, 4, rs.getBigDecimal(5), figure);
                    text(row, 5, rs.getString(6));
                    integer(row, 6, rs, 7);
                    number(row, 7, rs.getBigDecimal(8), figure);
                    integer(row, 8, rs, 9);
                    number(row, 9, rs.getBigDecimal(10), figure);
                    text(row, 10, rs.getString(11));
                    number(row, 11, rs.getBigDecimal(12), figure);
                    text(row, 12, "provisional".equals(rs.getString(13)) ? "速報値"
                            : rs.getString(13) == null ? null : "確定値");
                    number(row, 13, rs.getBigDecimal(14), figure);
                    number(row, 14, rs.getBigDecimal(15), styles.percent);
                    number(row, 15, rs.getBigDecimal(16), styles.percent);
                    number(row, 16, rs.getBigDecimal(17), styles.percent);
                    text(row, 17, status.word());
                    text(row, 18, status.symbol());
                    number(row, 19, rs.getBigDecimal(19), figure);
                    Object meets = rs.getObject(20);
                    text(row, 20, meets == null ? null : Boolean.TRUE.equals(meets) ? "達成見込み" : "未達の見込み");
                    text(row, 21, NoteWording.note(rs.getString(21), null));
                }, runId, year.year(), planId);
        widths(sheet, 8, 40, 6, 10, 12, 16, 10, 12, 10, 12, 16, 12, 8, 12, 8, 10, 8, 8, 5, 12, 12, 30);
    }

    private void summary(SXSSFWorkbook workbook, Styles styles, long runId, FiscalYear year, String planId) {
        Sheet sheet = sheet(workbook, styles, "状況集計", List.of("区分", "名称", "達成", "順調", "やや遅れ", "遅れ", "悪化",
                "未評価", "指標数", "前年度からの状況の変化"));
        int[] r = { 1 };
        java.util.Map<String, String> names = RenderReportsTasklet.kpiNames(jdbc, runId, year, planId);
        jdbc.query("""
                SELECT label, name, achieved, on_track, slightly_behind, behind, worsened, not_assessed, kpis, changed
                FROM res_kpi_summary WHERE run_id = ? AND fiscal_year = ? AND plan_id = ? ORDER BY sort_key""", rs -> {
            Row row = sheet.createRow(r[0]++);
            text(row, 0, rs.getString(1));
            text(row, 1, rs.getString(2));
            for (int c = 0; c < 7; c++) {
                row.createCell(2 + c).setCellValue(rs.getInt(3 + c));
            }
            text(row, 9, NoteWording.changes(rs.getString(10), names));
        }, runId, year.year(), planId);
        widths(sheet, 10, 50, 6, 6, 8, 6, 6, 7, 7, 40);
    }

    private void trend(SXSSFWorkbook workbook, Styles styles, long runId, FiscalYear year, String planId) {
        Sheet sheet = sheet(workbook, styles, "実績の推移", List.of("成果指標", "年度", "区分", "値"));
        int[] r = { 1 };
        jdbc.query("""
                SELECT a.name, s.point_year, s.series, s.point_value, a.unit, a.figure_decimals FROM res_kpi_series s
                JOIN res_kpi_attainment a ON a.run_id = s.run_id AND a.fiscal_year = s.fiscal_year AND a.kpi_id = s.kpi_id
                WHERE s.run_id = ? AND s.fiscal_year = ? AND a.plan_id = ?
                ORDER BY a.sort_key, CASE s.series WHEN '計画' THEN 0 WHEN '実績' THEN 1 ELSE 2 END, s.point_year, s.point_value""",
                rs -> {
                    Row row = sheet.createRow(r[0]++);
                    text(row, 0, rs.getString(1));
                    text(row, 1, FiscalYear.of(rs.getInt(2)).japanese());
                    text(row, 2, rs.getString(3));
                    number(row, 3, rs.getBigDecimal(4), styles.figure(KpiFigures.decimals(rs.getString(5), rs.getInt(6))));
                }, runId, year.year(), planId);
        widths(sheet, 44, 12, 8, 14);
    }

    private void inputs(SXSSFWorkbook workbook, Styles styles, long runId) {
        Sheet sheet = sheet(workbook, styles, "入力ファイル", List.of("入力ファイル", "文字コード", "サイズ（バイト）",
                "読込行", "取込行", "形式不備", "照合除外", "空行", "SHA-256"));
        int[] r = { 1 };
        jdbc.query("""
                SELECT file_name, encoding, size_bytes, rows_read, rows_loaded, rows_rejected, rows_left_out, rows_blank,
                       sha256
                FROM run_input_file WHERE run_id = ?""" + " ORDER BY " + InputFiles.byName("file_name"), rs -> {
            Row row = sheet.createRow(r[0]++);
            text(row, 0, rs.getString(1));
            text(row, 1, rs.getString(2));
            for (int c = 2; c <= 7; c++) {
                Object value = rs.getObject(c + 1);
                if (value != null) {
                    row.createCell(c).setCellValue(((Number) value).longValue());
                }
            }
            text(row, 8, rs.getString(9));
        }, runId);
        widths(sheet, 24, 12, 14, 8, 8, 10, 10, 8, 68);
    }

    private void utilisation(SXSSFWorkbook workbook, Styles styles, long runId, FiscalYear year) {
        Sheet sheet = sheet(workbook, styles, "電子手続利用率", List.of("年度", "電子手続名", "区分", "手続数", "電子受付件数",
                "全受付件数", "電子手続利用率", "計画の表記", "照合", "入力ファイル", "行"));
        int[] r = { 1 };
        jdbc.query("""
                SELECT r.name, r.row_level, r.procedure_count, r.online_receipts, r.total_receipts, r.rate_percent,
                       r.published_rate, r.rate_check, r.source_file, r.source_line
                    """ + UtilisationRow.IN_PLAN_ORDER, rs -> {
            if (r[0] > MAX_ROWS) {
                return;
            }
            if (r[0] == MAX_ROWS) {
                text(sheet.createRow(r[0]++), 1, "以下の行は eprocedure-utilisation.csv を参照");
                return;
            }
            Row row = sheet.createRow(r[0]++);
            row.createCell(0).setCellValue(year.year());
            text(row, 1, rs.getString(1));
            text(row, 2, JapaneseLabels.level(rs.getString(2)));
            number(row, 3, rs.getBigDecimal(3), styles.figure(0));
            number(row, 4, rs.getBigDecimal(4), styles.figure(0));
            number(row, 5, rs.getBigDecimal(5), styles.figure(0));
            BigDecimal rate = rs.getBigDecimal(6);
            number(row, 6, rate == null ? null : rate.movePointLeft(2), styles.percent2);
            BigDecimal published = rs.getBigDecimal(7);
            number(row, 7, published == null ? null : published.movePointLeft(2), styles.percent2);
            text(row, 8, JapaneseLabels.rateCheck(rs.getString(8)));
            text(row, 9, rs.getString(9));
            Object line = rs.getObject(10);
            if (line != null) {
                row.createCell(10).setCellValue(((Number) line).longValue());
            }
        }, runId, year.year());
        widths(sheet, 7, 44, 10, 8, 13, 13, 12, 12, 10, 22, 6);
    }

    private void findings(SXSSFWorkbook workbook, Styles styles, long runId, PlanFindings scope, String planId) {
        Sheet sheet = sheet(workbook, styles, "検証結果", List.of("重要度", "コード", "ファイル", "行", "項目", "値",
                "内容", "元の行", "区分"));
        int[] r = { 1 };
        jdbc.query("""
                SELECT severity, code, file_name, line_no, field_name, field_value, message, raw_record
                    FROM run_finding""" + FindingRepository.IN_REPORT_ORDER, rs -> {
            // the plan's own findings and the ward-wide ones, as in the PDF
            if (!scope.shows(planId, rs.getString(7), rs.getString(6), rs.getString(8))) {
                return;
            }
            Row row = sheet.createRow(r[0]++);
            text(row, 0, JapaneseLabels.severity(rs.getString(1)));
            text(row, 1, rs.getString(2));
            text(row, 2, rs.getString(3));
            Object line = rs.getObject(4);
            if (line != null) {
                row.createCell(3).setCellValue(((Number) line).longValue());
            }
            text(row, 4, rs.getString(5));
            text(row, 5, rs.getString(6));
            text(row, 6, rs.getString(7));
            text(row, 7, rs.getString(8));
            text(row, 8, JapaneseLabels.finding(rs.getString(2)));
        }, runId);
        widths(sheet, 8, 26, 22, 6, 14, 16, 80, 40, 30);
    }




    private static Sheet sheet(SXSSFWorkbook workbook, Styles styles, String name, List<String> header) {
        SXSSFSheet sheet = workbook.createSheet(name);
        Row row = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(header.get(c));
            cell.setCellStyle(styles.header);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            sheet.setColumnWidth(c, characters[c] * 256 + 200);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(column).setCellValue(value);
        }
    }

    /** From here on a whole number has more digits than a spreadsheet number keeps exactly. */
    private static final BigDecimal EXCEL_EXACT = new BigDecimal("1000000000000000");

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            if (value.abs().compareTo(EXCEL_EXACT) >= 0 || value.stripTrailingZeros().precision() > 15) {
                // Excel keeps 15 significant digits (10^20 became 1.0E20): such a figure is exact only as text
                cell.setCellValue(jp.nakano.planreview.common.Decimals.grouped(value, 10));
                cell.setCellStyle(style);
                return;
            }
            // the stored value (exact, 10 decimals at most) as a spreadsheet number; Excel rounds only for display
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
    }

    private static void integer(Row row, int column, ResultSet rs, int index) throws SQLException {
        Object value = rs.getObject(index);
        if (value != null) {
            row.createCell(column).setCellValue(((Number) value).intValue());
        }
    }

    /** The few cell styles of the workbook. */
    private static final class Styles {

        final CellStyle header;

        final CellStyle percent;

        final CellStyle percent2;

        /** A KPI's figures by their decimals (display rules of {@link KpiFigures}). */
        private final CellStyle[] figures = new CellStyle[KpiFigures.MAX_DECIMALS + 1];

        CellStyle figure(int decimals) {
            return figures[decimals];
        }

        Styles(SXSSFWorkbook workbook) {
            for (int d = 0; d < figures.length; d++) {
                figures[d] = workbook.createCellStyle();
                figures[d].setDataFormat(workbook.createDataFormat().getFormat(KpiFigures.excelFormat(d)));
            }
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            percent2 = workbook.createCellStyle();
            percent2.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
        }

    }

}
