package jp.nakano.planreview.report;

import java.math.BigDecimal;

/**
 * How a report says that it lists only the first rows of the e-procedure table: the PDF above
 * {@link RenderReportsTasklet#MAX_PDF_UTILISATION_ROWS} rows, the workbook above its configured number
 * ({@code plan-review.workbook.eprocedure-rows}); every row is in the run's CSV file.
 */
public final class UtilisationListing {

    /** The run's CSV file with every row of the e-procedure table (written by the export step). */
    public static final String CSV_FILE = "eprocedure-utilisation.csv";

    private UtilisationListing() {
    }

    /**
     * 「全 200,000 行のうち先頭 500 行と合計のみ。全行は eprocedure-utilisation.csv と Excel を参照」: how many rows
     * the table has, how many are listed, and where all of them are ({@code alsoInWorkbook}: the workbook lists
     * them all too).
     */
    public static String partial(long all, long listed, boolean alsoInWorkbook) {
        return "全 " + KpiFigures.count(BigDecimal.valueOf(all)) + " 行のうち先頭 "
                + KpiFigures.count(BigDecimal.valueOf(listed)) + " 行と合計のみ。全行は " + CSV_FILE
                + (alsoInWorkbook ? " と Excel" : "") + " を参照";
    }

}
