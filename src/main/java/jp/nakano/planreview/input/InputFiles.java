package jp.nakano.planreview.input;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The names of the input files a run reads, and the SQL that lists rows by file name in the same order on
 * every database: by name as Java compares strings (code points), which is how HSQLDB sorts text. PostgreSQL
 * sorts text by the database's collation instead, and under many (en_US, ICU with punctuation ignored)
 * {@code kpis.csv} comes before {@code kpi-targets.csv}, so a plain {@code ORDER BY file_name} would list
 * the same files in another order there.
 */
public final class InputFiles {

    /** Every input file, as {@code docs/input-format.md} lists them; a test checks them against the job's. */
    public static final List<String> NAMES = List.of("plans.csv", "plan-phases.csv", "goals.csv", "measures.csv",
            "kpis.csv", "kpi-targets.csv", "kpi-actuals.csv", "eprocedure-figures.csv", "measure-activities.csv",
            "measure-items.csv", "measure-reports.csv", "kpi-explanations.csv");

    private InputFiles() {
    }

    /**
     * ORDER BY keys for a column holding a file name: no file first, then the input files by name, then any
     * other name (there is none) in the database's own order. Names are constants, never input.
     */
    public static String byName(String column) {
        List<String> sorted = NAMES.stream().sorted().toList();
        String value = "COALESCE(" + column + ", '')";
        return "CASE " + value + " WHEN '' THEN 0 "
                + IntStream.range(0, sorted.size())
                    .mapToObj(i -> "WHEN '" + sorted.get(i) + "' THEN " + (i + 1))
                    .collect(Collectors.joining(" "))
                + " ELSE " + (sorted.size() + 1) + " END, " + value;
    }

}
