package jp.nakano.planreview.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.Severity;
import jp.nakano.planreview.input.RejectedRowException;
import jp.nakano.planreview.plan.KpiActualRow;

/**
 * Every way a returned workbook can go wrong is a finding that names the workbook, the sheet and the cell, and
 * no figure of it is taken as something else. Each case damages a template made from the bundled input in
 * committed code, as a department would.
 */
class CollectionWorkbookReaderTests {

    private static final Path BUNDLED_INPUT = Path.of("input");

    private static final String NAME = "FY2023-情報システム課.xlsx";

    /** The template as sent, made once: each test damages a copy of it. */
    @TempDir
    private static Path sent;

    private static Path template;

    @TempDir
    private Path dir;

    private Path workbook;

    @BeforeAll
    static void template() throws Exception {
        template = CollectionFixture.template(BUNDLED_INPUT, 2023, "情報システム課", sent);
    }

    @BeforeEach
    void copy() throws Exception {
        workbook = Files.copy(template, Files.createDirectories(dir.resolve("sent")).resolve(NAME));
    }

    private CollectedWorkbook read() {
        return new CollectionWorkbookReader().read(workbook);
    }

    private static WorkbookRow kpiRow(CollectedWorkbook read, String kpiId) {
        return read.rowsFor(KpiActualRow.PARSER.fileName()).stream()
            .filter(r -> kpiId.equals(r.row().cells().get("kpi_id"))).findFirst().orElseThrow();
    }

    /** The rejection the load step makes of a workbook row, with its file's parser. */
    private static RejectedRowException rejection(CollectedWorkbook read, WorkbookRow row) {
        CollectedWorkbooks held = new CollectedWorkbooks();
        held.put(1L, KpiActualRow.PARSER.fileName(), read.rowsFor(KpiActualRow.PARSER.fileName()));
        WorkbookRowProcessor<KpiActualRow> processor = new WorkbookRowProcessor<>(KpiActualRow.PARSER, held);
        try {
            processor.process(row.row());
        }
        catch (RejectedRowException ex) {
            return ex;
        }
        throw new AssertionError("the row was not rejected: " + row);
    }

    @Test
    void shouldReadAFilledKpiRowAsTheCsvRowOfTheSameFigure() throws Exception {
        try (CollectionFixture.Filler f = CollectionFixture.open(workbook)) {
            f.cover("情報 太郎", "課長", LocalDate.of(2024, 5, 20))
                .set(CollectionSheets.KPIS, "chiiki2-k01", "value", 72.5)
                .set(CollectionSheets.KPIS, "chiiki2-k01", "status", "速報値")
                .set(CollectionSheets.KPIS, "chiiki2-k01", "source", "SAMPLE 集計");
        }
        CollectedWorkbook read = read();

        assertThat(read.findings()).isEmpty();
        WorkbookRow row = kpiRow(read, "chiiki2-k01");
        assertThat(row.row().cells()).containsEntry("value", "72.5").containsEntry("status", "provisional")
            .containsEntry("fiscal_year", "2023").containsEntry("source", "SAMPLE 集計");
        assertThat(row.row().file()).isEqualTo(NAME + " 成果指標");
        assertThat(row.row().line()).isEqualTo(5);
        assertThat(row.cells()).containsEntry("value", "成果指標!J5");
        KpiActualRow parsed = new WorkbookRowProcessor<>(KpiActualRow.PARSER, new CollectedWorkbooks()).process(row.row());
        assertThat(parsed.value()).isEqualByComparingTo("72.5");
        assertThat(read.filledBy()).isEqualTo("情報 太郎");
        assertThat(read.submitted()).isEqualTo("2024-05-20");
    }

