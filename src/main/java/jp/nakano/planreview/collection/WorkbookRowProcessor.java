package jp.nakano.planreview.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.RejectedRowException;
import jp.nakano.planreview.input.RejectedRowException.Problem;
import jp.nakano.planreview.input.RowParser;
import jp.nakano.planreview.input.TableRow;

/**
 * Validates a row with its file's parser; for a row from a workbook it adds the problems of its cells and
 * names the cell of each problem ({@code 成果指標!J7}), so a department knows which cell to correct.
 */
public class WorkbookRowProcessor<T extends TableRow> implements ItemProcessor<CsvRow, T> {

    private final RowParser<T> parser;

    private final CollectedWorkbooks workbooks;

    public WorkbookRowProcessor(RowParser<T> parser, CollectedWorkbooks workbooks) {
        this.parser = parser;
        this.workbooks = workbooks;
    }

    @Override
    public T process(CsvRow row) {
        WorkbookRow origin = workbooks.origin(row);
        if (origin == null) {
            return parser.parse(row);
        }
        List<Problem> problems = new ArrayList<>(origin.problems());
        Set<String> cellFields = problems.stream().map(Problem::field).collect(Collectors.toSet());
        T parsed = null;
        try {
            parsed = parser.parse(row);
        }
        catch (RejectedRowException ex) {
            for (Problem p : ex.problems()) {
                // a cell already named for its content (an error value, text) is not reported again as empty
                if (!cellFields.contains(p.field())) {
                    problems.add(new Problem(p.field(), p.value(), origin.cellOf(p.field()) + ": " + p.reason()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RejectedRowException(row, problems);
        }
        return parsed;
    }

}
