package jp.nakano.planreview.receipts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.CsvOutput;
import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.eprocedure.FigureColumns;
import jp.nakano.planreview.eprocedure.FigureQueries;

/**
 * Writes {@code receipt-counts.csv} when the review year has receipt logs: 電子受付件数 and 全受付件数 counted
 * from them for the ward, each system and each procedure, for the year and for each month, beside the
 * figures entered for the same rows. A year without logs writes nothing, so the outputs stay as they were.
 */
public class ExportReceiptCountsTasklet implements Tasklet {

    public static final String FILE = "receipt-counts.csv";

    static final List<String> COLUMNS = List.of("fiscal_year", "scope", "row_id", "name", "month", "online_receipts",
            "counter_receipts", "mail_receipts", "other_receipts", "total_receipts", "entered_online_receipts",
            "entered_total_receipts");

    /** The counts of the year per procedure and month; the sums per system and for the ward are made here. */
    private static final String COUNTS = """
            SELECT procedure_id, received_month, SUM(online_count), SUM(counter_count), SUM(mail_count), SUM(other_count)
            FROM in_receipt_count WHERE run_id = ? AND fiscal_year = ? GROUP BY procedure_id, received_month""";

    /**
     * Ward, then each system, then each procedure, each by row_id, the year's row (no month) before its months.
     * Sorted here, not by ORDER BY: a database sorts text by its collation (PostgreSQL's ja-u-ka-shifted ignores
     * the hyphen and puts lower case first: s01a before s01-P5), Java by code point, as HSQLDB does, so the file
     * is the same on every database.
     */
    private static final Comparator<Line> ORDER = Comparator.comparingInt(Line::scope).thenComparing(Line::rowId)
        .thenComparing(Line::month);

    private static final List<String> SCOPES = List.of("ward", "system", "procedure");

    private final JdbcTemplate jdbc;

    /** The run's e-procedure rows in columns (the procedure rows are not stored: issue 16). */
    private final LongFunction<FigureColumns> figures;

    private final LongSupplier runId;

    private final IntSupplier year;

    private final Supplier<Path> folder;

    public ExportReceiptCountsTasklet(JdbcTemplate jdbc, LongFunction<FigureColumns> figures, LongSupplier runId,
            IntSupplier year, Supplier<Path> folder) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.runId = runId;
        this.year = year;
        this.folder = folder;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        long run = runId.getAsLong();
        int fy = year.getAsInt();
        Long counts = jdbc.queryForObject("SELECT COUNT(*) FROM in_receipt_count WHERE run_id = ? AND fiscal_year = ?",
                Long.class, run, fy);
        if (counts == null || counts == 0) {
            return RepeatStatus.FINISHED;
        }
        // a row per scope and month: (1 + systems + procedures) × 13 rows, a few thousand at most
        List<Line> lines = lines(run, fy);
        lines.sort(ORDER);
        try (CsvOutput out = CsvOutput.create(folder.get().resolve(FILE), COLUMNS)) {
            for (Line line : lines) {
                String scope = SCOPES.get(line.scope());
                long total = line.online() + line.counter() + line.mail() + line.other();
                out.row(fy, scope, scope.equals("ward") ? null : line.rowId(), scope.equals("ward") ? "区全体" : line.name(),
                        line.month().isEmpty() ? null : line.month(), line.online(), line.counter(), line.mail(),
                        line.other(), total, line.enteredOnline(), line.enteredTotal());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + FILE + " for " + FiscalYear.of(fy), ex);
        }
        contribution.incrementWriteCount(lines.size());
        return RepeatStatus.FINISHED;
    }

    /**
     * The rows of the file, unordered: the counts of each procedure that has a row in the year's table, summed
     * per procedure, per system (the row itself when it is a system row, else its parent_id) and for the ward,
     * each for the year and per month; beside each its name and, for the year, the figures entered. A row_id's
     * level, parent_id, name and figures are the least of its rows of the year, left out or not, as the SQL this
     * replaces took them (MIN), so that a row_id given twice reads the same.
     */
    private List<Line> lines(long run, int fy) {
        FigureQueries rows = new FigureQueries(figures.apply(run));
        Map<String, FigureQueries.Least> known = new HashMap<>();
        Map<Key, long[]> sums = new HashMap<>();
        sums.put(new Key(0, "", ""), new long[4]); // the ward's year, as SQL's SUM over no row gives it (zeros)
        jdbc.query(COUNTS, rs -> {
            String procedure = rs.getString(1);
            FigureQueries.Least row = known.computeIfAbsent(procedure, id -> rows.least(fy, id));
            if (row == null) {
                return; // no row of the year's table: not in the file
            }
            String system = row.level().equals("system") ? procedure : row.parentId();
            String month = rs.getString(2);
            long[] counts = { rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6) };
            for (Key key : List.of(new Key(0, "", ""), new Key(0, "", month), new Key(1, system, ""),
                    new Key(1, system, month), new Key(2, procedure, ""), new Key(2, procedure, month))) {
                long[] sum = sums.computeIfAbsent(key, k -> new long[4]);
                for (int c = 0; c < counts.length; c++) {
                    sum[c] += counts[c];
                }
            }
        }, run, fy);
        List<Line> lines = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> {
            FigureQueries.Least row = key.rowId() == null ? null : known.computeIfAbsent(key.rowId(), id -> rows.least(fy, id));
            boolean year = key.month().isEmpty();
            lines.add(new Line(key.scope(), key.rowId(), key.month(), row == null ? null : row.name(), sum[0], sum[1],
                    sum[2], sum[3], row == null || !year ? null : Decimals.normalise(row.online()),
                    row == null || !year ? null : Decimals.normalise(row.total())));
        });
        return lines;
    }

    /** A row of the file: scope 0 ward, 1 system, 2 procedure; row_id empty for the ward, month for the year. */
    private record Key(int scope, String rowId, String month) {
    }

    /** One row of the file as the database sums it: scope 0 ward, 1 system, 2 procedure; month empty for the year. */
    private record Line(int scope, String rowId, String month, String name, long online, long counter, long mail,
            long other, BigDecimal enteredOnline, BigDecimal enteredTotal) {
    }

}
