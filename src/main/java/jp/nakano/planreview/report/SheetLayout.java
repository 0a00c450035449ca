package jp.nakano.planreview.report;

import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Footer;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How a table sheet of a workbook for staff reads and prints: a header row that wraps where its text has a line
 * break, stays frozen on screen and repeats on every printed page; column widths that fit the header and the
 * content (a full-width character counts as two widths), long text wrapping at a column's maximum width; an
 * autofilter over the table; A4 landscape, one page wide, with a footer naming the document, the sheet and
 * 「n / N」.
 *
 * <p>Write the header with {@link #header}, each row with {@link #nextRow} and the cells through {@link #text}
 * and {@link #number} (so that the layout knows what every cell shows), then call {@link #finish}. It works with
 * a streaming workbook: a row's height is set when the next row starts, from the cells written into it.
 */
public final class SheetLayout {

    /** Points per line of 11-point text, Japanese glyphs included (they stand taller than Latin ones). */
    static final float LINE_HEIGHT = 15f;

    /** Room for the autofilter's drop-down button beside a header, in character widths. */
    static final int FILTER_BUTTON = 3;

    /**
     * A column of a table.
     * @param header its heading; a line break marks where a long heading wraps
     * @param maxWidth the widest it grows, in character widths, before its text wraps; numbers never wrap and
     *     widen the column as far as they need
     */
    public record Column(String header, int maxWidth) {
    }

    private final Sheet sheet;

    private final List<Column> columns;

    /** The widest text each column shows so far, in character widths (at most its maximum for wrapped text). */
    private final int[] widths;

    private Row row;

    private CellStyle empty;

    /** Lines the current row needs, from the cells written so far. */
    private int rowLines;

    private int next;

    public SheetLayout(Sheet sheet, List<Column> columns) {
        this.sheet = sheet;
        this.columns = List.copyOf(columns);
        this.widths = new int[columns.size()];
    }

    /** A column with its heading and the widest it may grow before its text wraps. */
    public static Column column(String header, int maxWidth) {
        return new Column(header, maxWidth);
    }

    /** The bold, shaded, wrapped, centred style of a header row. */
    public static CellStyle headerStyle(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        borders(header);
        return header;
    }

    /** Thin borders on every side: a table's cells stay apart in print, where gridlines do not show. */
    public static void borders(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
    }

    /**
     * Writes the header row (the sheet's first), as high as its longest heading's lines, and freezes it;
     * {@code empty} is the style of the cells a row leaves empty, so that the table's borders run unbroken.
     */
    public void header(CellStyle style, CellStyle empty) {
        this.empty = empty;
        Row headerRow = sheet.createRow(0);
        int lines = 1;
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = headerRow.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(style);
            lines = Math.max(lines, columns.get(c).header().split("\n", -1).length);
        }
        headerRow.setHeightInPoints(lines * LINE_HEIGHT + 4);
        sheet.createFreezePane(0, 1);
        next = 1;
    }

    /** Ends the current row and starts the next one. */
    public Row nextRow() {
        endRow();
        row = sheet.createRow(next++);
        rowLines = 1;
        return row;
    }

    /** The number of rows written so far, the header included. */
    public int rows() {
        return next;
    }

    /** Writes a text cell (nothing for an empty text); text longer than the column's maximum width wraps. */
    public Cell text(int column, String value, CellStyle style) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        int max = columns.get(column).maxWidth();
        int lines = 0;
        for (String line : value.split("\n", -1)) {
            int width = displayWidth(line);
            widths[column] = Math.max(widths[column], Math.min(width, max));
            lines += Math.max(1, (width + max - 1) / max);
        }
        rowLines = Math.max(rowLines, lines);
        return cell;
    }

    /** Writes a number cell; {@code shown} is how its format shows it, for the column's width. */
    public Cell number(int column, double value, String shown, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        widths[column] = Math.max(widths[column], displayWidth(shown));
        return cell;
    }

    /**
     * Sets the column widths, the autofilter over the table, the print area and the page setup: A4 landscape, one
     * page wide (as many pages down as needed) with the header row repeated, and a footer with {@code document} on
     * the left, the sheet's name in the middle and 「n / N」 on the right.
     */
    public void finish(String document) {
        endRow();
        for (int c = 0; c < columns.size(); c++) {
            sheet.setColumnWidth(c, Math.min(255, columnWidth(c)) * 256);
        }
        int last = Math.max(0, next - 1);
        CellRangeAddress table = new CellRangeAddress(0, last, 0, columns.size() - 1);
        sheet.setAutoFilter(table);
        sheet.getWorkbook().setPrintArea(sheet.getWorkbook().getSheetIndex(sheet), 0, columns.size() - 1, 0, last);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        printOnA4Landscape(sheet, document);
    }

    /**
     * The width of a column in character widths: its widest heading line with room for the filter button, or its
     * content with room for an indent on either side (a number right-aligned beside a text left-aligned in the
     * next column keeps a space between them).
     */
    int columnWidth(int column) {
        int header = 0;
        for (String line : columns.get(column).header().split("\n", -1)) {
            header = Math.max(header, displayWidth(line));
        }
        return Math.max(header + FILTER_BUTTON, widths[column] + 3);
    }

    /**
     * A4 landscape, one page wide and as many down as needed, narrow margins, and the footer: {@code document} on
     * the left, the sheet's name in the middle, 「n / N」 on the right. For any sheet, table or not.
     */
    public static void printOnA4Landscape(Sheet sheet, String document) {
        PrintSetup setup = sheet.getPrintSetup();
        setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        setup.setLandscape(true);
        setup.setFitWidth((short) 1);
        setup.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.5);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.setMargin(Sheet.HeaderMargin, 0.2);
        sheet.setMargin(Sheet.FooterMargin, 0.25);
        Footer footer = sheet.getFooter();
        footer.setLeft(document.replace("&", "&&"));
        footer.setCenter("&A");
        footer.setRight("&P / &N");
    }

    private void endRow() {
        if (row == null) {
            return;
        }
        for (int c = 0; c < columns.size(); c++) {
            if (row.getCell(c) == null) {
                row.createCell(c).setCellStyle(empty);
            }
        }
        // every row its height: a spreadsheet application does not fit rows to wrapped text when it opens a file
        row.setHeightInPoints(rowLines * LINE_HEIGHT + 2);
        row = null;
    }

    /**
     * The width a text takes in a spreadsheet, in widths of a digit: a full-width (Japanese) character counts two,
     * as do the symbols Japanese fonts draw full width (○ ◎ △ ▲ ×); for a text with line breaks, its longest line.
     */
    public static int displayWidth(String text) {
        int widest = 0;
        int width = 0;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                widest = Math.max(widest, width);
                width = 0;
            }
            else {
                width += wide(cp) ? 2 : 1;
            }
        }
        return Math.max(widest, width);
    }

    private static boolean wide(int cp) {
        if (cp >= 0xFF61 && cp <= 0xFFDC) {
            return false; // half-width katakana and their forms
        }
        // generous: a text measured too wide only costs a little space, one measured too narrow is cut in print
        return cp == 0x00D7 || cp == 0x00F7 || cp >= 0x2000;
    }

}
