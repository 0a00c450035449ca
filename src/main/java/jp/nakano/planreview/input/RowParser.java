package jp.nakano.planreview.input;

import java.util.function.Function;

/**
 * How one input file becomes rows of one table: its columns, its table, and the function that validates
 * a CSV row (throwing {@link RejectedRowException} naming every field that breaks the format).
 *
 * @param <T> the row type
 */
public record RowParser<T extends TableRow>(InputSchema schema, String table, Function<CsvRow, T> parser) {

    public T parse(CsvRow row) {
        return parser.apply(row);
    }

    public String fileName() {
        return schema.fileName();
    }

}
