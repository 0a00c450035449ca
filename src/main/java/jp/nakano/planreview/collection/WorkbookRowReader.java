package jp.nakano.planreview.collection;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import jp.nakano.planreview.input.CsvRow;

/**
 * The rows of one input file: its CSV rows, then the rows the returned workbooks report for it, so both go
 * through the same validation, the same skip rules and the same table.
 */
public class WorkbookRowReader implements ItemStreamReader<CsvRow> {

    private final ItemStreamReader<CsvRow> csv;

    private final Supplier<List<CsvRow>> workbookRows;

    private List<CsvRow> workbookRowsOfRun = List.of();

    private Iterator<CsvRow> fromWorkbooks;

    public WorkbookRowReader(ItemStreamReader<CsvRow> csv, Supplier<List<CsvRow>> workbookRows) {
        this.csv = csv;
        this.workbookRows = workbookRows;
    }

    @Override
    public void open(ExecutionContext context) {
        csv.open(context);
        // taken here, on the step's thread: the rows are read on another (ReadAheadReader)
        workbookRowsOfRun = workbookRows.get();
        fromWorkbooks = null;
    }

    @Override
    public CsvRow read() throws Exception {
        if (fromWorkbooks == null) {
            CsvRow row = csv.read();
            if (row != null) {
                return row;
            }
            fromWorkbooks = workbookRowsOfRun.iterator();
        }
        return fromWorkbooks.hasNext() ? fromWorkbooks.next() : null;
    }

    @Override
    public void update(ExecutionContext context) {
        csv.update(context);
    }

    @Override
    public void close() {
        csv.close();
    }

}
