package jp.nakano.planreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The layout of a table sheet on its own: header, widths, wrapping rows, filter and print setup. */
class SheetLayoutTests {

    @Test
    void shouldLayOutATableBelowRowsOfItsOwnWithWidthsFromHeaderAndContent() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("成果指標");
            sheet.createRow(0).createCell(0).setCellValue("記入方法の説明");
            CellStyle text = workbook.createCellStyle();
            CellStyle input = workbook.createCellStyle();
            SheetLayout layout = new SheetLayout(sheet, List.of(SheetLayout.column("成果指標", 10),
                    SheetLayout.column("実績\n（件）", 12), SheetLayout.column("記入欄", 8)));

            layout.header(2, SheetLayout.headerStyle(workbook), text);
            layout.nextRow();
            layout.text(0, "区内のマイナンバーカード交付率", text); // 30 widths in a column of at most 10: three lines
            layout.number(1, 1793615, "1,793,615", text);
            layout.blank(2, input);
            layout.nextRow();
            layout.text(0, "件数", text);
            layout.finish("第2次中野区地域情報化推進計画　令和4年度 (FY2022)");

            assertThat(layout.rows()).isEqualTo(3);
            // widths: the longest heading line with the filter button's room, or the content, wrapped at the maximum
            assertThat(sheet.getColumnWidth(0) / 256).isEqualTo(10 + 3);
            assertThat(sheet.getColumnWidth(1) / 256).isEqualTo(9 + 3); // 1,793,615 wider than （件）
            assertThat(sheet.getColumnWidth(2) / 256).isEqualTo(6 + SheetLayout.FILTER_BUTTON);
            assertThat(sheet.getRow(2).getHeightInPoints()).isEqualTo(2 * SheetLayout.LINE_HEIGHT + 4);
            assertThat(sheet.getRow(3).getHeightInPoints()).isEqualTo(3 * SheetLayout.LINE_HEIGHT + 2);
            assertThat(sheet.getRow(4).getHeightInPoints()).isEqualTo(SheetLayout.LINE_HEIGHT + 2);
            // the cells a row leaves empty get the table's style; an input cell keeps its own
            assertThat(sheet.getRow(3).getCell(2).getCellStyle()).isEqualTo(input);
            assertThat(sheet.getRow(4).getCell(2).getCellStyle()).isEqualTo(text);
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("3:3"));
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A3:C5");
            assertThat(workbook.getPrintArea(0)).isEqualTo("成果指標!$A$1:$C$5");
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getFooter().getLeft()).isEqualTo("第2次中野区地域情報化推進計画　令和4年度 (FY2022)");
        }
    }

}
