package jp.nakano.planreview.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores validated input rows in their table, tagged with the run that loaded them, in one JDBC batch
 * per chunk. Column names come from the row types, never from input, so the SQL is fixed.
 */
public class TableRowWriter<T extends TableRow> implements ItemWriter<T> {

    private final JdbcTemplate jdbc;

    private final String table;

    private final LongSupplier runId;

    public TableRowWriter(JdbcTemplate jdbc, String table, LongSupplier runId) {
        this.jdbc = jdbc;
        this.table = table;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends T> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(chunk.getItems().get(0).columns().keySet());
        String sql = "INSERT INTO " + table + " (run_id, " + String.join(", ", columns) + ") VALUES (?, "
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        long run = runId.getAsLong();
        List<Object[]> batch = new ArrayList<>(chunk.size());
        for (T row : chunk) {
            Map<String, Object> values = row.columns();
            Object[] args = new Object[columns.size() + 1];
            args[0] = run;
            for (int i = 0; i < columns.size(); i++) {
                args[i + 1] = values.get(columns.get(i));
            }
            batch.add(args);
        }
        jdbc.batchUpdate(sql, batch);
    }

}
