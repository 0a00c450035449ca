package jp.nakano.planreview.publication;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;

/**
 * 電子申請の利用状況 as the ward publishes it every year (オンライン化通則条例 第8条): per fiscal year the 手続数,
 * 全受付件数, 電子受付件数 and 電子手続利用率 of the whole ward, the change against the previous year, the
 * systems with their 電子受付件数, and the systems and procedures added in the year, all from the input figures.
 */
public final class EProcedureUsage {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EProcedureUsage() {
    }

    /** The ward-wide figures of a year as the input gives them (the {@code total} row); a figure may be unknown. */
    public record WardTotal(int year, BigDecimal procedures, BigDecimal totalReceipts, BigDecimal onlineReceipts,
            String source) {
    }

    /** A system or procedure row of a year's listing, as the input gives it. */
    public record Listed(int year, String level, String rowId, String parentId, String name, BigDecimal onlineReceipts,
            BigDecimal totalReceipts) {
    }

    /** A listed system or procedure: its name, the system it belongs to (procedures) and its 電子受付件数. */
    public record Entry(String name, String system, BigDecimal onlineReceipts, BigDecimal totalReceipts) {
    }

    /**
     * One year of the publication. Figures are exact and {@code null} where unknown; a change is {@code null}
     * when either year's figure is unknown; {@code added*} are {@code null} when there is no previous year's
     * listing to compare with (an empty list: compared, nothing new).
     */
    public record Year(FiscalYear year, BigDecimal procedures, BigDecimal totalReceipts, BigDecimal onlineReceipts,
            BigDecimal ratePercent, BigDecimal previousRatePercent, BigDecimal proceduresChange,
            BigDecimal totalReceiptsChange, BigDecimal onlineReceiptsChange, List<Entry> systems,
            List<Entry> addedSystems, List<Entry> addedProcedures, String source) {

        /** Whether the input has the previous year's ward total. */
        public boolean hasPrevious() {
            return onlineReceiptsChange != null || proceduresChange != null || totalReceiptsChange != null;
        }
    }

    /**
     * Every year with a ward total up to {@code upTo}, oldest first. The rate is 電子受付件数 ÷ 全受付件数 × 100,
     * exact (rounded only where shown); the additions are the systems and procedures listed in the year that
     * the previous year's listing does not name (names compared after NFKC normalisation and without spaces).
     */
    public static List<Year> years(List<WardTotal> totals, List<Listed> listed, FiscalYear upTo) {
        Map<Integer, WardTotal> byYear = new TreeMap<>();
        totals.stream().filter(t -> t.year() <= upTo.year()).forEach(t -> byYear.put(t.year(), t));
        Map<Integer, List<Listed>> listing = listed.stream().collect(Collectors.groupingBy(Listed::year, TreeMap::new,
                Collectors.toList()));
        List<Year> years = new ArrayList<>();
        for (WardTotal total : byYear.values()) {
            WardTotal previous = byYear.get(total.year() - 1);
            List<Listed> rows = listing.getOrDefault(total.year(), List.of());
            List<Listed> previousRows = listing.get(total.year() - 1);
            Map<String, String> systemNames = rows.stream().filter(r -> "system".equals(r.level()))
                .collect(Collectors.toMap(Listed::rowId, Listed::name, (a, b) -> a));
            List<Entry> systems = rows.stream().filter(r -> "system".equals(r.level()))
                .map(r -> new Entry(r.name(), null, r.onlineReceipts(), r.totalReceipts())).toList();
            List<Entry> addedSystems = null;
            List<Entry> addedProcedures = null;
            if (previousRows != null && !previousRows.isEmpty()) {
                addedSystems = added(rows, previousRows, "system", systemNames);
                addedProcedures = added(rows, previousRows, "procedure", systemNames);
            }
            years.add(new Year(FiscalYear.of(total.year()), total.procedures(), total.totalReceipts(),
                    total.onlineReceipts(), rate(total), previous == null ? null : rate(previous),
                    change(total.procedures(), previous == null ? null : previous.procedures()),
                    change(total.totalReceipts(), previous == null ? null : previous.totalReceipts()),
                    change(total.onlineReceipts(), previous == null ? null : previous.onlineReceipts()), systems,
                    addedSystems, addedProcedures, total.source()));
        }
        return years;
    }

    private static List<Entry> added(List<Listed> rows, List<Listed> previousRows, String level,
            Map<String, String> systemNames) {
        Set<String> before = previousRows.stream().filter(r -> level.equals(r.level())).map(r -> key(r.name()))
            .collect(Collectors.toSet());
        return rows.stream().filter(r -> level.equals(r.level()) && !before.contains(key(r.name())))
            .map(r -> new Entry(r.name(), r.parentId() == null ? null : systemNames.get(r.parentId()),
                    r.onlineReceipts(), r.totalReceipts()))
            .toList();
    }

    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s", "");
    }

    private static BigDecimal rate(WardTotal total) {
        BigDecimal share = Decimals.divide(total.onlineReceipts(), total.totalReceipts());
        return share == null ? null : share.multiply(HUNDRED);
    }

    private static BigDecimal change(BigDecimal now, BigDecimal before) {
        return now == null || before == null ? null : now.subtract(before);
    }

}
