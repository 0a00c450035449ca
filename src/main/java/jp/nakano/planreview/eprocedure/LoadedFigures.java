package jp.nakano.planreview.eprocedure;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The e-procedure rows of the run in progress in columns ({@link FigureColumns}), for the checks and sums that
 * read every row: filled as the load step stores the rows, so they need no second reading of a large input
 * (issue 16). A run whose load did not fill them in this process (or not to its end) reads them back from the
 * database once. One run at a time uses a process (the run lock).
 */
public final class LoadedFigures implements ItemWriteListener<EProcedureFigureRow>, StepExecutionListener {

    private final JdbcTemplate jdbc;

    private long runId = -1;

    private FigureColumns columns;

    private boolean complete;

    public LoadedFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public synchronized void beforeStep(StepExecution step) {
        runId = step.getJobExecution().getId();
        columns = new FigureColumns();
        // a step that resumes a failed one (its reader's position saved) would miss the rows stored before: read
        // them back instead
        complete = step.getExecutionContext().entrySet().stream().noneMatch(e -> e.getKey().endsWith(".read.count"));
    }

    @Override
    public synchronized void afterWrite(Chunk<? extends EProcedureFigureRow> rows) {
        if (columns != null) {
            rows.forEach(columns::add);
        }
    }

    @Override
    public synchronized void onWriteError(Exception exception, Chunk<? extends EProcedureFigureRow> rows) {
        complete = false; // the chunk is written again row by row, or the step fails
    }

    @Override
    public synchronized ExitStatus afterStep(StepExecution step) {
        complete &= ExitStatus.COMPLETED.getExitCode().equals(step.getExitStatus().getExitCode());
        if (!complete) {
            columns = null;
        }
        return step.getExitStatus();
    }

    /** The run's rows in columns, with the rows the checks left out so far marked. */
    public synchronized FigureColumns of(long run) {
        if (columns == null || runId != run || !complete) {
            columns = read(run);
            runId = run;
            complete = true;
        }
        return columns;
    }

    /** Forgets the rows (they take memory the reports need): a later reader reads them back. */
    public synchronized void release() {
        columns = null;
        runId = -1;
    }

    private FigureColumns read(long run) {
        FigureColumns read = new FigureColumns();
        EProcedureFigureRowMapper mapper = new EProcedureFigureRowMapper();
        jdbc.query("SELECT " + EProcedureFigureRowMapper.COLUMNS + ", f.excluded FROM in_eprocedure_figure f"
                + " WHERE f.run_id = ? ORDER BY f.fiscal_year, f.source_line, f.source_file", rs -> {
                    read.add(mapper.mapRow(rs, 0));
                    if (rs.getBoolean("excluded")) {
                        read.exclude(read.size() - 1);
                    }
                }, run);
        return read;
    }

}
