package jp.nakano.planreview.report;

import java.math.BigDecimal;

/**
 * How many findings a report lists, and how it says that it lists only the first: a run with a finding on each
 * of a million rows must neither fill a PDF of forty thousand pages nor pass a sheet's 1,048,576 rows, and every
 * finding stays in the database and in the run's CSV file.
 */
public final class FindingListing {

    /** The findings a report (PDF, HTML edition, workbook sheet) lists at most, in the report's order. */
    public static final int MAX_LISTED = 1_000;

    /** The run's CSV file with every finding (written by the export step). */
    public static final String CSV_FILE = "validation-findings.csv";

    private FindingListing() {
    }

    /** 「全 1,100 件のうち先頭 1,000 件のみ。全件は validation-findings.csv を参照」 */
    public static String partial(long all, long listed) {
        return "全 " + KpiFigures.count(BigDecimal.valueOf(all)) + " 件のうち先頭 " + KpiFigures.count(BigDecimal.valueOf(listed))
                + " 件のみ。全件は " + CSV_FILE + " を参照";
    }

}
