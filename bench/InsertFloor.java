import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The least it costs to store ROWS e-procedure rows in the embedded database, whatever the job does around it:
 * the table and its indexes as {@code src/main/resources/schema.sql} defines them, the database URL of
 * {@code application.properties}, rows made up in memory (no parsing, no checks), JDBC batches of 5,000, one
 * commit per batch; then one pass that sums the rows. Run through {@code bench/run.sh floor ROWS}: with the
 * indexes and with none, so the cost of each index shows.
 *
 * <pre>java -Xmx256m -cp hsqldb.jar bench/InsertFloor.java ROWS [INDEXES]</pre>
 */
public class InsertFloor {

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        int maxIndexes = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        String schema = Files.readString(Path.of("src/main/resources/schema.sql"));
        Matcher table = Pattern.compile("CREATE TABLE IF NOT EXISTS in_eprocedure_figure \\((.*?)\\n\\);", Pattern.DOTALL)
            .matcher(schema);
        if (!table.find()) {
            throw new IllegalStateException("schema.sql has no CREATE TABLE in_eprocedure_figure");
        }
        List<String> indexes = new ArrayList<>();
        Matcher index = Pattern.compile("CREATE INDEX IF NOT EXISTS (\\w+) ON in_eprocedure_figure \\(([^)]*)\\);")
            .matcher(schema);
        while (index.find() && indexes.size() < maxIndexes) {
            indexes.add("CREATE INDEX " + index.group(1) + " ON in_eprocedure_figure (" + index.group(2) + ")");
        }
        Path dir = Files.createTempDirectory("insert-floor");
        String url = "jdbc:hsqldb:file:" + dir + "/db;hsqldb.tx=mvcc;hsqldb.default_table_type=cached;"
                + "hsqldb.result_max_memory_rows=10000;hsqldb.log_size=0;hsqldb.lock_file=false;shutdown=true";
        try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE in_eprocedure_figure (" + table.group(1) + ")");
            for (String sql : indexes) {
                s.execute(sql);
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO in_eprocedure_figure (run_id, fiscal_year, row_id, row_level, parent_id, seq, name,
                        procedure_count, online_receipts, total_receipts, source, source_file, source_line)
                    VALUES (1, 2023, ?, ?, ?, ?, ?, ?, ?, ?, 'SAMPLE', 'eprocedure-figures.csv', ?)""")) {
                for (int i = 0; i < rows; i++) {
                    int system = i / 1000;
                    boolean head = i % 1000 == 0;
                    insert.setString(1, head ? "s" + system : "s" + system + "-p" + i % 1000);
                    insert.setString(2, head ? "system" : "procedure");
                    insert.setString(3, head ? null : "s" + system);
                    insert.setInt(4, i % 1000);
                    insert.setString(5, "SAMPLE procedure " + i);
                    insert.setBigDecimal(6, BigDecimal.ONE);
                    insert.setBigDecimal(7, BigDecimal.valueOf(i % 977));
                    insert.setBigDecimal(8, BigDecimal.valueOf(i % 977 + 100));
                    insert.setLong(9, i + 2L);
                    insert.addBatch();
                    if ((i + 1) % 5000 == 0 || i == rows - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            long stored = System.nanoTime();
            try (ResultSet sum = s.executeQuery("SELECT COUNT(*), SUM(online_receipts), SUM(total_receipts) "
                    + "FROM in_eprocedure_figure WHERE run_id = 1 AND NOT excluded")) {
                sum.next();
                System.out.printf("rows=%d indexes=%d insert=%.2f s (%.0f rows/s) one pass summing=%.2f s (%d rows)%n",
                        rows, indexes.size(), (stored - start) / 1e9, rows / ((stored - start) / 1e9),
                        (System.nanoTime() - stored) / 1e9, sum.getLong(1));
            }
        }
    }

}
