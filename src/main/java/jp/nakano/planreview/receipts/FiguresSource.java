package jp.nakano.planreview.receipts;

/**
 * Which figure the review uses where the receipt logs and {@code eprocedure-figures.csv} both give a
 * procedure's receipts for a year ({@code plan-review.receipts.figures}); they are reconciled either way.
 */
public enum FiguresSource {

    /** The hand-entered figures stay (default): the published table is what the review is about. */
    ENTERED,

    /** The counts from the logs replace the entered 電子受付件数 and 全受付件数 of the rows they count towards. */
    RECEIPTS

}
