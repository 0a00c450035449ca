package jp.nakano.planreview.eprocedure;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.eprocedure.EProcedureFigureRow.Level;
import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.FindingRecorder;

/**
 * Computes the 電子手続利用率 of every e-procedure row of the review year, system by system as the rows
 * stream from the database (one system's rows in memory at a time), then the sum of the systems and the
 * published ward total, and stores the results of the run.
 */
public class UtilisationTasklet implements Tasklet {

    private static final String ROWS = """
            SELECT f.fiscal_year, f.row_id, f.row_level, f.parent_id, f.seq, f.name, f.procedure_count,
                   f.online_receipts, f.total_receipts, f.online_capable, f.kakanai_supported, f.department,
                   f.published_rate, f.source, f.note, f.source_file, f.source_line,
                   COALESCE(p.seq, f.seq) AS system_seq, COALESCE(f.parent_id, f.row_id) AS group_id
            FROM in_eprocedure_figure f
            LEFT JOIN in_eprocedure_figure p ON p.run_id = f.run_id AND p.fiscal_year = f.fiscal_year
                 AND p.row_id = f.parent_id AND p.row_level = 'system' AND NOT p.excluded
            WHERE f.run_id = ? AND f.fiscal_year = ? AND NOT f.excluded
            ORDER BY CASE WHEN f.row_level = 'total' THEN 1 ELSE 0 END, system_seq, group_id,
                     CASE f.row_level WHEN 'system' THEN 0 WHEN 'procedure' THEN 1 WHEN 'other' THEN 2 ELSE 3 END,
                     f.seq, f.source_line""";

    private static final String INSERT = """
            INSERT INTO res_eprocedure_utilisation (run_id, fiscal_year, sort_key, row_id, row_level, parent_id, name,
                procedure_count, online_receipts, total_receipts, rate_percent, published_rate, rate_check,
                source_file, source_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final int BATCH_SIZE = 500;

    private final JdbcTemplate jdbc;

    private final FindingRecorder findings;

    private final LongSupplier runId;

    private final IntSupplier fiscalYear;

    private final UtilisationCalculator calculator = new UtilisationCalculator();

    public UtilisationTasklet(JdbcTemplate jdbc, FindingRecorder findings, LongSupplier runId, IntSupplier fiscalYear) {
        this.jdbc = jdbc;
        this.findings = findings;
        this.runId = runId;
        this.fiscalYear = fiscalYear;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long run = runId.getAsLong();
        int year = fiscalYear.getAsInt();
        Computation computation = new Computation(run);
        jdbc.query(ROWS, rs -> {
            contribution.incrementReadCount();
            computation.accept(toFigure(rs), rs.getString("group_id"));
        }, run, year);
        computation.finish(year);
        computation.flush();
        contribution.incrementWriteCount(computation.written);
        return RepeatStatus.FINISHED;
    }

    /** The streaming state: the current system's rows, the running sum of systems, the published totals. */
    private final class Computation {

        private final long run;

        private final UtilisationCalculator.SystemTotals totals = new UtilisationCalculator.SystemTotals();

        private final List<EProcedureFigureRow> publishedTotals = new ArrayList<>();

        private String groupId;

        private EProcedureFigureRow system;

        private final List<EProcedureFigureRow> subRows = new ArrayList<>();

        private int sortKey;

        private long written;

        /** Result rows waiting for the next JDBC batch. */
        private final List<Object[]> pending = new ArrayList<>();

        Computation(long run) {
            this.run = run;
        }

        void accept(EProcedureFigureRow figure, String group) {
            if (figure.level() == Level.TOTAL) {
                closeGroup();
                publishedTotals.add(figure);
                return;
            }
            if (!group.equals(groupId)) {
                closeGroup();
                groupId = group;
            }
            if (figure.level() == Level.SYSTEM) {
                system = figure;
                totals.add(figure);
            }
            else if (system != null) {
                subRows.add(figure);
            }
            store(figure);
        }

        private void store(EProcedureFigureRow figure) {
            List<Finding> made = new ArrayList<>();
            insert(calculator.utilisation(figure, ++sortKey, made));
            made.forEach(findings::add);
        }

        private void closeGroup() {
            if (system != null) {
                List<Finding> made = new ArrayList<>();
                calculator.checkBreakdown(system, subRows, made);
                made.forEach(findings::add);
            }
            system = null;
            subRows.clear();
        }

        void finish(int year) {
            closeGroup();
            if (totals.systems() > 0) {
                insert(calculator.computedTotal(year, ++sortKey, totals));
            }
            for (EProcedureFigureRow published : publishedTotals) {
                store(published);
                List<Finding> made = new ArrayList<>();
                calculator.checkPublishedTotal(published, totals, made);
                made.forEach(findings::add);
            }
        }

        private void insert(UtilisationRow row) {
            pending.add(new Object[] { run, row.fiscalYear(), row.sortKey(), row.rowId(), row.level(), row.parentId(),
                    row.name(), row.procedureCount(), row.onlineReceipts(), row.totalReceipts(), row.ratePercent(),
                    row.publishedRate(), row.rateCheck().name(), row.sourceFile(), row.sourceLine() });
            written++;
            if (pending.size() >= BATCH_SIZE) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                jdbc.batchUpdate(INSERT, pending);
                pending.clear();
            }
        }

    }

    private static EProcedureFigureRow toFigure(ResultSet rs) throws SQLException {
        return new EProcedureFigureRow(FiscalYear.of(rs.getInt("fiscal_year")), rs.getString("row_id"),
                Level.valueOf(rs.getString("row_level").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("parent_id"), rs.getInt("seq"), rs.getString("name"), decimal(rs, "procedure_count"),
                decimal(rs, "online_receipts"), decimal(rs, "total_receipts"), bool(rs, "online_capable"),
                bool(rs, "kakanai_supported"), rs.getString("department"), decimal(rs, "published_rate"),
                rs.getString("source"), rs.getString("note"), rs.getString("source_file"), rs.getLong("source_line"));
    }

    private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        return jp.nakano.planreview.common.Decimals.normalise(rs.getBigDecimal(column));
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

}
