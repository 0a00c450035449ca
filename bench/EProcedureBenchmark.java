import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB beside the job on the e-procedure figures (bench/run.sh streaming): after the job's run, DuckDB does the
 * same work on the same eprocedure-figures.csv, in a fresh JVM, and the two are printed side by side:
 * <ul>
 * <li>load: {@code read_csv} into a table, the three figures as exact decimals ({@link #FIGURE});</li>
 * <li>every row's 電子手続利用率 = 電子受付件数 ÷ 全受付件数 × 100, half-up to two decimals (docs/method.md's
 * display rule), computed exactly in integers: the figures' unscaled values, rate in hundredths =
 * floor((online × 20,000 + total) ÷ (2 × total)), which is the half-up of online × 10,000 ÷ total for
 * non-negative figures; no rate where 全受付件数 is empty or zero;</li>
 * <li>the sub-row check of checkUtilisationStep (UtilisationChecksTasklet, UtilisationCalculator.checkBreakdown)
 * for the review year and the year before: each system row against the sum of the rows whose parent it is, per
 * figure (電子受付件数, 全受付件数, 手続数); a sum counts only when every sub-row has the figure; with a remainder
 * row (上記以外, level {@code other}) the sum must equal the system's figure, without one it must not exceed
 * it.</li>
 * </ul>
 * Then DuckDB's counts are compared with the job's outputs: its rows and each rate against
 * eprocedure-utilisation.csv, its mismatches against the eprocedure.breakdown-* findings of
 * validation-findings.csv (by field and system figure), and whether they agree is printed.
 *
 * <p>Usage (bench/run.sh compiles bench/ first): {@code java -cp duckdb_jdbc.jar:<classes> EProcedureBenchmark
 * <eprocedure-figures.csv> <review-year> <job run.log> <job console log> <GNU time -v output> [<job's published
 * run folder>]}
 */
public class EProcedureBenchmark {

    /**
     * DuckDB's type for the figures: exact decimals below 10^14 with up to four places (the counts are whole). Not
     * the job's DECIMAL(38,10): DuckDB keeps those as 128-bit numbers, and its read_csv of the 1,000,000-row file
     * took 10.3 s with them against 0.51 s with this type (2026-12-01, same machine and load), so DuckDB gets its
     * fast type; the comparison with the job's outputs shows that nothing is lost.
     */
    private static final String FIGURE = "'DECIMAL(18,4)'";

    private static final Pattern STEP = Pattern.compile("StepProgressListener - (\\w+Step)\\b.*?\\s([0-9.]+) s\\s+(\\w+)\\s*$");

    private static final Pattern COMPLETED = Pattern.compile("COMPLETED in ([0-9.]+) s");

    private static final Pattern WRITTEN = Pattern.compile("written\\s+(\\d+)");

    private static final Pattern FINDINGS = Pattern.compile("findings\\s+(\\d+)");

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        int year = Integer.parseInt(args[1]);
        Path runLog = Path.of(args[2]);
        Path console = Path.of(args[3]);
        Path time = Path.of(args[4]);
        Path published = args.length > 5 && !args[5].isEmpty() ? Path.of(args[5]) : null;

        Duck duck = duckdb(csv, year);
        Job job = job(runLog, console, time);

        System.out.printf(Locale.ROOT, "%-44s %10s%n", "same eprocedure-figures.csv", "seconds");
        System.out.printf(Locale.ROOT, "%-44s %10s   %s%n", "job, whole process (wall, GNU time)", seconds(job.wall),
                job.completed == null ? "did not complete" : "job " + job.completed + " s (\"COMPLETED in\")");
        System.out.printf(Locale.ROOT, "%-44s %10s   %s%n", "job, steps before rendering (summed)", seconds(job.beforeRendering),
                job.stepList());
        System.out.printf(Locale.ROOT, "%-44s %10s   %s%n", "job, renderReportsStep", seconds(job.rendering),
                job.renderStatus == null ? "not reached" : job.renderStatus);
        System.out.printf(Locale.ROOT, "%-44s %10.2f   driver start %.2f s, read_csv %.2f s, rates %.2f s, sub-row check %.2f s%n",
                "DuckDB, load + every rate + sub-row check", duck.wall, duck.driver, duck.load, duck.rates, duck.check);
        System.out.printf(Locale.ROOT, "DuckDB: %,d rows loaded, %,d rates computed (%,d in FY%d), %,d sub-row mismatches (FY%d and FY%d)%n",
                duck.rows, duck.rated, duck.yearRates.size(), year, duck.mismatches.size(), year - 1, year);
        System.out.printf(Locale.ROOT, "ratio job whole run / DuckDB: %s; steps before rendering / DuckDB: %s%n",
                ratio(job.wall, duck.wall), ratio(job.beforeRendering, duck.wall));
        compare(duck, job, published, year);
    }

    /** What DuckDB did, with the time of each part (seconds). */
    record Duck(double wall, double driver, double load, double rates, double check, long rows, long rated,
            long rowsOfBothYears, Map<String, BigInteger> yearRates, List<String> mismatches) {
    }

    static Duck duckdb(Path csv, int year) throws Exception {
        long start = System.nanoTime();
        try (Connection c = DuckDb.open(); Statement s = c.createStatement()) {
            long connected = System.nanoTime();
            s.execute("CREATE TABLE f AS SELECT * FROM read_csv(" + DuckDb.literal(csv) + ", header = true, "
                    + "types = {'fiscal_year': 'INTEGER', 'row_id': 'VARCHAR', 'level': 'VARCHAR', 'parent_id': 'VARCHAR', "
                    + "'procedure_count': " + FIGURE + ", 'online_receipts': " + FIGURE + ", 'total_receipts': " + FIGURE + "})");
            long loaded = System.nanoTime();
            // the unscaled values (× 10^4) as 128-bit integers: the quotient is the same, and integers divide exactly
            s.execute("""
                    CREATE TABLE rates AS
                    SELECT fiscal_year, row_id, level,
                           CASE WHEN t > 0 THEN (o * 20000 + t) // (2 * t) END AS rate_hundredths
                    FROM (SELECT fiscal_year, row_id, level,
                                 CAST(CAST(online_receipts * 10000 AS BIGINT) AS HUGEINT) AS o,
                                 CAST(CAST(total_receipts * 10000 AS BIGINT) AS HUGEINT) AS t
                          FROM f)""");
            long rated = System.nanoTime();
            s.execute("CREATE TABLE mismatches AS WITH sub AS (SELECT fiscal_year, parent_id, bool_or(level = 'other') AS complete, "
                    + sum("online_receipts") + " AS online_receipts, " + sum("total_receipts") + " AS total_receipts, "
                    + sum("procedure_count") + " AS procedure_count "
                    + "FROM f WHERE parent_id IS NOT NULL AND fiscal_year IN (" + (year - 1) + ", " + year + ") GROUP BY ALL) "
                    + mismatch("online_receipts") + " UNION ALL " + mismatch("total_receipts") + " UNION ALL "
                    + mismatch("procedure_count"));
            long checked = System.nanoTime();
            long rows;
            long ratedRows;
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(rate_hundredths) FROM rates")) {
                rs.next();
                rows = rs.getLong(1);
                ratedRows = rs.getLong(2);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            // for the comparison with the job's outputs, not timed
            long rowsOfBothYears;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM rates WHERE fiscal_year IN (" + (year - 1) + ", "
                    + year + ") AND level IN ('system', 'procedure', 'other')")) {
                rs.next();
                rowsOfBothYears = rs.getLong(1);
            }
            Map<String, BigInteger> yearRates = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT row_id, CAST(rate_hundredths AS VARCHAR) FROM rates WHERE fiscal_year = "
                    + year + " AND level IN ('system', 'procedure', 'other')")) {
                while (rs.next()) {
                    yearRates.put(rs.getString(1), rs.getString(2) == null ? null : new BigInteger(rs.getString(2)));
                }
            }
            List<String> mismatches = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT field, CAST(system_value AS VARCHAR) FROM mismatches")) {
                while (rs.next()) {
                    mismatches.add(rs.getString(1) + " " + new BigDecimal(rs.getString(2)).stripTrailingZeros().toPlainString());
                }
            }
            mismatches.sort(null);
            return new Duck(wall, (connected - start) / 1e9, (loaded - connected) / 1e9, (rated - loaded) / 1e9,
                    (checked - rated) / 1e9, rows, ratedRows, rowsOfBothYears, yearRates, mismatches);
        }
    }

    private static String sum(String field) {
        return "CASE WHEN count(" + field + ") = count(*) THEN sum(" + field + ") END";
    }

    private static String mismatch(String field) {
        return "SELECT s.fiscal_year, s.row_id, '" + field + "' AS field, s." + field + " AS system_value, sub." + field
                + " AS sub_sum FROM f s JOIN sub ON sub.fiscal_year = s.fiscal_year AND sub.parent_id = s.row_id "
                + "WHERE s.level = 'system' AND s." + field + " IS NOT NULL AND sub." + field + " IS NOT NULL "
                + "AND CASE WHEN sub.complete THEN sub." + field + " <> s." + field + " ELSE sub." + field + " > s." + field + " END";
    }

    /** The job's figures from its run.log, console and GNU time; a time is NaN when the job never reached it. */
    record Job(double wall, String completed, double beforeRendering, double rendering, String renderStatus,
            Map<String, Double> steps, long computed, long checkFindings) {

        String stepList() {
            StringBuilder out = new StringBuilder();
            steps.forEach((name, s) -> {
                if (s >= 0.5) {
                    out.append(out.length() == 0 ? "" : ", ").append(name.replace("Step", "")).append(' ').append(s);
                }
            });
            return out.length() == 0 ? "" : "(" + out + "; the others under 0.5 s each)";
        }

    }

    static Job job(Path runLog, Path console, Path time) throws IOException {
        Map<String, Double> steps = new LinkedHashMap<>();
        double before = 0;
        double rendering = Double.NaN;
        String renderStatus = null;
        long computed = -1;
        long checkFindings = -1;
        for (String line : Files.readAllLines(runLog, StandardCharsets.UTF_8)) {
            Matcher m = STEP.matcher(line);
            if (!m.find()) {
                continue;
            }
            double s = Double.parseDouble(m.group(2));
            if (m.group(1).equals("computeUtilisationStep")) {
                computed = number(WRITTEN, line);
            }
            if (m.group(1).equals("checkUtilisationStep")) {
                checkFindings = number(FINDINGS, line);
            }
            if (m.group(1).equals("renderReportsStep")) {
                rendering = s;
                renderStatus = m.group(3);
            }
            else if (renderStatus == null) {
                steps.put(m.group(1), s);
                before += s;
            }
        }
        String completed = null;
        for (String line : Files.readAllLines(console, StandardCharsets.UTF_8)) {
            Matcher m = COMPLETED.matcher(line);
            if (m.find()) {
                completed = m.group(1);
            }
        }
        double wall = Double.NaN;
        for (String line : Files.readAllLines(time, StandardCharsets.UTF_8)) {
            if (line.contains("Elapsed (wall clock) time")) {
                wall = clock(line.substring(line.lastIndexOf(": ") + 2).strip());
            }
        }
        return new Job(wall, completed, before, rendering, renderStatus, steps, computed, checkFindings);
    }

    private static long number(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** GNU time's m:ss.ss or h:mm:ss. */
    private static double clock(String text) {
        double seconds = 0;
        for (String part : text.split(":")) {
            seconds = seconds * 60 + Double.parseDouble(part);
        }
        return seconds;
    }

    static void compare(Duck duck, Job job, Path published, int year) throws IOException {
        if (published == null || !Files.isRegularFile(published.resolve("eprocedure-utilisation.csv"))) {
            // no outputs: the step lines of run.log still give the rows computed (both years) and the check's findings
            if (job.computed < 0 || job.checkFindings < 0) {
                System.out.println("agree with the job: cannot tell, the job published no outputs and did not reach "
                        + "checkUtilisationStep");
                System.exit(1);
            }
            boolean rows = job.computed == duck.rowsOfBothYears;
            boolean mismatches = job.checkFindings == duck.mismatches.size();
            System.out.printf(Locale.ROOT, "job (run.log, no outputs published): computeUtilisationStep wrote %,d rows of "
                    + "FY%d and FY%d, checkUtilisationStep found %,d; DuckDB %,d rows and %,d mismatches%n", job.computed,
                    year - 1, year, job.checkFindings, duck.rowsOfBothYears, duck.mismatches.size());
            System.out.printf("agree with the job: rows %s, sub-row mismatches %s (rates not compared one by one: no "
                    + "eprocedure-utilisation.csv)%n", yes(rows), yes(mismatches));
            if (!rows || !mismatches) {
                System.exit(1);
            }
            return;
        }
        List<List<String>> utilisation = Csv.read(published.resolve("eprocedure-utilisation.csv"));
        List<String> header = utilisation.get(0);
        int yearAt = header.indexOf("fiscal_year");
        int idAt = header.indexOf("row_id");
        int levelAt = header.indexOf("level");
        int rateAt = header.indexOf("utilisation_rate_percent");
        long jobRows = 0;
        long differ = 0;
        String firstDiffer = null;
        for (List<String> row : utilisation.subList(1, utilisation.size())) {
            if (!row.get(yearAt).equals(String.valueOf(year)) || !List.of("system", "procedure", "other").contains(row.get(levelAt))) {
                continue;
            }
            jobRows++;
            BigInteger jobRate = row.get(rateAt).isEmpty() ? null : new BigDecimal(row.get(rateAt)).movePointRight(2).toBigIntegerExact();
            String id = row.get(idAt);
            if (!duck.yearRates.containsKey(id) || !java.util.Objects.equals(jobRate, duck.yearRates.get(id))) {
                differ++;
                firstDiffer = firstDiffer != null ? firstDiffer : id + " (job " + row.get(rateAt) + ", DuckDB hundredths "
                        + duck.yearRates.get(id) + ")";
            }
        }
        List<List<String>> findings = Csv.read(published.resolve("validation-findings.csv"));
        List<String> fh = findings.get(0);
        List<String> jobMismatches = new ArrayList<>();
        for (List<String> row : findings.subList(1, findings.size())) {
            if (row.get(fh.indexOf("code")).startsWith("eprocedure.breakdown-")) {
                jobMismatches.add(row.get(fh.indexOf("field")) + " "
                        + new BigDecimal(row.get(fh.indexOf("value")).replace(",", "")).stripTrailingZeros().toPlainString());
            }
        }
        jobMismatches.sort(null);
        boolean rowsAgree = jobRows == duck.yearRates.size();
        boolean ratesAgree = differ == 0;
        boolean mismatchesAgree = jobMismatches.equals(duck.mismatches);
        System.out.printf(Locale.ROOT, "job: %,d rows of FY%d in eprocedure-utilisation.csv, %,d eprocedure.breakdown-* findings%n",
                jobRows, year, jobMismatches.size());
        System.out.printf(Locale.ROOT, "agree with the job: rows %s, every rate %s, sub-row mismatches %s%n", yes(rowsAgree),
                ratesAgree ? "yes" : "NO (" + differ + " differ, first " + firstDiffer + ")",
                mismatchesAgree ? "yes" : "NO (job " + jobMismatches + ", DuckDB " + duck.mismatches + ")");
        if (!rowsAgree || !ratesAgree || !mismatchesAgree) {
            System.exit(1);
        }
    }

    private static String yes(boolean agree) {
        return agree ? "yes" : "NO";
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "—" : String.format(Locale.ROOT, "%.2f", s);
    }

    private static String ratio(double job, double duck) {
        return Double.isNaN(job) ? "—" : String.format(Locale.ROOT, "%.1f", job / duck);
    }

    /** The job's CSV outputs as written (UTF-8 with a BOM, CRLF, RFC 4180 quoting), for the comparison only. */
    static final class Csv {

        static List<List<String>> read(Path file) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int i = text.startsWith("\uFEFF") ? 1 : 0;
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    }
                    else if (ch == '"') {
                        quoted = false;
                    }
                    else {
                        cell.append(ch);
                    }
                }
                else if (ch == '"') {
                    quoted = true;
                }
                else if (ch == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                }
                else if (ch == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                }
                else if (ch != '\r') {
                    cell.append(ch);
                }
            }
            if (cell.length() > 0 || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }

    }

}
