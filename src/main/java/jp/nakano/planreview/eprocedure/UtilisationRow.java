package jp.nakano.planreview.eprocedure;

import java.math.BigDecimal;

/**
 * The computed 電子手続利用率 of one row of the e-procedure table, beside the figures it is computed from
 * and the file and line they came from.
 *
 * @param level {@code system}, {@code procedure}, {@code other}, {@code total} (published ward total) or
 *        {@code computed_total} (sum of the system rows, computed here)
 * @param ratePercent 電子受付件数 ÷ 全受付件数 in percent, rounded half-up to two places; {@code null} when
 *        全受付件数 is not known or zero
 * @param rateCheck {@link RateCheck} of the computed against the published rate
 */
public record UtilisationRow(int fiscalYear, int sortKey, String rowId, String level, String parentId, String name,
        BigDecimal procedureCount, BigDecimal onlineReceipts, BigDecimal totalReceipts, BigDecimal ratePercent,
        BigDecimal publishedRate, RateCheck rateCheck, String sourceFile, Long sourceLine) {

    /** How the computed rate compares with the rate the ward printed. */
    public enum RateCheck {
        /** The computed rate equals the printed one at two decimals. */
        MATCHES,
        /** The computed rate differs from the printed one: a finding says by how much. */
        DIFFERS,
        /** Nothing printed to compare with. */
        NOT_PUBLISHED,
        /** No rate: 全受付件数 unknown or zero. */
        NOT_COMPUTABLE
    }

}
