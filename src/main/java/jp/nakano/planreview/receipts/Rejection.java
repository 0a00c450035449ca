package jp.nakano.planreview.receipts;

/** Why a line of a receipt log was not counted; each reason is counted per file and reported as a finding. */
public enum Rejection {

    /** A line with another number of fields than the header, or an unclosed quote. */
    BROKEN_LINE("receipts.broken-line", null, "壊れた行（列の数がヘッダーと違う、または引用符が閉じていない）"),
    /** A received_on that is no date written yyyy-mm-dd (or yyyy/mm/dd). */
    INVALID_DATE("receipts.invalid-date", "received_on", "受付日が日付でない（yyyy-mm-dd で書く）"),
    /** A date outside the fiscal year of the log's folder. */
    DATE_OUTSIDE_YEAR("receipts.date-outside-year", "received_on", "受付日がフォルダの年度の外"),
    /** A procedure_id that is no row_id of the year's e-procedure table. */
    UNKNOWN_PROCEDURE("receipts.unknown-procedure", "procedure_id",
            "procedure_id がその年度の eprocedure-figures.csv の row_id にない"),
    /** A channel other than online, counter, mail or other. */
    UNKNOWN_CHANNEL("receipts.unknown-channel", "channel", "channel は online, counter, mail, other のいずれか");

    private final String code;

    private final String field;

    private final String reason;

    Rejection(String code, String field, String reason) {
        this.code = code;
        this.field = field;
        this.reason = reason;
    }

    /** The stable rule id of the finding. */
    public String code() {
        return code;
    }

    /** The column concerned, or {@code null} for a broken line. */
    public String field() {
        return field;
    }

    /** What is wrong and what was expected, in Japanese as the reports print it. */
    public String reason() {
        return reason;
    }

}
