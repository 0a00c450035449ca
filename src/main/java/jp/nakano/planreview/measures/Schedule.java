package jp.nakano.planreview.measures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jp.nakano.planreview.common.FiscalYear;

/**
 * The planned stage of a 取組事項 in each fiscal year, as {@code measure-items.csv} writes it:
 * {@code 2021=検討;2022=検討;2023=拡充} (one entry per year; a year without an entry has no stage). A year may
 * hold two stages joined by ・ ({@code 2022=準備・稼働}), as the plan prints them.
 */
public record Schedule(SortedMap<Integer, List<Stage>> stages) {

    public static final Schedule EMPTY = new Schedule(new TreeMap<>());

    public Schedule {
        stages = Collections.unmodifiableSortedMap(new TreeMap<>(stages));
    }

    /**
     * Reads the cell; an empty cell is an empty schedule.
     *
     * @throws IllegalArgumentException with the reason in Japanese, for the finding
     */
    public static Schedule parse(String cell) {
        if (cell == null || cell.isBlank()) {
            return EMPTY;
        }
        SortedMap<Integer, List<Stage>> stages = new TreeMap<>();
        for (String entry : cell.split(";")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("「" + e + "」は 年度=段階 の形ではない（例: 2021=検討;2022=準備）");
            }
            FiscalYear year;
            try {
                year = FiscalYear.parse(e.substring(0, eq).strip());
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("「" + e.substring(0, eq).strip()
                        + "」は年度として読めない（2021、R3 のように書く）");
            }
            List<Stage> words = new ArrayList<>();
            for (String w : e.substring(eq + 1).strip().split("・")) {
                words.add(Stage.ofWord(w.strip()).orElseThrow(() -> new IllegalArgumentException("「" + w.strip()
                        + "」は段階の語ではない（" + Stage.words() + " のどれか、同じ年度に二つなら 準備・稼働 のように書く）")));
            }
            if (stages.put(year.year(), List.copyOf(words)) != null) {
                throw new IllegalArgumentException(year.year() + "年度が二度書かれている");
            }
        }
        return new Schedule(stages);
    }

    /** The stage(s) planned in the year; empty when the schedule has none that year. */
    public List<Stage> in(int fiscalYear) {
        return stages.getOrDefault(fiscalYear, List.of());
    }

    public boolean isEmpty() {
        return stages.isEmpty();
    }

    /** The stage words of a year as the plan prints them: 準備・稼働. */
    public static String words(List<Stage> stages) {
        return stages.stream().map(Stage::word).collect(Collectors.joining("・"));
    }

    /** The canonical cell text, as read back from the database. */
    public String cell() {
        Map<Integer, String> out = new LinkedHashMap<>();
        stages.forEach((y, s) -> out.put(y, words(s)));
        return out.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

}
