package jp.nakano.planreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What a reader gets out of the report files: the PDF's text and the workbook's cells, for comparing runs. */
public final class ReportContents {

    private ReportContents() {
    }

    /** The text of every page of a PDF, as text extraction reads it. */
    public static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Every cell of a workbook as {@code sheet!A1=value}, sheet by sheet, row by row. */
    public static List<String> cells(Path xlsx) throws Exception {
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> cells.add(sheet.getSheetName() + "!"
                    + cell.getAddress() + "=" + cell))));
        }
        assertThat(cells).isNotEmpty();
        return cells;
    }

}
