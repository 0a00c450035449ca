import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the benchmarks share about DuckDB: an in-memory database through its JDBC driver (on the class path for
 * the benchmark only: bench/run.sh fetches org.duckdb:duckdb_jdbc with Maven; never a dependency of the
 * application), limited to the machine's two cores like the job.
 */
final class DuckDb {

    /** The cores the job uses on the benchmark machine; DuckDB gets the same. */
    static final int THREADS = 2;

    private DuckDb() {
    }

    static Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = c.createStatement()) {
            s.execute("SET threads = " + THREADS);
        }
        return c;
    }

    /** A path as a DuckDB string literal (read_csv's argument). */
    static String literal(Path path) {
        return literal(path.toAbsolutePath().toString());
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

}
