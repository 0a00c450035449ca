package jp.nakano.planreview.input;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One record of an input CSV file: the physical line it starts on, its cells by column name, the raw
 * record as read (kept so a rejected row is never lost), and its width against the header's.
 *
 * @param rawRecord the raw record, written out only when asked for ({@link #raw()}): only a rejected row needs
 *        it, and writing it for every row was a tenth of a large load
 */
public record CsvRow(String file, long line, Map<String, String> cells, Supplier<String> rawRecord, int width,
        int expectedWidth) {

    public CsvRow(String file, long line, Map<String, String> cells, String raw, int width, int expectedWidth) {
        this(file, line, cells, () -> raw, width, expectedWidth);
    }

    /** The record as one CSV line, as read. */
    public String raw() {
        return rawRecord.get();
    }

    /** The stripped cell of a column, or {@code null} when the column is absent or the cell is blank. */
    public String cell(String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

}
