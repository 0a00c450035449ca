package jp.nakano.planreview.collection;

import java.util.List;
import java.util.Map;

import jp.nakano.planreview.findings.Finding;

/**
 * A returned collection workbook as read: who filled and confirmed it and when, the rows it reports for each
 * input file, and what was wrong with the workbook as a whole.
 *
 * @param fileName the workbook's file name in the input folder
 * @param fiscalYear the year the workbook was sent for, or {@code null} when it is not a readable template
 * @param rows the filled rows by the input file they stand for ({@code kpi-actuals.csv})
 * @param findings the workbook's own findings (sheet missing, layout changed, nothing filled, no 確認者)
 * @param usable false when the workbook is left out altogether (not a template, another year or department)
 */
public record CollectedWorkbook(String fileName, String department, Integer fiscalYear, String filledBy,
        String checkedBy, String submitted, Map<String, List<WorkbookRow>> rows, List<Finding> findings,
        boolean usable) {

    /** The rows standing for one input file, none when the workbook has none. */
    public List<WorkbookRow> rowsFor(String inputFile) {
        return usable ? rows.getOrDefault(inputFile, List.of()) : List.of();
    }

    /** The filled rows of every sheet. */
    public int rowCount() {
        return rows.values().stream().mapToInt(List::size).sum();
    }

}
