package jp.nakano.planreview.input;

import java.util.Map;

/**
 * One record of an input CSV file: the physical line it starts on, its cells by column name, the raw
 * record as read (kept so a rejected row is never lost), and its width against the header's.
 */
public record CsvRow(String file, long line, Map<String, String> cells, String raw, int width, int expectedWidth) {

    /** The stripped cell of a column, or {@code null} when the column is absent or the cell is blank. */
    public String cell(String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

}
