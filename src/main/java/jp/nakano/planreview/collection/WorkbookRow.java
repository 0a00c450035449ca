package jp.nakano.planreview.collection;

import java.util.List;
import java.util.Map;

import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.RejectedRowException;

/**
 * One filled row of a returned workbook as the input format's row, with where each field came from and the
 * problems found in its cells before any parsing (an error value, a number stored as text, a date).
 *
 * @param row the row under the input format's column names; file is {@code <workbook> <sheet>}, line the sheet row
 * @param cells the cell reference of each field, {@code 成果指標!J7}
 * @param problems what was wrong with the cells themselves
 */
public record WorkbookRow(CsvRow row, Map<String, String> cells, List<RejectedRowException.Problem> problems) {

    /** The cell a field was read from, for messages; the sheet row when the field has no cell of its own. */
    public String cellOf(String field) {
        String cell = cells.get(field);
        return cell != null ? cell : row.file().substring(row.file().lastIndexOf(' ') + 1) + " 行" + row.line();
    }

}
