package jp.nakano.planreview.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.attainment.Status;
import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.eprocedure.LoadedFigures;
import jp.nakano.planreview.findings.FindingRepository;
import jp.nakano.planreview.input.InputFiles;
import jp.nakano.planreview.measures.MeasureRepository;
import jp.nakano.planreview.measures.MeasureSheets;

/**
 * The review of one plan as an Excel workbook for staff: a cover (表紙), then one sheet per section with Japanese
 * names; numbers as numbers, shown with the PDF's decimals and separators; every table with a frozen, filtered
 * header that repeats on each printed page, A4 landscape one page wide ({@link SheetLayout}). Rows stream from
 * the computed results, so a large e-procedure table does not have to fit in memory; a table longer than a
 * sheet holds goes on over further sheets.
 */
public class ReviewWorkbook {

    /** The data rows a sheet holds under its header row: Excel's 1,048,576 rows less the header. */
    static final int MAX_DATA_ROWS = 1_048_575;

    /** What the cover (表紙) says about the plan and the run besides the year. */
    public record Cover(String planName, String planPeriod, String issuer, String inputFingerprint, String software) {
    }

    /** What the cover says of the measures' sheets. */
    private static final Map<String, String> MEASURE_SHEETS = Map.of("取組の進捗状況",
            "取組事項ごとの各年度の予定、今年度の予定と所管課の報告、予定との比較", "取組の集計",
            "計画・目標・取組・実施内容ごとの取組事項の区分別の件数と評価");

    /** A sheet of the workbook as the cover lists it, with its number of rows below the header. */
    private record Contents(String sheet, String description, int rows) {

        Contents(String sheet, String description, SheetLayout layout) {
            this(sheet, description, layout.rows() - 1);
        }

    }

    /** The default of {@code plan-review.workbook.eprocedure-rows}: the e-procedure rows the sheet lists at most. */
    public static final int DEFAULT_LISTED_ROWS = 10_000;

    private final JdbcTemplate jdbc;

    private final int rowsPerSheet;

    /**
     * Above this many rows the 電子手続利用率 sheet lists the first rows in the plan's order and the totals, and says
     * that every row is in the CSV file: a sheet of hundreds of thousands of rows is slow to write and to open.
     */
    private final int listedRows;

    /** Reads the first e-procedure rows in one pass when the sheet lists only those (shared with the PDF). */
    private final FirstUtilisationRows firstRows;

    public ReviewWorkbook(JdbcTemplate jdbc, LoadedFigures figures) {
        this(jdbc, figures, DEFAULT_LISTED_ROWS);
    }

    /** With the e-procedure rows the sheet lists at most ({@code plan-review.workbook.eprocedure-rows}). */
    public ReviewWorkbook(JdbcTemplate jdbc, LoadedFigures figures, int listedRows) {
        this(jdbc, listedRows, new FirstUtilisationRows(figures));
    }

    /** The same, reading the first rows through {@code firstRows} (the PDF's, so that one pass serves both). */
    public ReviewWorkbook(JdbcTemplate jdbc, int listedRows, FirstUtilisationRows firstRows) {
        this(jdbc, MAX_DATA_ROWS, listedRows, firstRows);
    }

    /** With fewer data rows per sheet than Excel allows, so that a test can go past the limit with a small table. */
    ReviewWorkbook(JdbcTemplate jdbc, LoadedFigures figures, int rowsPerSheet, int listedRows) {
        this(jdbc, rowsPerSheet, listedRows, new FirstUtilisationRows(figures));
    }

    private ReviewWorkbook(JdbcTemplate jdbc, int rowsPerSheet, int listedRows, FirstUtilisationRows firstRows) {
        if (rowsPerSheet < 1 || rowsPerSheet > MAX_DATA_ROWS) {
            throw new IllegalArgumentException("rows per sheet must be 1.." + MAX_DATA_ROWS + ", not " + rowsPerSheet);
        }
        if (listedRows < 1) {
            throw new IllegalArgumentException("plan-review.workbook.eprocedure-rows must be at least 1, not " + listedRows);
        }
        this.jdbc = jdbc;
        this.rowsPerSheet = rowsPerSheet;
        this.listedRows = listedRows;
        this.firstRows = firstRows;
    }

    /** The e-procedure rows the sheet lists at most. */
    public int listedRows() {
        return listedRows;
    }

