package jp.nakano.planreview.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultApplicationArguments;

import jp.nakano.planreview.command.TemplateCommand;

/** The collection workbooks {@code template} writes: one per department, what they show, what can be typed where. */
class CollectionTemplateTests {

    private static final Path BUNDLED_INPUT = Path.of("input");

    @TempDir
    private Path dir;

    @Test
    void shouldWriteOneWorkbookPerDepartmentOfTheBundledPlansForFY2023() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TemplateCommand.execute(new DefaultApplicationArguments("template", "--fiscal-year=2023",
                "--output=" + dir.resolve("templates")), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        List<String> files;
        try (Stream<Path> listed = Files.list(dir.resolve("templates"))) {
            files = listed.map(p -> p.getFileName().toString()).sorted().toList();
        }
        // the DX office (KPIs, e-procedure table, its own 取組事項) and the lead department of every other 取組事項
        assertThat(files).containsExactly("FY2023-保健企画課.xlsx", "FY2023-地域活動推進課.xlsx", "FY2023-広聴・広報課.xlsx",
                "FY2023-情報システム課.xlsx", "FY2023-戸籍住民課.xlsx", "FY2023-新区役所整備課.xlsx", "FY2023-産業振興課.xlsx",
                "FY2023-職員課.xlsx");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("情報システム課  9 KPI(s), 66 取組事項, 29 e-procedure row(s)")
            .contains("戸籍住民課  0 KPI(s), 2 取組事項, 0 e-procedure row(s)").contains("8 workbook(s) for 令和5年度 (FY2023)");
        try (XSSFWorkbook koseki = open(dir.resolve("templates/FY2023-戸籍住民課.xlsx"))) {
            // nothing to report there, so no KPI or e-procedure sheet to puzzle over
            assertThat(sheetNames(koseki)).containsExactly("記入方法", "取組事項", "plan-review");
            assertThat(row(koseki.getSheet("取組事項"), "chiiki2-1-1-1-01").getCell(4).getStringCellValue())
                .isEqualTo("推進（年度は推定: 計画書で確認）");
        }
    }

    @Test
    void shouldShowWhatIsKnownOfEachKpiAndLockEverythingButTheYellowCells() throws Exception {
        Path file = CollectionFixture.template(BUNDLED_INPUT, 2023, "情報システム課", dir);

        try (XSSFWorkbook workbook = open(file)) {
            assertThat(sheetNames(workbook)).containsExactly("記入方法", "成果指標", "取組事項", "電子手続", "plan-review");
            assertThat(workbook.getSheetVisibility(workbook.getSheetIndex("plan-review"))).isEqualTo(SheetVisibility.VERY_HIDDEN);
            XSSFSheet kpis = workbook.getSheet("成果指標");
            Row k01 = row(kpis, "chiiki2-k01");
            assertThat(text(k01, 5)).isEqualTo("31.6%（令和2年度）");
            assertThat(text(k01, 6)).isEqualTo("100%（令和5年度・中間）");
            assertThat(text(k01, 7)).isEqualTo("100.0%");
            assertThat(text(k01, 8)).isEqualTo("62.3%");
            assertThat(text(row(kpis, "chiiki2-k08"), 3)).isEqualTo("事業（15のうち）");
            assertThat(rowIds(kpis)).as("k02 is computed from the e-procedure table, not reported")
                .containsExactly("chiiki2-k01", "chiiki2-k03", "chiiki2-k04", "chiiki2-k05", "chiiki2-k06", "chiiki2-k07",
                        "chiiki2-k08", "chiiki2-k09", "chiiki2-k10");
            for (XSSFSheet sheet : List.of(kpis, workbook.getSheet("取組事項"), workbook.getSheet("電子手続"),
                    workbook.getSheet("記入方法"))) {
                assertThat(sheet.getProtect()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getCTWorksheet().getSheetProtection().isSetPassword()).isFalse();
            }
            List<CollectionSheets.Column> columns = CollectionSheets.KPI_COLUMNS;
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = k01.getCell(c);
                assertThat(cell.getCellStyle().getLocked()).as(columns.get(c).heading()).isEqualTo(!columns.get(c).input());
            }
            List<? extends DataValidation> validations = kpis.getDataValidations();
            assertThat(validations).anySatisfy(v -> {
                assertThat(v.getRegions().getCellRangeAddresses()[0].formatAsString()).isEqualTo("J5");
                assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.DECIMAL);
                assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("0");
                assertThat(v.getValidationConstraint().getFormula2()).isEqualTo("100");
            });
            assertThat(validations).anySatisfy(v -> {
                assertThat(v.getRegions().getCellRangeAddresses()[0].formatAsString()).isEqualTo("K5:K13");
                assertThat(v.getValidationConstraint().getExplicitListValues()).containsExactly("確定値", "速報値");
            });
            assertThat(workbook.getSheet("取組事項").getDataValidations()).anySatisfy(v -> assertThat(
                    v.getValidationConstraint().getExplicitListValues()).containsExactly("予定どおり", "前倒し", "遅れ", "未着手",
                            "中止", "完了"));
            XSSFSheet eprocedures = workbook.getSheet("電子手続");
            Row total = row(eprocedures, "total");
            assertThat(text(total, 3)).isEqualTo("令和4年度");
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(1_793_615d);
            assertThat(eprocedures.isColumnHidden(CollectionSheets.EPROCEDURE_VISIBLE_COLUMNS)).isTrue();
            assertThat(eprocedures.getDataValidations()).anySatisfy(v -> {
                assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.INTEGER);
                assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("0");
            });
            assertThat(kpis.getPrintSetup().getLandscape()).isTrue();
            assertThat(kpis.getRepeatingRows().formatAsString()).isEqualTo("1:4");
        }
    }

    private static XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        return java.util.stream.IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName).toList();
    }

    private static Row row(XSSFSheet sheet, String id) {
        for (int r = CollectionSheets.HEADING_ROW; r <= sheet.getLastRowNum(); r++) {
            if (id.equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
                return sheet.getRow(r);
            }
        }
        throw new AssertionError(sheet.getSheetName() + " has no row " + id);
    }

    private static List<String> rowIds(XSSFSheet sheet) {
        return java.util.stream.IntStream.rangeClosed(CollectionSheets.HEADING_ROW, sheet.getLastRowNum())
            .mapToObj(r -> sheet.getRow(r).getCell(0).getStringCellValue()).toList();
    }

    private static String text(Row row, int column) {
        return row.getCell(column).getStringCellValue();
    }

}
