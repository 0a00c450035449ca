package jp.nakano.planreview.eprocedure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The e-procedure rows of the run in progress in columns ({@link FigureColumns}): filled as the load step reads
 * them, they are the only copy of the 主な手続 rows, which the database does not store (issue 16: storing a million
 * rows twice took most of a run). The checks, the sums, the rates and every listing of the table read them. One run
 * at a time uses a process (the run lock); the rows of the last few runs loaded stay, so that a run's reports can be
 * rendered again in the process that ran it (the tests do), and a process that runs many keeps at most
 * {@link #KEPT_RUNS}.
 */
@org.springframework.stereotype.Component
public final class LoadedFigures implements ItemWriteListener<EProcedureFigureRow>, StepExecutionListener {

    /** The most runs whose rows stay in memory. */
    static final int KEPT_RUNS = 8;

    private final JdbcTemplate jdbc;

    /** The rows of the runs whose load step is going on; none for a load that cannot give them all. */
    private final Map<Long, FigureColumns> loading = new HashMap<>();

    /** Why a run's rows are not in memory, where its load left them out. */
    private final Map<Long, String> missing = new HashMap<>();

    /** The rows of the runs loaded to their end, the latest last. */
    private final java.util.LinkedHashMap<Long, FigureColumns> loaded = new java.util.LinkedHashMap<>();

    /** The tables of the years asked for (the review year and the year before), kept: several steps read them. */
    private final Map<Integer, UtilisationTable> tables = new HashMap<>();

    private long tablesRun = -1;

    public LoadedFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public synchronized void beforeStep(StepExecution step) {
        long run = step.getJobExecution().getId();
        loaded.remove(run);
        missing.remove(run);
        if (tablesRun == run) {
            tables.clear();
        }
        // a step that resumes a failed one (its reader's position saved) would miss the rows read before
        if (step.getExecutionContext().entrySet().stream().anyMatch(e -> e.getKey().endsWith(".read.count"))) {
            missing.put(run, "its load step resumed an earlier one, whose rows were read in another process");
        }
        else {
            loading.put(run, new FigureColumns());
        }
    }

    @Override
    public synchronized void afterWrite(Chunk<? extends EProcedureFigureRow> rows) {
        FigureColumns columns = loading.get(runOf());
        if (columns != null) {
            rows.forEach(columns::add);
        }
    }

    /** The run of the step in progress on this thread. */
    private static long runOf() {
        var context = org.springframework.batch.core.scope.context.StepSynchronizationManager.getContext();
        return context == null ? -1 : context.getStepExecution().getJobExecution().getId();
    }

    @Override
    public synchronized void onWriteError(Exception exception, Chunk<? extends EProcedureFigureRow> rows) {
        // the chunk is written again row by row, or the step fails: which rows were kept is not known here
        long run = runOf();
        loading.remove(run);
        missing.put(run, "its load step could not write a chunk (" + exception.getMessage() + ")");
    }

    @Override
    public synchronized ExitStatus afterStep(StepExecution step) {
        long run = step.getJobExecution().getId();
        FigureColumns columns = loading.remove(run);
        if (columns != null && ExitStatus.COMPLETED.getExitCode().equals(step.getExitStatus().getExitCode())) {
            loaded.put(run, columns);
            while (loaded.size() > KEPT_RUNS) {
                loaded.remove(loaded.keySet().iterator().next());
            }
        }
        return step.getExitStatus();
    }

    /** The run's rows in columns, with the rows the checks left out so far marked. */
    public synchronized FigureColumns of(long run) {
        FigureColumns rows = loaded.get(run);
        if (rows == null) {
            throw new IllegalStateException("the e-procedure rows of run " + run + " are not in memory: "
                    + missing.getOrDefault(run, "only the load step of the run, in the same process, reads them")
                    + " (runs in memory: " + loaded.keySet() + ")");
        }
        return rows;
    }

    /**
     * A year's rows with their rates ({@link UtilisationTable}), the sum of the systems from the database
     * ({@code checkUtilisationStep} stores it) once it is there.
     */
    public synchronized UtilisationTable utilisation(long run, int year) {
        FigureColumns rows = of(run);
        List<UtilisationRow> totals = jdbc.query("SELECT " + COMPUTED_TOTAL_COLUMNS + " FROM " + UtilisationRow.TABLE
                + " WHERE run_id = ? AND fiscal_year = ? AND row_level = ?", (rs, i) -> new UtilisationRow(rs.getInt(1),
                        rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7),
                        EProcedureFigureRowMapper.decimal(rs, "procedure_count"),
                        EProcedureFigureRowMapper.decimal(rs, "online_receipts"),
                        EProcedureFigureRowMapper.decimal(rs, "total_receipts"), rs.getBigDecimal("rate_percent"),
                        EProcedureFigureRowMapper.decimal(rs, "published_rate"),
                        UtilisationRow.RateCheck.valueOf(rs.getString("rate_check")), null, null),
                run, year, UtilisationCalculator.COMPUTED_TOTAL);
        UtilisationRow computed = totals.isEmpty() ? null : totals.get(0);
        if (tablesRun != run) {
            tables.clear();
            tablesRun = run;
        }
        UtilisationTable table = tables.get(year);
        if (table == null || !java.util.Objects.equals(computed, table.computedTotal())) {
            table = UtilisationTable.of(rows, year, computed);
            tables.put(year, table);
        }
        return table;
    }

    private static final String COMPUTED_TOTAL_COLUMNS = """
            fiscal_year, sort_key, row_id, row_level, parent_id, seq, name, procedure_count, online_receipts,
            total_receipts, rate_percent, published_rate, rate_check""";

}