    @Test
    void shouldRejectAnErrorValueNamingTheCell() throws Exception {
        try (CollectionFixture.Filler f = CollectionFixture.open(workbook)) {
            Cell div = f.cell(CollectionSheets.KPIS, "chiiki2-k01", "value");
            div.setCellFormula("1/0");
            f.workbook().getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(div);
            f.set(CollectionSheets.KPIS, "chiiki2-k01", "status", "確定値").set(CollectionSheets.KPIS, "chiiki2-k01", "source", "x");
            f.cell(CollectionSheets.EPROCEDURES, "s03", "online_receipts").setCellErrorValue(FormulaError.NA.getCode());
        }
        CollectedWorkbook read = read();

        RejectedRowException rejected = rejection(read, kpiRow(read, "chiiki2-k01"));
        assertThat(rejected.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("value");
            assertThat(p.value()).isEqualTo("#DIV/0!");
            assertThat(p.reason()).startsWith("成果指標!J5: エラー値 #DIV/0!");
        });
        WorkbookRow s03 = read.rowsFor("eprocedure-figures.csv").stream()
            .filter(r -> "s03".equals(r.row().cells().get("row_id"))).findFirst().orElseThrow();
        assertThat(s03.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("電子手続!I").contains("#N/A"));
    }

    @Test
    void shouldRejectANumberStoredAsText() throws Exception {
        try (CollectionFixture.Filler f = CollectionFixture.open(workbook)) {
            f.set(CollectionSheets.KPIS, "chiiki2-k03", "value", "90,000").set(CollectionSheets.KPIS, "chiiki2-k03", "status", "確定値")
                .set(CollectionSheets.KPIS, "chiiki2-k03", "source", "x");
        }
        CollectedWorkbook read = read();

        assertThat(rejection(read, kpiRow(read, "chiiki2-k03")).problems()).singleElement()
            .satisfies(p -> assertThat(p.reason()).isEqualTo("成果指標!J6: 数値ではなく文字列「90,000」が入っている"
                    + "（書式が文字列のセルか、先頭に ' が付いている）。数値として入力し直す"));
    }

    @Test
    void shouldRejectADateWhereANumberBelongs() throws Exception {
        try (CollectionFixture.Filler f = CollectionFixture.open(workbook)) {
            f.set(CollectionSheets.KPIS, "chiiki2-k05", "value", LocalDate.of(2024, 4, 5))
                .set(CollectionSheets.KPIS, "chiiki2-k05", "status", "確定値").set(CollectionSheets.KPIS, "chiiki2-k05", "source", "x");
        }
        CollectedWorkbook read = read();

        assertThat(rejection(read, kpiRow(read, "chiiki2-k05")).problems()).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualTo("2024-04-05");
            assertThat(p.reason()).startsWith("成果指標!J8: 日付（2024-04-05）が入っている");
        });
    }

    @Test
    void shouldRejectAPercentageTypedAsAFractionOrWithThePercentFormat() throws Exception {
        try (CollectionFixture.Filler f = CollectionFixture.open(workbook)) {
            f.set(CollectionSheets.KPIS, "chiiki2-k01", "value", 0.623).set(CollectionSheets.KPIS, "chiiki2-k01", "status", "確定値")
                .set(CollectionSheets.KPIS, "chiiki2-k01", "source", "x");
            // typed as 6.2% in Excel: stored 0.062 with a % format
            Cell k04 = f.cell(CollectionSheets.KPIS, "chiiki2-k04", "value");
            k04.setCellValue(0.062);
            CellStyle percent = f.workbook().createCellStyle();
            percent.cloneStyleFrom(k04.getCellStyle());
            percent.setDataFormat(f.workbook().createDataFormat().getFormat("0.0%"));
            k04.setCellStyle(percent);
            f.set(CollectionSheets.KPIS, "chiiki2-k04", "status", "確定値").set(CollectionSheets.KPIS, "chiiki2-k04", "source", "x");
        }
        CollectedWorkbook read = read();

        assertThat(rejection(read, kpiRow(read, "chiiki2-k01")).problems()).singleElement()
            .satisfies(p -> assertThat(p.reason()).startsWith("成果指標!J5: 0.623 は割合を小数で入れたように見える").contains("62.3 と入力する"));
        assertThat(rejection(read, kpiRow(read, "chiiki2-k04")).problems()).singleElement()
            .satisfies(p -> assertThat(p.reason()).startsWith("成果指標!J7: 「6.2%」はパーセント書式で、保存された値は 0.062").contains("6.2 のように"));
    }

    @Test
    void shouldNameTheCellOfARuleTheRowParserBreaks() throws Exception {
        try (CollectionFixture.Filler f = CollectionFixture.open(workbook)) {
            f.set(CollectionSheets.KPIS, "chiiki2-k01", "value", 72.5).set(CollectionSheets.KPIS, "chiiki2-k01", "status", "済");
        }
        CollectedWorkbook read = read();

        assertThat(rejection(read, kpiRow(read, "chiiki2-k01")).problems()).extracting(RejectedRowException.Problem::reason)
            .containsExactly("成果指標!K5: 次のどれかで書く: final, provisional", "成果指標!L5: 必須の項目が空");
    }

    @Test
    void shouldRejectARowTheDepartmentInsertedKeepingWhatItHolds() throws Exception {
        try (CollectionFixture.Filler f = CollectionFixture.open(workbook)) {
            Sheet kpis = f.workbook().getSheet(CollectionSheets.KPIS);
            kpis.shiftRows(5, kpis.getLastRowNum(), 1);
            kpis.createRow(5).createCell(9).setCellValue(12345);
        }
        CollectedWorkbook read = read();

        assertThat(read.findings()).filteredOn(f -> f.severity() == Severity.ERROR).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("collection.row-inserted");
            assertThat(f.file()).isEqualTo(NAME + " 成果指標");
            assertThat(f.line()).isEqualTo(6L);
            assertThat(f.field()).isEqualTo("成果指標!A6");
            assertThat(f.raw()).isEqualTo("J6=12345");
        });
        assertThat(read.rowsFor(KpiActualRow.PARSER.fileName())).isEmpty();
    }

    @Test
    void shouldNotReadASheetWithAnInsertedColumn() throws Exception {
        try (CollectionFixture.Filler f = CollectionFixture.open(workbook)) {
            Sheet kpis = f.workbook().getSheet(CollectionSheets.KPIS);
            kpis.shiftColumns(4, 20, 1);
            kpis.getRow(3).createCell(4).setCellValue("備考");
            f.set(CollectionSheets.KPIS, "chiiki2-k01", "status", "確定値");
        }
        CollectedWorkbook read = read();

        assertThat(read.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.code()).isEqualTo("collection.layout-changed");
            assertThat(f.field()).isEqualTo("成果指標!E4");
            assertThat(f.value()).isEqualTo("備考");
            assertThat(f.message()).contains("「定義（何を数えるか）」のはずが「備考」");
        });
        assertThat(read.rowsFor(KpiActualRow.PARSER.fileName())).isEmpty();
    }

    @Test
    void shouldReportASheetRenamedOrDeleted() throws Exception {
        try (CollectionFixture.Filler f = CollectionFixture.open(workbook)) {
            XSSFWorkbook wb = f.workbook();
            wb.setSheetName(wb.getSheetIndex(CollectionSheets.KPIS), "成果指標（回答）");
            wb.removeSheetAt(wb.getSheetIndex(CollectionSheets.EPROCEDURES));
        }
        CollectedWorkbook read = read();

        assertThat(read.findings()).filteredOn(f -> f.code().equals("collection.sheet-missing"))
            .extracting(Finding::field, Finding::severity)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("成果指標", Severity.ERROR),
                    org.assertj.core.groups.Tuple.tuple("電子手続", Severity.ERROR));
        assertThat(read.findings().get(0).message()).contains("「成果指標（回答）」");
    }

    @Test
    void shouldLeaveOutAWorkbookOfAnotherYearOrDepartment() throws Exception {
        Path lastYear = CollectionFixture.template(BUNDLED_INPUT, 2022, "情報システム課", dir.resolve("2022"));
        Path renamed = Files.copy(lastYear, dir.resolve(NAME));
        Path other = Files.copy(workbook, dir.resolve("FY2023-戸籍住民課.xlsx"));

        CollectedWorkbook ofLastYear = new CollectionWorkbookReader().read(renamed);
        CollectedWorkbook ofAnother = new CollectionWorkbookReader().read(other);

        assertThat(ofLastYear.usable()).isFalse();
        assertThat(ofLastYear.findings()).extracting(Finding::code).containsExactly("collection.other-year");
        assertThat(ofLastYear.findings().get(0).message()).contains("FY2023").contains("FY2022");
        assertThat(ofAnother.usable()).isFalse();
        assertThat(ofAnother.findings()).extracting(Finding::code).containsExactly("collection.other-department");
        assertThat(ofAnother.findings().get(0).file()).isEqualTo("FY2023-戸籍住民課.xlsx");
    }

    @Test
    void shouldWarnOfAWorkbookLeftAsItWasSent() {
        CollectedWorkbook read = read();

        assertThat(read.findings()).extracting(Finding::code, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("collection.unfilled", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("collection.unconfirmed", Severity.WARNING));
        assertThat(read.rowCount()).isZero();
    }

    @Test
    void shouldWarnWithoutConfirmationButStillReadTheFigures() throws Exception {
        try (CollectionFixture.Filler f = CollectionFixture.open(workbook)) {
            f.cover("情報 太郎", null, LocalDate.of(2024, 5, 20)).set(CollectionSheets.EPROCEDURES, "s03", "online_receipts", 1);
        }
        CollectedWorkbook read = read();

        assertThat(read.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("collection.unconfirmed");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.field()).isEqualTo("記入方法!B6");
        });
        assertThat(read.rowsFor("eprocedure-figures.csv")).hasSize(1);
    }

    @Test
    void shouldRefuseAWorkbookNotMadeByTheTemplateOrNotAWorkbookAtAll() throws Exception {
        Path plain = dir.resolve("FY2023-情報システム課-自作.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = Files.newOutputStream(plain)) {
            wb.createSheet("成果指標").createRow(0).createCell(0).setCellValue("chiiki2-k01");
            wb.write(out);
        }
        Path broken = Files.writeString(dir.resolve("FY2023-広聴・広報課.xlsx"), "kpi_id,value\nchiiki2-k01,72.5\n");

        assertThat(new CollectionWorkbookReader().read(plain).findings()).extracting(Finding::code)
            .containsExactly("collection.not-a-template");
        assertThat(new CollectionWorkbookReader().read(broken).findings()).extracting(Finding::code)
            .containsExactly("collection.unreadable");
        assertThatThrownBy(() -> new CollectionWorkbookReader().read(broken).rowsFor("kpi-actuals.csv").get(0))
            .isInstanceOf(IndexOutOfBoundsException.class);
    }

}
