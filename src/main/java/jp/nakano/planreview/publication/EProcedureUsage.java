package jp.nakano.planreview.publication;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jp.nakano.planreview.common.Checksums;
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

    /** The systems a year's page lists at most (a table, as the PDF's e-procedure table lists 500 rows). */
    public static final int MAX_LISTED_SYSTEMS = 500;

    /** The additions of a year the page and the PDF name at most (in words); the open data CSV has them all. */
    public static final int MAX_LISTED_ADDITIONS = 100;

    /**
     * One year of the publication. Figures are exact and {@code null} where unknown; a change is {@code null}
     * when either year's figure is unknown; {@code added*} are {@code null} when there is no previous year's
     * listing to compare with (an empty list: compared, nothing new). The lists hold the first
     * {@link #MAX_LISTED_SYSTEMS} systems and {@link #MAX_LISTED_ADDITIONS} additions in the input's order;
     * {@code *InAll} say how many there are.
     */
    public record Year(FiscalYear year, BigDecimal procedures, BigDecimal totalReceipts, BigDecimal onlineReceipts,
            BigDecimal ratePercent, BigDecimal previousRatePercent, BigDecimal proceduresChange,
            BigDecimal totalReceiptsChange, BigDecimal onlineReceiptsChange, List<Entry> systems,
            List<Entry> addedSystems, List<Entry> addedProcedures, String source, long systemsInAll,
            long addedSystemsInAll, long addedProceduresInAll) {

        /** Whether the input has the previous year's ward total. */
        public boolean hasPrevious() {
            return onlineReceiptsChange != null || proceduresChange != null || totalReceiptsChange != null;
        }

        /** Whether the lists name every addition of the year (or there is nothing to compare with). */
        public boolean additionsComplete() {
            return addedSystems == null
                    || addedSystems.size() == addedSystemsInAll && addedProcedures.size() == addedProceduresInAll;
        }
    }

    /**
     * The system and procedure rows of the run's years, read as a stream so that no year has to fit in memory
     * (a database reads them a page at a time).
     */
    public interface Listings {

        /** Whether the year lists any system or procedure. */
        boolean listed(int year);

        /** The year's rows of {@code level} ({@code system} or {@code procedure}; {@code null}: both), in the input's order. */
        void each(int year, String level, Consumer<Listed> row);

        /** The name of the year's system {@code rowId} (its first row), or {@code null}. */
        String systemName(int year, String rowId);
    }

    /** The same from rows in memory, in the input's order (tests, small inputs). */
    static Listings inMemory(List<Listed> listed) {
        return new Listings() {

            @Override
            public boolean listed(int year) {
                return listed.stream().anyMatch(r -> r.year() == year);
            }

            @Override
            public void each(int year, String level, Consumer<Listed> row) {
                listed.stream().filter(r -> r.year() == year && (level == null || level.equals(r.level()))).forEach(row);
            }

            @Override
            public String systemName(int year, String rowId) {
                return listed.stream().filter(r -> r.year() == year && "system".equals(r.level()) && rowId.equals(r.rowId()))
                    .map(Listed::name).findFirst().orElse(null);
            }
        };
    }

    /**
     * Every year with a ward total up to {@code upTo}, oldest first. The rate is 電子受付件数 ÷ 全受付件数 × 100,
     * exact (rounded only where shown); the additions are the systems and procedures listed in the year that
     * the previous year's listing does not name (names compared after NFKC normalisation and without spaces).
     */
    public static List<Year> years(List<WardTotal> totals, List<Listed> listed, FiscalYear upTo) {
        return years(totals, inMemory(listed), upTo);
    }

    /**
     * The same from listings read as a stream: each year's rows are read once for its systems and additions and
     * once as the next year's previous listing; what stays in memory is the first rows listed and a
     * fingerprint of each name of the previous year ({@link ListedNames}).
     */
    public static List<Year> years(List<WardTotal> totals, Listings listings, FiscalYear upTo) {
        Map<Integer, WardTotal> byYear = new TreeMap<>();
        totals.stream().filter(t -> t.year() <= upTo.year()).forEach(t -> byYear.put(t.year(), t));
        List<Year> years = new ArrayList<>();
        for (WardTotal total : byYear.values()) {
            WardTotal previous = byYear.get(total.year() - 1);
            Capped systems = new Capped(MAX_LISTED_SYSTEMS);
            Capped addedSystems = null;
            Capped addedProcedures = null;
            if (listings.listed(total.year() - 1)) {
                ListedNames systemsBefore = new ListedNames();
                ListedNames proceduresBefore = new ListedNames();
                listings.each(total.year() - 1, null,
                        r -> ("system".equals(r.level()) ? systemsBefore : proceduresBefore).add(r.name()));
                Capped newSystems = new Capped(MAX_LISTED_ADDITIONS);
                Capped newProcedures = new Capped(MAX_LISTED_ADDITIONS);
                listings.each(total.year(), null, r -> {
                    if ("system".equals(r.level())) {
                        systems.add(() -> new Entry(r.name(), null, r.onlineReceipts(), r.totalReceipts()));
                        if (!systemsBefore.contains(r.name())) {
                            newSystems.add(() -> entry(r, listings));
                        }
                    }
                    else if (!proceduresBefore.contains(r.name())) {
                        newProcedures.add(() -> entry(r, listings));
                    }
                });
                addedSystems = newSystems;
                addedProcedures = newProcedures;
            }
            else {
                listings.each(total.year(), "system",
                        r -> systems.add(() -> new Entry(r.name(), null, r.onlineReceipts(), r.totalReceipts())));
            }
            years.add(new Year(FiscalYear.of(total.year()), total.procedures(), total.totalReceipts(),
                    total.onlineReceipts(), rate(total), previous == null ? null : rate(previous),
                    change(total.procedures(), previous == null ? null : previous.procedures()),
                    change(total.totalReceipts(), previous == null ? null : previous.totalReceipts()),
                    change(total.onlineReceipts(), previous == null ? null : previous.onlineReceipts()), systems.entries,
                    addedSystems == null ? null : addedSystems.entries,
                    addedProcedures == null ? null : addedProcedures.entries, total.source(), systems.count,
                    addedSystems == null ? 0 : addedSystems.count, addedProcedures == null ? 0 : addedProcedures.count));
        }
        return years;
    }

    /**
     * Every addition of {@code level} of a year that has a previous listing, in the input's order, for the open
     * data (the year's own lists stop at {@link #MAX_LISTED_ADDITIONS}).
     */
    public static void eachAddition(FiscalYear year, String level, Listings listings, Consumer<Entry> sink) {
        ListedNames before = new ListedNames();
        listings.each(year.year() - 1, level, r -> before.add(r.name()));
        listings.each(year.year(), level, r -> {
            if (!before.contains(r.name())) {
                sink.accept(entry(r, listings));
            }
        });
    }

    private static Entry entry(Listed r, Listings listings) {
        return new Entry(r.name(), r.parentId() == null ? null : listings.systemName(r.year(), r.parentId()),
                r.onlineReceipts(), r.totalReceipts());
    }

    /** The first entries of a list and the number of all; an entry is made only when it is kept. */
    private static final class Capped {

        private final int max;

        private final List<Entry> entries = new ArrayList<>();

        private long count;

        Capped(int max) {
            this.max = max;
        }

        void add(Supplier<Entry> entry) {
            if (count++ < max) {
                entries.add(entry.get());
            }
        }
    }

    private static final Pattern SPACE = Pattern.compile("\\s");

    /** How names are compared: NFKC, without spaces (a full-width space is one after NFKC). */
    static String key(String name) {
        return SPACE.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("");
    }

    /**
     * The names of a year's listing as a set of 128-bit fingerprints (the first half of the SHA-256 of each
     * {@link #key}): 16 bytes a name however long, so a listing of millions fits in a small heap. Two different
     * names share a fingerprint with a probability of about n² / 2¹²⁹ (10⁻²⁶ for a million names): the set is
     * exact for any listing a ward publishes.
     */
    static final class ListedNames {

        private long[] high = new long[64];

        private long[] low = new long[64];

        private int size;

        private final java.security.MessageDigest digest = Checksums.sha256();

        private final java.nio.ByteBuffer hash = java.nio.ByteBuffer.allocate(32);

        void add(String name) {
            fingerprint(name);
            long h = hash.getLong(0);
            long l = hash.getLong(8);
            if (find(h, l) < 0) {
                if (2 * (size + 1) > high.length) {
                    grow();
                }
                insert(h, l);
            }
        }

        boolean contains(String name) {
            fingerprint(name);
            return find(hash.getLong(0), hash.getLong(8)) >= 0;
        }

        int size() {
            return size;
        }

        private void fingerprint(String name) {
            hash.clear();
            hash.put(digest.digest(key(name).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }

        /** Open addressing, linear probing; a slot is empty when both halves are 0 (a fingerprint of 0 is made 1). */
        private int find(long h, long l) {
            if (h == 0 && l == 0) {
                l = 1;
            }
            int mask = high.length - 1;
            for (int i = (int) (h ^ (h >>> 32)) & mask;; i = (i + 1) & mask) {
                if (high[i] == 0 && low[i] == 0) {
                    return -1;
                }
                if (high[i] == h && low[i] == l) {
                    return i;
                }
            }
        }

        private void insert(long h, long l) {
            if (h == 0 && l == 0) {
                l = 1;
            }
            int mask = high.length - 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (high[i] != 0 || low[i] != 0) {
                i = (i + 1) & mask;
            }
            high[i] = h;
            low[i] = l;
            size++;
        }

        private void grow() {
            long[] oldHigh = high;
            long[] oldLow = low;
            high = new long[oldHigh.length * 2];
            low = new long[oldLow.length * 2];
            size = 0;
            for (int i = 0; i < oldHigh.length; i++) {
                if (oldHigh[i] != 0 || oldLow[i] != 0) {
                    insert(oldHigh[i], oldLow[i]);
                }
            }
        }
    }

    private static BigDecimal rate(WardTotal total) {
        BigDecimal share = Decimals.divide(total.onlineReceipts(), total.totalReceipts());
        return share == null ? null : share.multiply(HUNDRED);
    }

    private static BigDecimal change(BigDecimal now, BigDecimal before) {
        return now == null || before == null ? null : now.subtract(before);
    }

}
