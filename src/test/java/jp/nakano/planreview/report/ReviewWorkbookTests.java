package jp.nakano.planreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.eprocedure.LoadedFigures;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.review.ReviewRun;
import jp.nakano.planreview.review.ReviewRuns;

/**
 * Reads the review workbook of a real run back as a spreadsheet application would: print setup, repeated and
 * frozen header, filters, column widths, number formats that read as the PDF, the cover, and a long table split
 * over sheets.
 */
@SpringBootTest
class ReviewWorkbookTests {

    private static final List<String> TABLES = List.of("成果指標", "状況集計", "実績の推移", "電子手続利用率", "検証結果",
            "入力ファイル");

    @Autowired
    private JobOperator jobOperator;

    @Autowired
    private Job annualReviewJob;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private LoadedFigures figures;

    @TempDir
    private static Path dir;

    /** The FY2022 run, made once for the class: the tests only read its files. */
    private static JobExecution run;

    private final DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);

    @Test
    void shouldPrintEveryTableOnA4LandscapeOnePageWideWithItsHeaderRepeatedAndAFooter() throws Exception {
        try (XSSFWorkbook workbook = workbook("chiiki2")) {
            assertThat(workbook.getSheetName(0)).isEqualTo("表紙");
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                XSSFSheet sheet = workbook.getSheetAt(i);
                String name = sheet.getSheetName();
                PrintSetup setup = sheet.getPrintSetup();
                assertThat(setup.getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(setup.getLandscape()).as(name).isTrue();
                assertThat(sheet.getFitToPage()).as(name).isTrue();
                assertThat(setup.getFitWidth()).as(name).isEqualTo((short) 1);
                assertThat(setup.getFitHeight()).as(name).isZero(); // as many pages down as needed
                assertThat(sheet.getFooter().getLeft()).as(name).isEqualTo("第2次中野区地域情報化推進計画　令和4年度 (FY2022)");
                assertThat(sheet.getFooter().getCenter()).as(name).isEqualTo("&A");
                assertThat(sheet.getFooter().getRight()).as(name).isEqualTo("&P / &N");
                assertThat(workbook.getPrintArea(i)).as(name).isNotNull();
                if (i == 0) {
                    continue;
                }
                assertThat(sheet.getRepeatingRows()).as(name).isEqualTo(CellRangeAddress.valueOf("1:1"));
                assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as(name).isEqualTo((short) 1);
                // the filter covers the header and every row of the table, every column
                int columns = sheet.getRow(0).getLastCellNum();
                CellRangeAddress filter = CellRangeAddress.valueOf(sheet.getCTWorksheet().getAutoFilter().getRef());
                assertThat(filter).as(name).isEqualTo(new CellRangeAddress(0, sheet.getLastRowNum(), 0, columns - 1));
                assertThat(workbook.getPrintArea(i)).as(name)
                    .endsWith("$A$1:$" + org.apache.poi.ss.util.CellReference.convertNumToColString(columns - 1) + "$"
                            + (sheet.getLastRowNum() + 1));
            }
        }
    }

    @Test
    void shouldMakeEveryColumnAtLeastAsWideAsItsHeaderAndItsNumbers() throws Exception {
        try (XSSFWorkbook workbook = workbook("chiiki2")) {
            for (String name : TABLES) {
                XSSFSheet sheet = workbook.getSheet(name);
                Row header = sheet.getRow(0);
                assertThat(header.getHeightInPoints()).as(name)
                    .isGreaterThanOrEqualTo(maxLines(header) * SheetLayout.LINE_HEIGHT);
                for (Cell cell : header) {
                    String heading = cell.getStringCellValue();
                    int width = sheet.getColumnWidth(cell.getColumnIndex()) / 256;
                    // full-width characters count two; the filter's button takes room beside the heading
                    assertThat(width).as(name + " " + heading).isGreaterThanOrEqualTo(widest(heading) + 2);
                    assertThat(cell.getCellStyle().getWrapText()).isTrue();
                }
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    for (Cell cell : sheet.getRow(r)) {
                        int width = sheet.getColumnWidth(cell.getColumnIndex()) / 256;
                        String shown = formatter.formatCellValue(cell);
                        if (cell.getCellType() == CellType.NUMERIC) {
                            assertThat(width).as(name + "!" + cell.getAddress()).isGreaterThan(shown.length());
                            assertThat(cell.getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.RIGHT);
                        }
                        else if (!shown.isEmpty()) {
                            // text longer than its column wraps; a row is as high as its lines
                            assertThat(cell.getCellStyle().getAlignment()).as(name + "!" + cell.getAddress())
                                .isIn(HorizontalAlignment.LEFT, HorizontalAlignment.CENTER);
                            int lines = (SheetLayout.displayWidth(shown) + width - 1) / width;
                            assertThat(width >= SheetLayout.displayWidth(shown)
                                    || cell.getCellStyle().getWrapText()
                                            && sheet.getRow(r).getHeightInPoints() >= lines * SheetLayout.LINE_HEIGHT)
                                .as(name + "!" + cell.getAddress() + " " + shown)
                                .isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void shouldShowEveryFigureAsThePdfShowsIt() throws Exception {
        String pdf = compact(ReportContents.text(folder().resolve("review-chiiki2-FY2022.pdf")));
        try (XSSFWorkbook workbook = workbook("chiiki2")) {
            XSSFSheet kpis = workbook.getSheet("成果指標");
            assertThat(headers(kpis)).contains("現状\n（数値）", "現状\n（計画の表記）", "実績", "計画上の値", "進捗率\n（%）",
                    "状況");
            Row card = kpis.getRow(1);
            assertThat(card.getCell(1).getStringCellValue()).isEqualTo("区内のマイナンバーカード交付率");
            // the figure and the plan's wording apart, each under its own heading
            assertThat(shown(card.getCell(4))).isEqualTo("31.6");
            assertThat(card.getCell(5).getStringCellValue()).isEqualTo("31.6%");
            assertThat(card.getCell(11).getNumericCellValue()).isEqualTo(62.3);
            assertThat(card.getCell(11).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0_ ");
            // progress is a true percentage: the cell holds the share, exact, and shows the PDF's one decimal
            assertThat(card.getCell(14).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0%_ ");
            assertThat(card.getCell(14).getNumericCellValue()).isEqualTo(0.4488304094); // (62.3 − 31.6) ÷ (100 − 31.6)
            assertThat(shown(card.getCell(14))).isEqualTo("44.9%");
            Row online = kpis.getRow(2);
            assertThat(shown(online.getCell(4))).isEqualTo("1,461,063");
            assertThat(online.getCell(5).getStringCellValue()).isEqualTo("約146万件");
            assertThat(online.getCell(11).getNumericCellValue()).isEqualTo(1793615);
            assertThat(shown(online.getCell(11))).isEqualTo("1,793,615");
            // the planned value keeps its exact value; it shows as the PDF's whole number
            assertThat(online.getCell(13).getNumericCellValue()).isEqualTo(1620354.3333333333);
            assertThat(shown(online.getCell(13))).isEqualTo("1,620,354");
            // every figure of the sheet reads in the PDF just as the workbook shows it
            for (int r = 1; r <= kpis.getLastRowNum(); r++) {
                Row row = kpis.getRow(r);
                String unit = row.getCell(2).getStringCellValue();
                for (int c : new int[] { 11, 13 }) {
                    if (row.getCell(c).getCellType() == CellType.NUMERIC) {
                        String figure = shown(row.getCell(c));
                        assertThat(pdf).as(kpis.getRow(r).getCell(1) + " " + figure)
                            .contains(figure + (figure.contains("/") ? "" : unit));
                    }
                }
                if (row.getCell(14).getCellType() == CellType.NUMERIC) {
                    assertThat(pdf).contains(shown(row.getCell(14)));
                }
            }
            XSSFSheet rates = workbook.getSheet("電子手続利用率");
            assertThat(headers(rates)).contains("電子受付件数\n（件）", "全受付件数\n（件）", "電子手続\n利用率（%）");
            Row total = rates.getRow(rates.getLastRowNum());
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("区全体の電子手続");
            assertThat(shown(total.getCell(4))).isEqualTo("1,793,615");
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(0.7346);
            assertThat(shown(total.getCell(6))).isEqualTo("73.46%");
            assertThat(pdf).contains("73.46%").contains("2,441,639");
        }
    }

    @Test
    void shouldShowTheStatusAsSymbolAndWordOnItsOwnShade() throws Exception {
        try (XSSFWorkbook workbook = workbook("chiiki2")) {
            XSSFSheet kpis = workbook.getSheet("成果指標");
            Cell behind = kpis.getRow(1).getCell(17);
            Cell onTrack = kpis.getRow(2).getCell(17);
            assertThat(behind.getStringCellValue()).isEqualTo("▲ 遅れ");
            assertThat(onTrack.getStringCellValue()).isEqualTo("○ 順調");
            XSSFCellStyle shade = (XSSFCellStyle) behind.getCellStyle();
            assertThat(shade.getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(shade.getFillForegroundXSSFColor().getARGBHex()).isNotEqualTo(
                    ((XSSFCellStyle) onTrack.getCellStyle()).getFillForegroundXSSFColor().getARGBHex());
            // light enough for black text, also in a black-and-white print
            byte[] rgb = shade.getFillForegroundXSSFColor().getRGB();
            double luminance = 0.299 * (rgb[0] & 0xff) + 0.587 * (rgb[1] & 0xff) + 0.114 * (rgb[2] & 0xff);
            assertThat(luminance).isGreaterThan(170);
            XSSFSheet summary = workbook.getSheet("状況集計");
            assertThat(headers(summary)).contains("◎\n達成", "○\n順調", "△\nやや遅れ", "▲\n遅れ", "×\n悪化", "－\n未評価");
        }
    }

    @Test
    void shouldOpenWithACoverNamingThePlanYearDataDateInputAndSheets() throws Exception {
        String pdfCover = ReportContents.text(folder().resolve("review-chiiki2-FY2022.pdf"));
        Matcher fingerprint = Pattern.compile("[0-9a-f]{64}").matcher(pdfCover);
        assertThat(fingerprint.find()).isTrue();
        try (XSSFWorkbook workbook = workbook("chiiki2")) {
            XSSFSheet cover = workbook.getSheet("表紙");
            List<String> texts = new ArrayList<>();
            cover.forEach(row -> row.forEach(cell -> texts.add(formatter.formatCellValue(cell))));
            assertThat(texts).contains("第2次中野区地域情報化推進計画", "令和4年度 (FY2022)　成果指標の進行管理",
                    "2023年3月31日（令和4年度末）", "中野区企画部情報システム課", fingerprint.group(),
                    "令和3年度 (FY2021) 〜 令和7年度 (FY2025)");
            // the list of sheets, each a link to its sheet, with its rows
            for (String table : TABLES) {
                assertThat(texts).contains(table);
            }
            Row first = findRow(cover, "成果指標");
            assertThat(first.getCell(0).getHyperlink().getAddress()).isEqualTo("'成果指標'!A1");
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(workbook.getSheet("成果指標").getLastRowNum());
            var core = workbook.getProperties().getCoreProperties();
            assertThat(core.getTitle()).isEqualTo("第2次中野区地域情報化推進計画 令和4年度 (FY2022) 成果指標の進行管理");
            assertThat(core.getSubject()).contains("成果指標の進行管理").contains("令和4年度");
            assertThat(workbook.getProperties().getExtendedProperties().getUnderlyingProperties().getCompany())
                .isEqualTo("中野区企画部情報システム課");
        }
    }

    @Test
    void shouldGoOnOverFurtherSheetsWhenTheEprocedureTableIsLongerThanASheetHolds() throws Exception {
        // a generated table of 628 rows for FY2020, and 250 rows per sheet for Excel's 1,048,575: the same logic
        JobExecution longRun = longRun();
        Path whole = Path.of(ReviewRuns.runFolder(longRun)).resolve("review-chiiki2-FY2020.xlsx");
        Path split = dir.resolve("split.xlsx");

        new ReviewWorkbook(jdbc, figures, 250, Integer.MAX_VALUE).write(longRun.getId(), FiscalYear.of(2020), "chiiki2",
                new ReviewWorkbook.Cover("第2次中野区地域情報化推進計画", "期間", "発行", "0".repeat(64), "plan-review test"),
                split);

        try (XSSFWorkbook one = new XSSFWorkbook(Files.newInputStream(whole));
                XSSFWorkbook parts = new XSSFWorkbook(Files.newInputStream(split))) {
            XSSFSheet all = one.getSheet("電子手続利用率");
            assertThat(all.getLastRowNum()).isEqualTo(628);
            assertThat(one.getSheet("電子手続利用率 (2)")).isNull();
            List<String> names = new ArrayList<>();
            int[] sizes = { 250, 250, 128 };
            List<String> sheets = List.of("電子手続利用率", "電子手続利用率 (2)", "電子手続利用率 (3)");
            for (int p = 0; p < sheets.size(); p++) {
                XSSFSheet part = parts.getSheet(sheets.get(p));
                assertThat(part).as(sheets.get(p)).isNotNull();
                assertThat(part.getLastRowNum()).as(sheets.get(p)).isEqualTo(sizes[p]);
                assertThat(headers(part)).isEqualTo(headers(all));
                assertThat(part.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:1"));
                assertThat(part.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:K" + (sizes[p] + 1));
                for (int r = 1; r <= part.getLastRowNum(); r++) {
                    names.add(part.getRow(r).getCell(1).getStringCellValue());
                }
            }
            assertThat(parts.getSheet("電子手続利用率 (4)")).isNull();
            // nothing lost, nothing repeated, in the plan's order, the totals last
            List<String> expected = new ArrayList<>();
            for (int r = 1; r <= all.getLastRowNum(); r++) {
                expected.add(all.getRow(r).getCell(1).getStringCellValue());
            }
            assertThat(names).isEqualTo(expected).contains("generated procedure 600").endsWith("区全体の電子手続");
            List<String> cover = new ArrayList<>();
            parts.getSheet("表紙").forEach(row -> row.forEach(cell -> cover.add(formatter.formatCellValue(cell))));
            assertThat(cover).contains("電子手続利用率 (3)",
                    "主な電子手続の利用状況（計画の表の順）の 251〜500 行目（1シートに 250 行まで）",
                    "主な電子手続の利用状況（計画の表の順）の 501〜628 行目（1シートに 250 行まで）");
        }
        assertThatThrownBy(() -> new ReviewWorkbook(jdbc, figures, ReviewWorkbook.MAX_DATA_ROWS + 1, 10))
            .hasMessageContaining("1048575");
        assertThat(ReviewWorkbook.MAX_DATA_ROWS + 1).isEqualTo(org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    /** Every cell of a row as a spreadsheet shows it. */
    private List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(shown(cell)));
        return cells;
    }

    private static final ReviewWorkbook.Cover TEST_COVER = new ReviewWorkbook.Cover("第2次中野区地域情報化推進計画", "期間",
            "発行", "0".repeat(64), "plan-review test");

    @Test
    void shouldListTheFirstEprocedureRowsAndTheTotalsAndPointToTheCsvAboveTheConfiguredLimit() throws Exception {
        Path limited = dir.resolve("limited.xlsx");
        new ReviewWorkbook(jdbc, figures, 5).write(fy2020().getId(), FiscalYear.of(2020), "chiiki2", TEST_COVER, limited);

        List<String> csv = Files.readAllLines(Path.of(ReviewRuns.runFolder(fy2020())).resolve(UtilisationListing.CSV_FILE));
        try (XSSFWorkbook whole = fy2020Workbook();
                XSSFWorkbook five = new XSSFWorkbook(Files.newInputStream(limited))) {
            XSSFSheet all = whole.getSheet("電子手続利用率");
            int rows = all.getLastRowNum();
            assertThat(rows).as("the CSV file has every row").isEqualTo(csv.size() - 1).isGreaterThan(10);
            XSSFSheet sheet = five.getSheet("電子手続利用率");
            // the line above the header, plain on screen (frozen with the header) and on the first printed page
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("この表は全 " + rows
                    + " 行のうち先頭 5 行と合計のみ。全行は eprocedure-utilisation.csv を参照（計画の表の順。"
                    + "掲載する行数の上限は設定 plan-review.workbook.eprocedure-rows）。");
            assertThat(sheet.getMergedRegions()).contains(CellRangeAddress.valueOf("A1:K1"));
            List<String> header = new ArrayList<>();
            sheet.getRow(1).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).isEqualTo(headers(all));
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("2:2"));
            // the first five rows in the plan's order, then the totals, each as the whole table shows it
            List<List<String>> expected = new ArrayList<>();
            for (int r = 1; r <= 5; r++) {
                expected.add(cells(all.getRow(r)));
            }
            for (int r = 6; r <= rows; r++) {
                String level = all.getRow(r).getCell(2).getStringCellValue();
                if (level.equals("合計（算出）") || level.equals("区全体（公表値）")) {
                    expected.add(cells(all.getRow(r)));
                }
            }
            assertThat(expected).hasSize(7);
            List<List<String>> listed = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                listed.add(cells(sheet.getRow(r)));
            }
            assertThat(listed).isEqualTo(expected);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:K9");
            // the cover says so too, and counts the rows listed
            Row contents = findRow(five.getSheet("表紙"), "電子手続利用率");
            assertThat(contents.getCell(1).getStringCellValue()).isEqualTo("主な電子手続の利用状況（計画の表の順）。全 " + rows
                    + " 行のうち先頭 5 行と合計のみ。全行は eprocedure-utilisation.csv を参照");
            assertThat(contents.getCell(2).getNumericCellValue()).isEqualTo(7);
        }
    }

    @Test
    void shouldListEveryEprocedureRowUpToTheLimitAndNeverATotalTwice() throws Exception {
        int rows;
        try (XSSFWorkbook whole = fy2020Workbook()) {
            rows = whole.getSheet("電子手続利用率").getLastRowNum();
        }
        Path byDefault = dir.resolve("default.xlsx");
        Path atLimit = dir.resolve("at-limit.xlsx");
        Path oneBelow = dir.resolve("one-below.xlsx");
        new ReviewWorkbook(jdbc, figures).write(fy2020().getId(), FiscalYear.of(2020), "chiiki2", TEST_COVER, byDefault);
        new ReviewWorkbook(jdbc, figures, rows).write(fy2020().getId(), FiscalYear.of(2020), "chiiki2", TEST_COVER, atLimit);
        new ReviewWorkbook(jdbc, figures, rows - 1).write(fy2020().getId(), FiscalYear.of(2020), "chiiki2", TEST_COVER, oneBelow);

        // at the limit nothing changes: the same bytes as with the default of 10,000 rows
        assertThat(Files.mismatch(byDefault, atLimit)).isEqualTo(-1L);
        try (XSSFWorkbook full = new XSSFWorkbook(Files.newInputStream(atLimit));
                XSSFWorkbook cut = new XSSFWorkbook(Files.newInputStream(oneBelow))) {
            XSSFSheet all = full.getSheet("電子手続利用率");
            XSSFSheet sheet = cut.getSheet("電子手続利用率");
            assertThat(headers(all)).contains("電子手続名");
            // one row short of the limit the first rows reach the computed total: the published total follows once
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("全 " + rows + " 行のうち先頭 " + (rows - 1) + " 行");
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(rows);
            for (int r = 1; r <= rows; r++) {
                assertThat(cells(sheet.getRow(r + 1))).isEqualTo(cells(all.getRow(r)));
            }
        }
        assertThatThrownBy(() -> new ReviewWorkbook(jdbc, figures, 0)).hasMessageContaining("plan-review.workbook.eprocedure-rows");
    }

    @Test
    void shouldFormatANumberAsTheReportsTextShowsIt() {
        assertThat(ReviewWorkbook.format("1,793,615")).isEqualTo("#,##0_ ");
        assertThat(ReviewWorkbook.format("62.3")).isEqualTo("#,##0.0_ ");
        assertThat(ReviewWorkbook.format("73.46%")).isEqualTo("#,##0.00%_ ");
        assertThat(ReviewWorkbook.format("0.7/15")).isEqualTo("#,##0.0\"/15\"_ ");
        assertThat(ReviewWorkbook.format("-11")).isEqualTo("#,##0_ ");
        assertThatThrownBy(() -> ReviewWorkbook.format("約146万件")).hasMessageContaining("約146万件");
    }

    @Test
    void shouldCountAFullWidthCharacterAsTwoWidths() {
        assertThat(SheetLayout.displayWidth("1,793,615")).isEqualTo(9);
        assertThat(SheetLayout.displayWidth("成果指標")).isEqualTo(8);
        assertThat(SheetLayout.displayWidth("▲ 遅れ")).isEqualTo(7);
        assertThat(SheetLayout.displayWidth("中間目標\nの年度")).isEqualTo(8);
        assertThat(SheetLayout.displayWidth("ｶﾅ")).isEqualTo(2);
    }

    private String shown(Cell cell) {
        return formatter.formatCellValue(cell).strip();
    }

    private static List<String> headers(XSSFSheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }

    private static Row findRow(XSSFSheet sheet, String first) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && first.equals(row.getCell(0).toString())) {
                return row;
            }
        }
        throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
    }

    private static int widest(String heading) {
        return SheetLayout.displayWidth(heading);
    }

    private static int maxLines(Row header) {
        int lines = 1;
        for (Cell cell : header) {
            lines = Math.max(lines, cell.getStringCellValue().split("\n").length);
        }
        return lines;
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    private XSSFWorkbook workbook(String plan) throws Exception {
        return new XSSFWorkbook(Files.newInputStream(folder().resolve("review-" + plan + "-FY2022.xlsx")));
    }

    private Path folder() throws Exception {
        return Path.of(ReviewRuns.runFolder(run()));
    }

    /**
     * FY2020 with 600 generated procedures of system s05 after the bundled rows (the input's order is not the
     * plan's), then a procedure before its system.
     */
    private static JobExecution longRun;

    /** A copy of the bundled input in {@code folder} with {@code figures} added to its e-procedure figures. */
    private static Path bundledInputWith(Path folder, CharSequence figures) throws Exception {
        Path input = Files.createDirectories(folder);
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("input"))) {
            for (Path f : files.toList()) {
                Files.copy(f, input.resolve(f.getFileName()));
            }
        }
        Files.writeString(input.resolve("eprocedure-figures.csv"), figures, java.nio.file.StandardOpenOption.APPEND);
        return input;
    }

    private JobExecution longRun() throws Exception {
        if (longRun == null) {
            StringBuilder generated = new StringBuilder();
            for (int i = 1; i <= 600; i++) {
                generated.append("2020,s05-x").append(i).append(",procedure,s05,").append(100 + i)
                    .append(",generated procedure ").append(i).append(",,1,2,,,,,test,\n");
            }
            // a procedure before the system it belongs to
            generated.append("2020,s99-p1,procedure,s99,1,late procedure,,1,2,,,,,test,\n");
            generated.append("2020,s99,system,,99,late system,,1,2,,,,,test,\n");
            Path input = bundledInputWith(dir.resolve("long-input"), generated);
            longRun = jobOperator.start(annualReviewJob,
                    ReviewRun.parameters(input, dir.resolve("long-out"), FiscalYear.of(2020), null));
        }
        return longRun;
    }

    @Test
    void shouldListTheFirstThousandFindingsAndPointToTheCsvWhenARunHasMore() throws Exception {
        // FY2020 with 1,050 generated procedures whose printed rate differs from their figures: a warning each
        StringBuilder generated = new StringBuilder();
        for (int i = 1; i <= 1_050; i++) {
            generated.append("2020,s05-f").append(i).append(",procedure,s05,").append(100 + i)
                .append(",generated procedure ").append(i).append(",,1,2,,,,40%,test,\n");
        }
        Path input = bundledInputWith(dir.resolve("findings-input"), generated);
        JobExecution many = jobOperator.start(annualReviewJob,
                ReviewRun.parameters(input, dir.resolve("findings-out"), FiscalYear.of(2020), null));
        Path folder = Path.of(ReviewRuns.runFolder(many));
        long all = jdbc.queryForObject("SELECT COUNT(*) FROM run_finding WHERE run_id = ?", Long.class, many.getId());
        assertThat(all).isGreaterThan(1_050);
        // every finding stays in the CSV file
        assertThat(Files.readAllLines(folder.resolve("validation-findings.csv"))).hasSize((int) all + 1);
        String partial;
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(folder.resolve("review-chiiki2-FY2020.xlsx")))) {
            XSSFSheet sheet = workbook.getSheet("検証結果");
            // the plan's own findings and the ward-wide ones: the generated rows' and most of the others
            java.util.regex.Matcher note = java.util.regex.Pattern
                .compile("この表は(全 ([0-9,]+) 件のうち先頭 1,000 件のみ。全件は validation-findings.csv を参照)。")
                .matcher(sheet.getRow(0).getCell(0).getStringCellValue());
            assertThat(note.matches()).as(sheet.getRow(0).getCell(0).getStringCellValue()).isTrue();
            assertThat(Long.parseLong(note.group(2).replace(",", ""))).isBetween(1_050L, all);
            partial = note.group(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("重要度");
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + 1_000);
            // the first in the report's order (by file and line): the last generated rows are the ones left out
            List<String> messages = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                messages.add(sheet.getRow(r).getCell(6).getStringCellValue());
            }
            assertThat(messages).anySatisfy(m -> assertThat(m).contains("generated procedure 990:"))
                .noneSatisfy(m -> assertThat(m).contains("generated procedure 1050:"));
            List<String> cover = new ArrayList<>();
            workbook.getSheet("表紙").forEach(row -> row.forEach(cell -> cover.add(formatter.formatCellValue(cell))));
            assertThat(cover).anySatisfy(line -> assertThat(line).contains(partial));
        }
        String pdf = ReportContents.text(folder.resolve("review-chiiki2-FY2020.pdf"));
        assertThat(compact(pdf)).contains(compact(partial));
        String html = Files.readString(folder.resolve("review-chiiki2-FY2020.html"));
        assertThat(html).contains(partial)
            .contains("generated procedure 990:").doesNotContain("generated procedure 1050:");
    }

    @Test
    void shouldExportEveryRowInThePlansOrderWhetherTheTableIsAlreadyInItOrNot() throws Exception {
        // the bundled FY2020 table lists each system before its rows (only the ward total comes first); the long
        // one adds procedures of s05 after the other systems and a procedure before its system
        for (JobExecution run : List.of(fy2020(), longRun())) {
            List<String[]> exported = exported(run);
            // the plan's order: each system followed by its 主な手続, then its 上記以外; then the sum of the
            // systems, then the published totals
            assertThat(exported.get(exported.size() - 2)[1]).isEqualTo("computed_total");
            assertThat(exported.get(exported.size() - 1)[1]).isEqualTo("total");
            String system = null;
            String lastLevel = null;
            for (String[] row : exported.subList(0, exported.size() - 2)) {
                if (row[1].equals("system")) {
                    system = row[0];
                }
                else {
                    assertThat(row[2]).as("row %s under its system", row[0]).isEqualTo(system);
                    assertThat(lastLevel.equals("other") && row[1].equals("procedure")).as("row %s", row[0]).isFalse();
                }
                lastLevel = row[1];
            }
            List<String> streamed = new ArrayList<>();
            new FirstUtilisationRows(figures).inPlanOrder(run.getId(), 2020, r -> streamed.add(r.rowId()));
            assertThat(streamed).isEqualTo(exported.stream().map(r -> r[0]).toList()).hasSizeGreaterThan(20);
        }
        assertThat(exported(fy2020()).stream().map(r -> r[0]).toList()).startsWith("s01", "s01-p1")
            .endsWith("computed_total", "total");
        // the late system's procedure follows it, though read before it
        List<String> ids = exported(longRun()).stream().map(r -> r[0]).toList();
        assertThat(ids.indexOf("s99-p1")).isEqualTo(ids.indexOf("s99") + 1);
        assertThat(ids.indexOf("s05-x600")).isLessThan(ids.indexOf("s99"));
    }

    /** row_id, level and parent_id of each row of a run's eprocedure-utilisation.csv, in the file's order. */
    private static List<String[]> exported(JobExecution run) throws Exception {
        List<String[]> exported = new ArrayList<>();
        Path file = Path.of(ReviewRuns.runFolder(run)).resolve("eprocedure-utilisation.csv");
        try (org.apache.commons.csv.CSVParser csv = jp.nakano.planreview.input.CsvInput.open(file,
                jp.nakano.planreview.input.CsvInput.detect(file))) {
            csv.forEach(r -> exported.add(new String[] { r.get("row_id"), r.get("level"), r.get("parent_id") }));
        }
        return exported;
    }

    @Test
    void shouldListTheFirstRowsAndTheTotalsInTheOrderOfTheExport() throws Exception {
        long id = longRun().getId();
        List<String> exported = exported(longRun()).stream().map(r -> r[0] + " " + r[1]).toList();
        assertThat(exported).hasSize(628);
        for (int limit : new int[] { 1, 20, 30, 500, 625, 626, 627, 628, 1000 }) {
            FirstUtilisationRows.Listing listing = new FirstUtilisationRows(figures).of(id, 2020, limit);
            assertThat(listing.all()).isEqualTo(628);
            assertThat(listing.first()).extracting(r -> r.rowId() + " " + r.level()).as("limit %d", limit)
                .isEqualTo(exported.subList(0, Math.min(limit, 628)));
            assertThat(listing.totals()).extracting(r -> r.rowId() + " " + r.level())
                .isEqualTo(exported.subList(626, 628));
        }
        // the PDF lists the first 500 of them and the totals, and points to the CSV file and the workbook, which
        // lists all 628 (under its limit of 10,000)
        String pdf = compact(ReportContents.text(Path.of(ReviewRuns.runFolder(longRun())).resolve("review-chiiki2-FY2020.pdf")));
        assertThat(pdf).contains(compact("（全 628 行のうち先頭 500 行と合計のみ。全行は eprocedure-utilisation.csv と Excel を参照）"));
    }

    /** The FY2020 run of the bundled data (its e-procedure table has the plan's 25 rows), made once when needed. */
    private static JobExecution fy2020;

    private JobExecution fy2020() throws Exception {
        if (fy2020 == null) {
            fy2020 = jobOperator.start(annualReviewJob,
                    ReviewRun.parameters(Path.of("input"), dir.resolve("out-fy2020"), FiscalYear.of(2020), null));
        }
        return fy2020;
    }

    private XSSFWorkbook fy2020Workbook() throws Exception {
        return new XSSFWorkbook(Files.newInputStream(Path.of(ReviewRuns.runFolder(fy2020())).resolve("review-chiiki2-FY2020.xlsx")));
    }

    private JobExecution run() throws Exception {
        if (run == null) {
            run = jobOperator.start(annualReviewJob,
                    ReviewRun.parameters(Path.of("input"), dir.resolve("out"), FiscalYear.of(2022), null));
        }
        return run;
    }

}
