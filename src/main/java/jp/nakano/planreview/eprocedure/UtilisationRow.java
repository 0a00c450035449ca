package jp.nakano.planreview.eprocedure;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.nakano.planreview.input.TableRow;

/**
 * The computed 電子手続利用率 of one row of the e-procedure table, beside the figures it is computed from
 * and the file and line they came from.
 *
 * @param sortKey the order in which the row was computed (the input's order)
 * @param level {@code system}, {@code procedure}, {@code other}, {@code total} (published ward total) or
 *        {@code computed_total} (sum of the system rows, computed here)
 * @param ratePercent 電子受付件数 ÷ 全受付件数 in percent, rounded half-up to two places; {@code null} when
 *        全受付件数 is not known or zero
 * @param rateCheck {@link RateCheck} of the computed against the published rate
 */
public record UtilisationRow(int fiscalYear, int sortKey, String rowId, String level, String parentId, int seq, String name,
        BigDecimal procedureCount, BigDecimal onlineReceipts, BigDecimal totalReceipts, BigDecimal ratePercent,
        BigDecimal publishedRate, RateCheck rateCheck, String sourceFile, Long sourceLine) implements TableRow {

    /** The table a run keeps its sums of the systems in (the rows' rates are computed when listed: UtilisationTable). */
    public static final String TABLE = "res_eprocedure_utilisation";

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("fiscal_year", fiscalYear);
        c.put("sort_key", sortKey);
        c.put("row_id", rowId);
        c.put("row_level", level);
        c.put("parent_id", parentId);
        c.put("seq", seq);
        c.put("name", name);
        c.put("procedure_count", procedureCount);
        c.put("online_receipts", onlineReceipts);
        c.put("total_receipts", totalReceipts);
        c.put("rate_percent", ratePercent);
        c.put("published_rate", publishedRate);
        c.put("rate_check", rateCheck.name());
        c.put("source_file", sourceFile);
        c.put("source_line", sourceLine);
        return c;
    }

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
