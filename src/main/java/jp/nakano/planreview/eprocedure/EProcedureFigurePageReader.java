package jp.nakano.planreview.eprocedure;

import java.util.Iterator;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the review year's e-procedure rows a page at a time, keyed by input line. Each page is one short
 * query that an index answers without sorting (its ORDER BY follows the index), so nothing stays open
 * between chunks and neither the database nor the heap grows with the input.
 */
public class EProcedureFigurePageReader extends AbstractItemCountingItemStreamItemReader<EProcedureFigureRow> {

    private static final String PAGE = "SELECT " + EProcedureFigureRowMapper.COLUMNS + """

            FROM in_eprocedure_figure f
            WHERE f.run_id = ? AND f.fiscal_year = ? AND NOT f.excluded AND f.source_line > ?
            ORDER BY f.run_id, f.fiscal_year, f.source_line
            LIMIT ?""";

    private final JdbcTemplate jdbc;

    private final LongSupplier runId;

    private final IntSupplier fiscalYear;

    private final int pageSize;

    private final EProcedureFigureRowMapper mapper = new EProcedureFigureRowMapper();

    private long run;

    private int year;

    private long lastLine;

    private Iterator<EProcedureFigureRow> page;

    private boolean exhausted;

    public EProcedureFigurePageReader(JdbcTemplate jdbc, LongSupplier runId, IntSupplier fiscalYear, int pageSize) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.fiscalYear = fiscalYear;
        this.pageSize = pageSize;
        setName("eprocedureFiguresOfYear");
    }

    @Override
    protected void doOpen() {
        run = runId.getAsLong();
        year = fiscalYear.getAsInt();
        lastLine = 0;
        page = null;
        exhausted = false;
    }

    @Override
    protected EProcedureFigureRow doRead() {
        if (page == null || !page.hasNext()) {
            if (exhausted) {
                return null;
            }
            List<EProcedureFigureRow> rows = jdbc.query(PAGE, mapper, run, year, lastLine, pageSize);
            exhausted = rows.size() < pageSize;
            page = rows.iterator();
            if (!page.hasNext()) {
                return null;
            }
        }
        EProcedureFigureRow row = page.next();
        lastLine = row.sourceLine();
        return row;
    }

    @Override
    protected void doClose() {
        page = null;
    }

}
