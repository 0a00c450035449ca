package jp.nakano.planreview.receipts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntSupplier;
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

    /** A procedure's counts with the system it belongs to (the row itself when it is a system row). */
    private static final String COUNTS = """
            (SELECT c.procedure_id, CASE f.row_level WHEN 'system' THEN f.row_id ELSE f.parent_id END AS system_id,
                    c.received_month, c.online_count, c.counter_count, c.mail_count, c.other_count
             FROM in_receipt_count c
             JOIN (SELECT row_id, MIN(row_level) AS row_level, MIN(parent_id) AS parent_id FROM in_eprocedure_figure
                   WHERE run_id = ? AND fiscal_year = ? GROUP BY row_id) f ON f.row_id = c.procedure_id
             WHERE c.run_id = ? AND c.fiscal_year = ?)""";

    private static final String SUMS = "SUM(online_count) AS online_n, SUM(counter_count) AS counter_n, "
            + "SUM(mail_count) AS mail_n, SUM(other_count) AS other_n";

    /** The sums per scope, row and month; {@link #ORDER} puts them in the file's order. */
    private static final String ROWS = """
            SELECT x.scope_order, x.scope_order, x.row_id, x.month, x.online_n, x.counter_n, x.mail_n, x.other_n,
                   (SELECT MIN(name) FROM in_eprocedure_figure n WHERE n.run_id = ? AND n.fiscal_year = ? AND n.row_id = x.row_id),
                   (SELECT MIN(online_receipts) FROM in_eprocedure_figure e WHERE e.run_id = ? AND e.fiscal_year = ? AND e.row_id = x.row_id AND x.month = ''),
                   (SELECT MIN(total_receipts) FROM in_eprocedure_figure e WHERE e.run_id = ? AND e.fiscal_year = ? AND e.row_id = x.row_id AND x.month = '')
            FROM (
              SELECT 0 AS scope_order, CAST('' AS VARCHAR(64)) AS row_id, CAST('' AS VARCHAR(7)) AS month, %1$s FROM %2$s w
              UNION ALL SELECT 0, '', received_month, %1$s FROM %2$s w GROUP BY received_month
              UNION ALL SELECT 1, system_id, '', %1$s FROM %2$s s GROUP BY system_id
              UNION ALL SELECT 1, system_id, received_month, %1$s FROM %2$s s GROUP BY system_id, received_month
              UNION ALL SELECT 2, procedure_id, '', %1$s FROM %2$s p GROUP BY procedure_id
              UNION ALL SELECT 2, procedure_id, received_month, %1$s FROM %2$s p GROUP BY procedure_id, received_month
            ) x""".formatted(SUMS, COUNTS);

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

    private final LongSupplier runId;

    private final IntSupplier year;

    private final Supplier<Path> folder;

    public ExportReceiptCountsTasklet(JdbcTemplate jdbc, LongSupplier runId, IntSupplier year, Supplier<Path> folder) {
        this.jdbc = jdbc;
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
        Object[] args = new Object[6 + 6 * 4];
        for (int k = 0; k < 3; k++) {
            args[2 * k] = run;
            args[2 * k + 1] = fy;
        }
        for (int k = 0; k < 6; k++) {
            args[6 + 4 * k] = run;
            args[6 + 4 * k + 1] = fy;
            args[6 + 4 * k + 2] = run;
            args[6 + 4 * k + 3] = fy;
        }
        // a row per scope and month: (1 + systems + procedures) × 13 rows, a few thousand at most
        List<Line> lines = new ArrayList<>(jdbc.query(ROWS, (rs, i) -> new Line(rs.getInt(2), rs.getString(3),
                rs.getString(4), rs.getString(9), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                Decimals.normalise(rs.getBigDecimal(10)), Decimals.normalise(rs.getBigDecimal(11))), args));
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

    /** One row of the file as the database sums it: scope 0 ward, 1 system, 2 procedure; month empty for the year. */
    private record Line(int scope, String rowId, String month, String name, long online, long counter, long mail,
            long other, BigDecimal enteredOnline, BigDecimal enteredTotal) {
    }

}
