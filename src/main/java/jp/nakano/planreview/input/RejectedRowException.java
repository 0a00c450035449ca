package jp.nakano.planreview.input;

import java.util.List;
import java.util.stream.Collectors;

/** A row that breaks the input format: it is skipped, and each problem becomes a finding. */
public class RejectedRowException extends RuntimeException {

    /** One broken rule: the field, the value found, and what was expected. */
    public record Problem(String field, String value, String reason) {
    }

    private final transient CsvRow row;

    private final List<Problem> problems;

    public RejectedRowException(CsvRow row, List<Problem> problems) {
        super(row.file() + " line " + row.line() + ": " + problems.stream()
            .map(p -> p.field() + "='" + (p.value() == null ? "" : p.value()) + "': " + p.reason())
            .collect(Collectors.joining("; ")));
        this.row = row;
        this.problems = List.copyOf(problems);
    }

    public CsvRow row() {
        return row;
    }

    public List<Problem> problems() {
        return problems;
    }

}