    /**
     * Writes the workbook of one plan and year of a run. The same results give the same bytes: the document
     * is dated by its data (the end of the fiscal year) and its zip entries carry that date, not the time
     * of writing.
     */
    public void write(long runId, FiscalYear year, String planId, Cover cover, Path file) throws IOException {
        write(runId, year, planId, cover, file, null);
    }

    /** The same, with {@code keywords} in the workbook's properties (the input fingerprint the run checks). */
    public void write(long runId, FiscalYear year, String planId, Cover cover, Path file, String keywords)
            throws IOException {
        java.time.LocalDateTime dated = year.lastDay().atStartOfDay();
        String title = cover.planName() + " " + year.label() + " 成果指標の進行管理";
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            var properties = workbook.getXSSFWorkbook().getProperties();
            properties.getCoreProperties()
                .setCreated(java.util.Optional.of(java.util.Date.from(dated.atZone(java.time.ZoneOffset.ofHours(9)).toInstant())));
            if (keywords != null) {
                properties.getCoreProperties().setKeywords(keywords);
            }
            properties.getCoreProperties().setTitle(title);
            properties.getCoreProperties().setSubjectProperty("成果指標の進行管理（" + year.label() + "）");
            properties.getCoreProperties().setCreator(cover.issuer());
            properties.getExtendedProperties().getUnderlyingProperties().setCompany(cover.issuer());
            Styles styles = new Styles(workbook);
            String document = cover.planName() + "　" + year.label();
            Sheet coverSheet = workbook.createSheet("表紙");
            List<Contents> contents = new ArrayList<>();
            contents.add(kpis(workbook, styles, document, runId, year, planId));
            contents.add(summary(workbook, styles, document, runId, year, planId));
            for (SheetLayout sheet : MeasureSheets.add(workbook, new MeasureRepository(jdbc), runId, year, planId,
                    document, styles.header, styles.text, styles.number(format("0")))) {
                contents.add(new Contents(sheet.sheet().getSheetName(), MEASURE_SHEETS.get(sheet.sheet().getSheetName()),
                        sheet));
            }
            contents.add(trend(workbook, styles, document, runId, year, planId));
            contents.addAll(utilisation(workbook, styles, document, runId, year));
            contents.add(findings(workbook, styles, document, runId, new PlanFindings(jdbc, runId), planId));
            contents.add(inputs(workbook, styles, document, runId));
            cover(workbook, coverSheet, styles, title, document, year, cover, contents);
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

    /** The cover: plan, year, data date, input fingerprint and the list of sheets, each a link to its sheet. */
    private static void cover(SXSSFWorkbook workbook, Sheet sheet, Styles styles, String title, String document,
            FiscalYear year, Cover cover, List<Contents> contents) {
        int r = 0;
        Row planRow = sheet.createRow(r++);
        planRow.setHeightInPoints(28);
        cell(planRow, 0, cover.planName(), styles.title);
        Row titleRow = sheet.createRow(r++);
        titleRow.setHeightInPoints(22);
        cell(titleRow, 0, year.label() + "　成果指標の進行管理", styles.subtitle);
        r++;
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("計画", cover.planName());
        facts.put("計画期間", cover.planPeriod());
        facts.put("対象年度", year.label());
        facts.put("データの基準日", year.endJapanese());
        facts.put("作成", cover.issuer());
        facts.put("入力データの指紋（SHA-256）", cover.inputFingerprint());
        facts.put("作成ソフトウェア", cover.software());
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            Row row = sheet.createRow(r++);
            row.setHeightInPoints(SheetLayout.LINE_HEIGHT + 4);
            cell(row, 0, fact.getKey(), styles.header);
            cell(row, 1, fact.getValue(), styles.text);
            cell(row, 2, "", styles.text);
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(row.getRowNum(), row.getRowNum(), 1, 2));
        }
        r++;
        cell(sheet.createRow(r++), 0, "シート一覧", styles.subtitle);
        int listStart = r;
        Row head = sheet.createRow(r++);
        cell(head, 0, "シート", styles.header);
        cell(head, 1, "内容", styles.header);
        cell(head, 2, "行数", styles.header);
        for (Contents c : contents) {
            Row row = sheet.createRow(r++);
            row.setHeightInPoints(SheetLayout.LINE_HEIGHT + 4);
            Cell name = cell(row, 0, c.sheet(), styles.link);
            Hyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            link.setAddress("'" + c.sheet() + "'!A1");
            name.setHyperlink(link);
            cell(row, 1, c.description(), styles.text);
            Cell rows = row.createCell(2);
            rows.setCellValue(c.rows());
            rows.setCellStyle(styles.number("#,##0" + PAD));
        }
        int widest = contents.stream().mapToInt(c -> SheetLayout.displayWidth(c.sheet())).max().orElse(0);
        int described = contents.stream().mapToInt(c -> SheetLayout.displayWidth(c.description())).max().orElse(0);
        sheet.setColumnWidth(0, (Math.max(widest, SheetLayout.displayWidth("入力データの指紋（SHA-256）")) + 2) * 256);
        sheet.setColumnWidth(1, (Math.max(described, 64) + 2) * 256);
        sheet.setColumnWidth(2, 12 * 256);
        sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(listStart, r - 1, 0, 2));
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, 2, 0, r - 1);
        SheetLayout.printOnA4Landscape(sheet, document);
    }

    private Contents kpis(SXSSFWorkbook workbook, Styles styles, String document, long runId, FiscalYear year,
            String planId) {
        SheetLayout sheet = table(workbook, styles, "成果指標", List.of(col("目標", 12), col("成果指標", 24),
                col("単位", 6), col("現状の\n年度", 12), col("現状\n（数値）", 12), col("現状\n（計画の表記）", 22),
                col("中間目標\nの年度", 12), col("中間目標\n（数値）", 12), col("最終目標\nの年度", 12),
                col("最終目標\n（数値）", 12), col("最終目標\n（計画の表記）", 22), col("実績", 12), col("確定・\n速報", 8),
                col("計画上の値", 12), col("進捗率\n（%）", 10), col("計画上の\n進捗率\n（%）", 10), col("ペース比\n（%）", 10),
                col("状況", 12), col("予測値", 12), col("予測で\n目標達成", 14), col("備考", 24)));
        jdbc.query("""
                SELECT goal_label, name, unit, baseline_fy, baseline, baseline_text, interim_fy, interim_target, final_fy,
                       final_target, final_target_text, actual, actual_status, expected, progress, expected_progress,
                       pace_ratio, status, forecast, forecast_meets, reason, denominator, figure_decimals
                FROM res_kpi_attainment WHERE run_id = ? AND fiscal_year = ? AND plan_id = ? ORDER BY sort_key""",
                rs -> {
                    sheet.nextRow();
                    Status status = Status.valueOf(rs.getString(18));
                    BigDecimal denominator = rs.getBigDecimal(22);
                    // every figure of the KPI at the decimals the PDF shows it with (KpiFigures); cells stay exact
                    int decimals = KpiFigures.decimals(rs.getString(3), rs.getInt(23));
                    sheet.text(0, rs.getString(1), styles.text);
                    sheet.text(1, rs.getString(2), styles.text);
                    sheet.text(2, rs.getString(3), styles.text);
                    sheet.text(3, japaneseYear(rs, 4), styles.text);
                    figure(sheet, styles, 4, rs.getBigDecimal(5), denominator, decimals);
                    sheet.text(5, rs.getString(6), styles.text);
                    sheet.text(6, japaneseYear(rs, 7), styles.text);
                    figure(sheet, styles, 7, rs.getBigDecimal(8), denominator, decimals);
                    sheet.text(8, japaneseYear(rs, 9), styles.text);
                    figure(sheet, styles, 9, rs.getBigDecimal(10), denominator, decimals);
                    sheet.text(10, rs.getString(11), styles.text);
                    figure(sheet, styles, 11, rs.getBigDecimal(12), denominator, decimals);
                    sheet.text(12, "provisional".equals(rs.getString(13)) ? "速報値"
                            : rs.getString(13) == null ? null : "確定値", styles.text);
                    figure(sheet, styles, 13, rs.getBigDecimal(14), denominator, decimals);
                    percent(sheet, styles, 14, rs.getBigDecimal(15));
                    percent(sheet, styles, 15, rs.getBigDecimal(16));
                    percent(sheet, styles, 16, rs.getBigDecimal(17));
                    sheet.text(17, status.symbol() + " " + status.word(), styles.status.get(status));
                    figure(sheet, styles, 18, rs.getBigDecimal(19), denominator, decimals);
                    Object meets = rs.getObject(20);
                    sheet.text(19, meets == null ? null : Boolean.TRUE.equals(meets) ? "達成見込み" : "未達の見込み",
                            styles.text);
                    sheet.text(20, NoteWording.note(rs.getString(21), null), styles.text);
                }, runId, year.year(), planId);
        sheet.finish(document);
        return new Contents("成果指標", "目標別の成果指標：現状・目標・実績・計画上の値・進捗率・状況・予測（1行に1指標）", sheet);
    }

    private Contents summary(SXSSFWorkbook workbook, Styles styles, String document, long runId, FiscalYear year,
            String planId) {
        List<SheetLayout.Column> columns = new ArrayList<>(List.of(col("区分", 12), col("名称", 40)));
        for (Status status : Status.values()) {
            columns.add(col(status.symbol() + "\n" + status.word(), 10));
        }
        columns.add(col("指標数", 8));
        columns.add(col("前年度からの\n状況の変化", 40));
        SheetLayout sheet = table(workbook, styles, "状況集計", columns);
        Map<String, String> names = RenderReportsTasklet.kpiNames(jdbc, runId, year, planId);
        jdbc.query("""
                SELECT label, name, achieved, on_track, slightly_behind, behind, worsened, not_assessed, kpis, changed
                FROM res_kpi_summary WHERE run_id = ? AND fiscal_year = ? AND plan_id = ? ORDER BY sort_key""", rs -> {
            sheet.nextRow();
            sheet.text(0, rs.getString(1), styles.text);
            sheet.text(1, rs.getString(2), styles.text);
            for (int c = 0; c < 7; c++) {
                count(sheet, styles, 2 + c, BigDecimal.valueOf(rs.getInt(3 + c)));
            }
            sheet.text(9, NoteWording.changes(rs.getString(10), names), styles.text);
        }, runId, year.year(), planId);
        sheet.finish(document);
        return new Contents("状況集計", "成果指標の状況の集計（計画全体と目標別の指標数）", sheet);
    }

    /** A point of a KPI's trend: the series' value in one year. */
    private record TrendRow(String kpi, String unit, BigDecimal denominator, int decimals, String series,
            Map<Integer, BigDecimal> values) {
    }

    /**
     * The trend as the PDF's table shows it, one row per KPI and series (計画, 実績, 目標) and one column per year:
     * a KPI's row reads across the years and a chart can be made from it.
     */
    private Contents trend(SXSSFWorkbook workbook, Styles styles, String document, long runId, FiscalYear year,
            String planId) {
        List<TrendRow> rows = new ArrayList<>();
        TreeSet<Integer> years = new TreeSet<>();
        jdbc.query("""
                SELECT a.name, a.unit, a.denominator, s.series, s.point_year, s.point_value, a.figure_decimals FROM res_kpi_series s
                JOIN res_kpi_attainment a ON a.run_id = s.run_id AND a.fiscal_year = s.fiscal_year AND a.kpi_id = s.kpi_id
                WHERE s.run_id = ? AND s.fiscal_year = ? AND a.plan_id = ?
                ORDER BY a.sort_key, CASE s.series WHEN '計画' THEN 0 WHEN '実績' THEN 1 ELSE 2 END, s.point_year, s.point_value""",
                rs -> {
                    String kpi = rs.getString(1);
                    String series = rs.getString(4);
                    int pointYear = rs.getInt(5);
                    TrendRow last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
                    // a second value for the same year of a series (two targets in one year) starts a row of its own
                    if (last == null || !last.kpi().equals(kpi) || !last.series().equals(series)
                            || last.values().containsKey(pointYear)) {
                        last = new TrendRow(kpi, rs.getString(2), rs.getBigDecimal(3),
                                KpiFigures.decimals(rs.getString(2), rs.getInt(7)), series, new HashMap<>());
                        rows.add(last);
                    }
                    last.values().put(pointYear, rs.getBigDecimal(6));
                    years.add(pointYear);
                }, runId, year.year(), planId);
        Integer firstPlanYear = jdbc.query("SELECT first_fy FROM in_plan WHERE run_id = ? AND plan_id = ? AND NOT excluded",
                rs -> rs.next() ? rs.getInt(1) : null, runId, planId);
        List<SheetLayout.Column> columns = new ArrayList<>(List.of(col("成果指標", 60), col("単位", 6), col("区分", 6)));
        for (int y : years) {
            // as the PDF's trend table marks the year before the plan; a KPI's baseline may lie further back
            String before = firstPlanYear == null || y >= firstPlanYear ? ""
                    : y == firstPlanYear - 1 ? "\n（計画前年度）" : "\n（計画期間前）";
            columns.add(col(FiscalYear.of(y).japanese() + before, 12));
        }
        SheetLayout sheet = table(workbook, styles, "実績の推移", columns);
        for (TrendRow row : rows) {
            sheet.nextRow();
            sheet.text(0, row.kpi(), styles.text);
            sheet.text(1, row.unit(), styles.text);
            sheet.text(2, row.series(), styles.text);
            int c = 3;
            for (int y : years) {
                figure(sheet, styles, c++, row.values().get(y), row.denominator(), row.decimals());
            }
        }
        sheet.finish(document);
        return new Contents("実績の推移", "成果指標の年度別の計画上の値・実績・目標（1行に1指標の1区分）", sheet);
    }

    private Contents inputs(SXSSFWorkbook workbook, Styles styles, String document, long runId) {
        SheetLayout sheet = table(workbook, styles, "入力ファイル", List.of(col("入力ファイル", 30), col("文字コード", 10),
                col("サイズ\n（バイト）", 12), col("読込行", 10), col("取込行", 10), col("形式不備", 10), col("照合除外", 10),
                col("空行", 8), col("SHA-256", 66)));
        jdbc.query("""
                SELECT file_name, encoding, size_bytes, rows_read, rows_loaded, rows_rejected, rows_left_out, rows_blank,
                       sha256
                FROM run_input_file WHERE run_id = ?""" + " ORDER BY " + InputFiles.byName("file_name"), rs -> {
            sheet.nextRow();
            sheet.text(0, rs.getString(1), styles.text);
            sheet.text(1, rs.getString(2), styles.text);
            for (int c = 2; c <= 7; c++) {
                count(sheet, styles, c, rs.getBigDecimal(c + 1));
            }
            sheet.text(8, rs.getString(9), styles.text);
        }, runId);
        sheet.finish(document);
        return new Contents("入力ファイル", "入力ファイルと行数（読込・取込・形式不備・照合除外・空行）、SHA-256（報告書の元データの確認用）",
                sheet);
    }

    private static final String UTILISATION = "電子手続利用率";

    /**
     * The e-procedure table in the plan's order: every row up to {@link #listedRows} rows; above that the first
     * {@link #listedRows} rows and the totals, under a line that says how many rows there are and that every row
     * is in {@value UtilisationListing#CSV_FILE} (as the PDF does). A table longer than a sheet holds goes on in
     * 電子手続利用率 (2), (3) …, each with its header, so that nothing listed is cut.
     */
    private List<Contents> utilisation(SXSSFWorkbook workbook, Styles styles, String document, long runId,
            FiscalYear year) {
        List<SheetLayout.Column> columns = List.of(col("年度", 12), col("電子手続名", 40), col("区分", 16),
                col("手続数", 8), col("電子受付件数\n（件）", 14), col("全受付件数\n（件）", 14), col("電子手続\n利用率（%）", 12),
                col("計画の表記\n（%）", 12), col("照合", 10), col("入力ファイル", 24), col("行", 8));
        FirstUtilisationRows.Listing listing = firstRows.of(runId, year.year(), listedRows);
        long all = listing.all();
        boolean partial = all > listedRows;
        String note = partial ? "この表は" + UtilisationListing.partial(all, listedRows, false) + "（計画の表の順。"
                + "掲載する行数の上限は設定 plan-review.workbook.eprocedure-rows）。" : null;
        // the line above the header takes a row of the sheet
        int perSheet = partial ? Math.min(rowsPerSheet, MAX_DATA_ROWS - 1) : rowsPerSheet;
        List<SheetLayout> parts = new ArrayList<>(List.of(tableWithNote(workbook, styles, UTILISATION, columns, note)));
        List<Integer> rows = new ArrayList<>();
        String japaneseYear = year.japanese();
        int[] totalsListed = { 0 };
        java.util.function.Consumer<FirstUtilisationRows.Row> writer = row -> {
            SheetLayout sheet = parts.get(parts.size() - 1);
            if (sheet.rows() - 1 == perSheet) {
                sheet.finish(document);
                rows.add(sheet.rows());
                sheet = tableWithNote(workbook, styles, UTILISATION + " (" + (parts.size() + 1) + ")", columns, note);
                parts.add(sheet);
            }
            sheet.nextRow();
            String level = row.level();
            if (row.total()) {
                totalsListed[0]++;
            }
            sheet.text(0, japaneseYear, styles.text);
            // the plan's table indents a system's procedures under it
            sheet.text(1, row.name(), "procedure".equals(level) || "other".equals(level) ? styles.indented : styles.text);
            sheet.text(2, JapaneseLabels.level(level), styles.text);
            count(sheet, styles, 3, row.procedureCount());
            count(sheet, styles, 4, row.onlineReceipts());
            count(sheet, styles, 5, row.totalReceipts());
            // as the PDF's e-procedure table writes them (KpiFigures.utilisationRate)
            rate(sheet, styles, 6, row.ratePercent());
            rate(sheet, styles, 7, row.publishedRate());
            sheet.text(8, JapaneseLabels.rateCheck(row.rateCheck()), styles.text);
            sheet.text(9, row.sourceFile(), styles.text);
            if (row.sourceLine() != null) {
                sheet.number(10, row.sourceLine(), row.sourceLine().toString(), styles.number("0" + PAD));
            }
        };
        // every row, or the first rows and then the totals
        listing.first().forEach(writer);
        List<FirstUtilisationRows.Row> totals = partial ? listing.totals() : List.of();
        // the totals come last in the plan's order: those the first rows did not reach
        totals.stream().skip(totalsListed[0]).forEach(writer);
        SheetLayout last = parts.get(parts.size() - 1);
        last.finish(document);
        rows.add(last.rows());
        List<Contents> contents = new ArrayList<>();
        long first = 1;
        for (int p = 0; p < rows.size(); p++) {
            int dataRows = rows.get(p) - 1;
            String description = "主な電子手続の利用状況（計画の表の順）";
            if (rows.size() > 1) {
                description += "の " + grouped(first) + "〜" + grouped(first + dataRows - 1) + " 行目（1シートに "
                        + grouped(perSheet) + " 行まで）";
            }
            if (partial) {
                description += "。" + UtilisationListing.partial(all, listedRows, false);
            }
            contents.add(new Contents(p == 0 ? UTILISATION : UTILISATION + " (" + (p + 1) + ")", description, dataRows));
            first += dataRows;
        }
        return contents;
    }

    /** A table; with a {@code note} (a listing of the first rows only), that line above its header. */
    private static SheetLayout tableWithNote(SXSSFWorkbook workbook, Styles styles, String name,
            List<SheetLayout.Column> columns, String note) {
        if (note == null) {
            return table(workbook, styles, name, columns);
        }
        Sheet sheet = workbook.createSheet(name);
        Row row = sheet.createRow(0);
        row.setHeightInPoints(2 * SheetLayout.LINE_HEIGHT + 4);
        cell(row, 0, note, styles.note());
        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, columns.size() - 1));
        SheetLayout layout = new SheetLayout(sheet, columns);
        layout.header(1, styles.header, styles.text);
        return layout;
    }

    private static String grouped(long value) {
        return Decimals.grouped(BigDecimal.valueOf(value), 0);
    }

    private Contents findings(SXSSFWorkbook workbook, Styles styles, String document, long runId, PlanFindings scope,
            String planId) {
        // the plan's own findings and the ward-wide ones, as in the PDF; counted first, for the note above the table
        long[] all = { 0 };
        jdbc.query("SELECT message, field_value, raw_record FROM run_finding WHERE run_id = ?", rs -> {
            if (scope.shows(planId, rs.getString(1), rs.getString(2), rs.getString(3))) {
                all[0]++;
            }
        }, runId);
        String partial = all[0] > FindingListing.MAX_LISTED ? FindingListing.partial(all[0], FindingListing.MAX_LISTED)
                : null;
        SheetLayout sheet = tableWithNote(workbook, styles, "検証結果", List.of(col("重要度", 8), col("ファイル", 24),
                col("行", 8), col("項目", 16), col("値", 16), col("区分", 24), col("内容", 50), col("コード", 28),
                col("元の行", 30)), partial == null ? null : "この表は" + partial + "。");
        int[] listed = { 0 };
        jdbc.query("""
                SELECT severity, code, file_name, line_no, field_name, field_value, message, raw_record
                    FROM run_finding""" + FindingRepository.IN_REPORT_ORDER, rs -> {
            if (listed[0] == FindingListing.MAX_LISTED || !scope.shows(planId, rs.getString(7), rs.getString(6),
                    rs.getString(8))) {
                return;
            }
            listed[0]++;
            sheet.nextRow();
            sheet.text(0, JapaneseLabels.severity(rs.getString(1)), styles.text);
            sheet.text(1, rs.getString(3), styles.text);
            Object line = rs.getObject(4);
            if (line != null) {
                sheet.number(2, ((Number) line).longValue(), line.toString(), styles.number("0" + PAD));
            }
            sheet.text(3, rs.getString(5), styles.text);
            sheet.text(4, rs.getString(6), styles.text);
            sheet.text(5, JapaneseLabels.finding(rs.getString(2)), styles.text);
            sheet.text(6, rs.getString(7), styles.text);
            sheet.text(7, rs.getString(2), styles.text);
            sheet.text(8, rs.getString(8), styles.text);
        }, runId);
        sheet.finish(document);
        return new Contents("検証結果", "入力データの検証で見つかった事項（エラー・警告・情報）"
                + (partial == null ? "" : "。" + partial), sheet);
    }

    private static SheetLayout.Column col(String header, int maxWidth) {
        return SheetLayout.column(header, maxWidth);
    }

    private static SheetLayout table(SXSSFWorkbook workbook, Styles styles, String name, List<SheetLayout.Column> columns) {
        SheetLayout layout = new SheetLayout(workbook.createSheet(name), columns);
        layout.header(styles.header, styles.text);
        return layout;
    }

    private static Cell cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return cell;
    }

    private static String japaneseYear(ResultSet rs, int index) throws SQLException {
        Object value = rs.getObject(index);
        return value == null ? null : FiscalYear.of(((Number) value).intValue()).japanese();
    }

    /** A KPI's figure (baseline, target, actual, planned value, forecast) at the KPI's decimals, as the PDF shows it. */
    private static void figure(SheetLayout sheet, Styles styles, int column, BigDecimal value, BigDecimal denominator,
            int decimals) {
        if (value != null) {
            shown(sheet, styles, column, value, KpiFigures.value(value, null, denominator, decimals));
        }
    }

    /** A ratio of the method (0.449) as a spreadsheet percentage with the PDF's decimals (44.9%). */
    private static void percent(SheetLayout sheet, Styles styles, int column, BigDecimal fraction) {
        if (fraction != null) {
            shown(sheet, styles, column, fraction, KpiFigures.ratio(fraction));
        }
    }

    /** A count with thousands separators, as the PDF shows it. */
    private static void count(SheetLayout sheet, Styles styles, int column, BigDecimal value) {
        if (value != null) {
            shown(sheet, styles, column, value, KpiFigures.count(value));
        }
    }

    /** 電子手続利用率 in percent (73.46) as a spreadsheet percentage (0.7346) shown as the PDF shows it. */
    private static void rate(SheetLayout sheet, Styles styles, int column, BigDecimal percent) {
        if (percent != null) {
            shown(sheet, styles, column, percent.movePointLeft(2), KpiFigures.utilisationRate(percent));
        }
    }

    /**
     * The exact value as a spreadsheet number, formatted to read as {@code shown}, the text the PDF prints for it:
     * the value stays exact for sums and filters, only its display rounds, by the reports' own rule.
     */
    private static void shown(SheetLayout sheet, Styles styles, int column, BigDecimal value, String shown) {
        if (value.abs().compareTo(EXCEL_EXACT) >= 0) {
            // Excel keeps 15 significant digits (10^20 became 1.0E20): such a figure is exact only as text. Digits
            // beyond the 15th after the point (a computed third) stay a number: no display shows them
            String exact = Decimals.grouped(value, 10);
            sheet.number(column, 0, exact, styles.number(format(shown))).setCellValue(exact);
            return;
        }
        sheet.number(column, value.doubleValue(), shown, styles.number(format(shown)));
    }

    /** From here on a whole number has more digits than a spreadsheet number keeps exactly. */
    private static final BigDecimal EXCEL_EXACT = new BigDecimal("1000000000000000");

    /** The padding after every number format: the width of a space. */
    static final String PAD = "_ ";

    private static final Pattern SHOWN = Pattern.compile("-?[0-9,]*[0-9](?:\\.([0-9]+))?(.*)", Pattern.DOTALL);

    /**
     * The spreadsheet number format that shows a number as the reports' text {@code shown} does: thousands
     * separators, the same decimals, and what follows the number ({@code /15} of a count out of a total) as
     * literal text; a trailing {@code %} as a true percentage (the cell holds the share, 0.449 for 44.9%).
     */
    static String format(String shown) {
        Matcher m = SHOWN.matcher(shown);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a number as the reports show one: " + shown);
        }
        int decimals = m.group(1) == null ? 0 : m.group(1).length();
        String suffix = m.group(2);
        String format = "#,##0" + (decimals == 0 ? "" : "." + "0".repeat(decimals));
        if (suffix.equals("%")) {
            format += "%";
        }
        else if (!suffix.isEmpty()) {
            format += "\"" + suffix.replace("\"", "") + "\"";
        }
        // a space's width after the number, as Japanese Excel's own number formats have, keeps it off the border
        return format + PAD;
    }

    /**
     * The status shades: the hues of the PDF's status chart, light enough that the black symbol and word read on
     * them in colour and in a black-and-white print alike.
     */
    private static final Map<Status, String> STATUS_SHADES = Map.of(Status.ACHIEVED, "A5D6A7", Status.ON_TRACK, "DCEDC8",
            Status.SLIGHTLY_BEHIND, "FFECB3", Status.BEHIND, "FFCC80", Status.WORSENED, "EF9A9A", Status.NOT_ASSESSED,
            "EEEEEE");

    /** The cell styles of the workbook, made once each (a workbook holds a limited number of styles). */
    private static final class Styles {

        final SXSSFWorkbook workbook;

        final CellStyle header;

        final CellStyle text;

        final CellStyle indented;

        final CellStyle title;

        final CellStyle subtitle;

        final CellStyle link;

        /** A line above a table that the reader must not miss: bold, wrapped; made when first needed. */
        private CellStyle note;

        CellStyle note() {
            if (note == null) {
                note = workbook.createCellStyle();
                note.setFont(font(11, true, false));
                note.setWrapText(true);
                note.setVerticalAlignment(VerticalAlignment.CENTER);
            }
            return note;
        }

        final Map<Status, CellStyle> status = new EnumMap<>(Status.class);

        private final Map<String, CellStyle> numbers = new HashMap<>();

        /** A KPI's figures by their decimals (display rules of {@link KpiFigures}). */
        private final CellStyle[] figures = new CellStyle[KpiFigures.MAX_DECIMALS + 1];

        CellStyle figure(int decimals) {
            return figures[decimals];
        }

        Styles(SXSSFWorkbook workbook) {
            this.workbook = workbook;
            header = SheetLayout.headerStyle(workbook);
            text = body();
            text.setAlignment(HorizontalAlignment.LEFT);
            text.setWrapText(true);
            text.setIndention((short) 1);
            indented = body();
            indented.setAlignment(HorizontalAlignment.LEFT);
            indented.setWrapText(true);
            indented.setIndention((short) 2);
            for (Status s : Status.values()) {
                XSSFCellStyle shaded = (XSSFCellStyle) body();
                shaded.setAlignment(HorizontalAlignment.CENTER);
                shaded.setFillForegroundColor(new XSSFColor(java.util.HexFormat.of().parseHex(STATUS_SHADES.get(s))));
                shaded.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                status.put(s, shaded);
            }
            title = workbook.createCellStyle();
            title.setFont(font(16, true, false));
            subtitle = workbook.createCellStyle();
            subtitle.setFont(font(12, true, false));
            link = body();
            link.setFont(font(11, false, true));
        }

        private Font font(int points, boolean bold, boolean link) {
            Font font = workbook.createFont();
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            if (link) {
                font.setUnderline(Font.U_SINGLE);
                font.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
            }
            return font;
        }

        private CellStyle body() {
            CellStyle style = workbook.createCellStyle();
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            SheetLayout.borders(style);
            return style;
        }

        /** A right-aligned number style with the given format, one per format. */
        CellStyle number(String format) {
            return numbers.computeIfAbsent(format, f -> {
                CellStyle style = body();
                style.setAlignment(HorizontalAlignment.RIGHT);
                style.setDataFormat(workbook.createDataFormat().getFormat(f));
                return style;
            });
        }

    }

}
