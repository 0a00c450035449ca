package jp.nakano.planreview.eprocedure;

import java.util.Iterator;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the e-procedure rows of the year before the review year and of the review year (the report sets
 * them side by side), one year after the other, a page at a time, keyed by input line. Each page is one short
 * query that an index answers without sorting (its ORDER BY follows the index), so nothing stays open
 * between chunks and neither the database nor the heap grows with the input. The key is a plain range on the
 * line ({@code >=}) so the index seeks to the page's start instead of scanning the year from its first row.
 */
public class EProcedureFigurePageReader extends AbstractItemCountingItemStreamItemReader<EProcedureFigureRow> {

    private static final String PAGE = "SELECT " + EProcedureFigureRowMapper.COLUMNS + """

            FROM in_eprocedure_figure f
            WHERE f.run_id = ? AND f.fiscal_year = ? AND NOT f.excluded
              AND f.source_line >= ? AND (f.source_line > ? OR f.source_file > ?)
            ORDER BY f.run_id, f.fiscal_year, f.source_line, f.source_file
            LIMIT ?""";

    private final JdbcTemplate jdbc;

    private final LongSupplier runId;

    private final IntSupplier fiscalYear;

    private final int pageSize;

    private final EProcedureFigureRowMapper mapper = new EProcedureFigureRowMapper();

    private long run;

    private int year;

    private int reviewYear;

    private long lastLine;

    /** With the line, the key of the last row read: a workbook's rows share line numbers with the CSV file's. */
    private String lastFile = "";

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
        reviewYear = fiscalYear.getAsInt();
        year = reviewYear - 1;
        lastLine = 0;
        lastFile = "";
        page = null;
        exhausted = false;
    }

    @Override
    protected EProcedureFigureRow doRead() {
        if (page == null || !page.hasNext()) {
            List<EProcedureFigureRow> rows = List.of();
            while (rows.isEmpty()) {
                if (exhausted) {
                    if (year == reviewYear) {
                        return null;
                    }
                    year = reviewYear; // the previous year is done: on to the review year
                    lastLine = 0;
                    lastFile = "";
                    exhausted = false;
                }
                rows = jdbc.query(PAGE, mapper, run, year, lastLine, lastLine, lastFile, pageSize);
                exhausted = rows.size() < pageSize;
            }
            page = rows.iterator();
        }
        EProcedureFigureRow row = page.next();
        lastLine = row.sourceLine();
        lastFile = row.sourceFile();
        return row;
    }

    @Override
    protected void doClose() {
        page = null;
    }

}
