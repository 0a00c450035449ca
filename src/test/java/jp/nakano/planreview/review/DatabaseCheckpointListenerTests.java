package jp.nakano.planreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class DatabaseCheckpointListenerTests {

    @Test
    void checkpointsTheEmbeddedDatabaseOnlyOnceItsLogHasGrownPastTheLimit(@TempDir Path dir) throws Exception {
        JDBCDataSource dataSource = new JDBCDataSource();
        dataSource.setUrl("jdbc:hsqldb:file:" + dir.resolve("db") + ";hsqldb.log_size=0;hsqldb.lock_file=false");
        dataSource.setUser("SA");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE CACHED TABLE t (id INT, text VARCHAR(200))");
        DatabaseCheckpointListener listener = new DatabaseCheckpointListener(dataSource);
        Path log = dir.resolve("db.log");
        jdbc.update("INSERT INTO t VALUES (1, 'a few bytes')");

        listener.beforeStep(null);
        long small = Files.size(log);
        assertThat(small).isPositive().isLessThan(DatabaseCheckpointListener.LOG_BYTES);

        String text = "x".repeat(200);
        for (int i = 0; Files.size(log) <= DatabaseCheckpointListener.LOG_BYTES; i++) {
            jdbc.update("INSERT INTO t VALUES (?, ?)", i, text);
        }
        listener.beforeStep(null);

        assertThat(Files.exists(log) ? Files.size(log) : 0).isLessThan(small + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t", Integer.class)).isGreaterThan(10_000);
        jdbc.execute("SHUTDOWN");
    }

}
