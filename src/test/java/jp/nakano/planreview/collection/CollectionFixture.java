package jp.nakano.planreview.collection;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.nakano.planreview.collection.CollectionSheets.Column;
import jp.nakano.planreview.common.FiscalYear;

/**
 * Collection workbooks for tests: a template made from an input folder, filled cell by cell as a department
 * fills it, damaged on purpose, and re-saved by LibreOffice (Debian's {@code libreoffice-calc}, headless).
 */
public final class CollectionFixture {

    /** {@code .ci/run} sets it: without LibreOffice the round-trip tests fail instead of being skipped. */
    static final boolean LIBREOFFICE_REQUIRED = "true".equalsIgnoreCase(System.getenv("PLAN_REVIEW_REQUIRE_LIBREOFFICE"));

    private CollectionFixture() {
    }

    /** Writes the templates of {@code year} from {@code input} into {@code folder}; returns them. */
    public static List<CollectionTemplate.Written> templates(Path input, int year, Path folder) throws IOException {
        List<String> problems = new ArrayList<>();
        TemplateSource source = TemplateSource.read(input, problems::add);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the input has rows the templates leave out: " + problems);
        }
        FiscalYear fy = FiscalYear.of(year);
        return new CollectionTemplate(source, fy, CollectionTemplate.defaultDue(fy)).write(folder, null);
    }

    /** The template of one department. */
    public static Path template(Path input, int year, String department, Path folder) throws IOException {
        return templates(input, year, folder).stream().filter(w -> w.department().equals(department)).findFirst()
            .orElseThrow(() -> new IllegalStateException("no workbook for " + department)).file();
    }

    /** Opens a workbook to fill or damage; {@link Filler#close()} saves it. */
    public static Filler open(Path workbook) throws IOException {
        return new Filler(workbook);
    }

    /** A workbook being filled as a department does, cell by cell, addressed by sheet, row id and field. */
    public static final class Filler implements AutoCloseable {

        private final Path file;

        private final XSSFWorkbook workbook;

        private Filler(Path file) throws IOException {
            this.file = file;
            try (InputStream in = Files.newInputStream(file)) {
                this.workbook = new XSSFWorkbook(in);
            }
        }

        public XSSFWorkbook workbook() {
            return workbook;
        }

        /** The cell of a row id's field: what a person clicks on. */
        public Cell cell(String sheetName, String id, String field) {
            Sheet sheet = workbook.getSheet(sheetName);
            List<Column> columns = switch (sheetName) {
                case CollectionSheets.KPIS -> CollectionSheets.KPI_COLUMNS;
                case CollectionSheets.ITEMS -> CollectionSheets.ITEM_COLUMNS;
                case CollectionSheets.EPROCEDURES -> CollectionSheets.EPROCEDURE_COLUMNS;
                default -> throw new IllegalArgumentException(sheetName);
            };
            int column = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (field.equals(columns.get(c).field())) {
                    column = c;
                }
            }
            for (int r = CollectionSheets.HEADING_ROW; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getCell(0) != null && id.equals(row.getCell(0).getStringCellValue())) {
                    return row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
                }
            }
            throw new IllegalArgumentException(sheetName + " has no row " + id);
        }

        /** Types a value: a number, text, or a date, as Excel stores each. */
        public Filler set(String sheet, String id, String field, Object value) {
            Cell cell = cell(sheet, id, field);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            }
            else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                CellStyle style = workbook.createCellStyle();
                style.cloneStyleFrom(cell.getCellStyle());
                style.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
                cell.setCellStyle(style);
            }
            else {
                cell.setCellValue((String) value);
            }
            return this;
        }

        /** 記入者, 確認者 and 提出日 on the guide sheet; a null leaves the cell empty. */
        public Filler cover(String filledBy, String checkedBy, LocalDate submitted) {
            Sheet guide = workbook.getSheet(CollectionSheets.GUIDE);
            if (filledBy != null) {
                guide.getRow(CollectionSheets.FILLED_BY_ROW - 1).getCell(1).setCellValue(filledBy);
            }
            if (checkedBy != null) {
                guide.getRow(CollectionSheets.CHECKED_BY_ROW - 1).getCell(1).setCellValue(checkedBy);
            }
            if (submitted != null) {
                guide.getRow(CollectionSheets.SUBMITTED_ROW - 1).getCell(1).setCellValue(submitted);
            }
            return this;
        }

        @Override
        public void close() throws IOException {
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            workbook.close();
        }

    }

    /**
     * Opens the workbook in LibreOffice and saves it again as .xlsx (what a department using LibreOffice Calc
     * returns), into {@code folder} under the same name. Skips, or fails when LibreOffice is required, without it.
     */
    public static Path resaveWithLibreOffice(Path workbook, Path folder) throws IOException, InterruptedException {
        String soffice = Files.isExecutable(Path.of("/usr/bin/soffice")) ? "/usr/bin/soffice"
                : Files.isExecutable(Path.of("/usr/bin/libreoffice")) ? "/usr/bin/libreoffice" : null;
        if (soffice == null) {
            if (LIBREOFFICE_REQUIRED) {
                fail("PLAN_REVIEW_REQUIRE_LIBREOFFICE=true but LibreOffice (soffice) is not installed");
            }
            assumeTrue(false, "LibreOffice round trip skipped: install Debian's libreoffice-calc");
        }
        Files.createDirectories(folder);
        // a profile of its own: another LibreOffice running on the machine must not take the conversion over
        Path profile = Files.createTempDirectory(folder, "lo-profile-");
        Process process = new ProcessBuilder(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", folder.toString(), workbook.toString())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("soffice.log").toFile())
            .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("LibreOffice did not finish converting " + workbook + " in 180 s");
        }
        Path saved = folder.resolve(workbook.getFileName());
        if (process.exitValue() != 0 || !Files.isRegularFile(saved)) {
            fail("LibreOffice could not re-save " + workbook + " (exit " + process.exitValue() + "): "
                    + Files.readString(folder.resolve("soffice.log")));
        }
        return saved;
    }

}
