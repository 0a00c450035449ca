package jp.nakano.planreview.receipts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.Checksums;

/**
 * Adds the SHA-256 of each receipt log to its row of {@code run_input_file}, the logs hashed in parallel: the
 * logs are inputs like the others, in {@code input-files.csv} and the manifest, and the nightly check compares
 * them. A step of its own, so its time shows apart from the counting's.
 */
public class HashReceiptLogsTasklet implements Tasklet {

    private final JdbcTemplate jdbc;

    private final LongSupplier runId;

    private final Supplier<Path> inputDir;

    public HashReceiptLogsTasklet(JdbcTemplate jdbc, LongSupplier runId, Supplier<Path> inputDir) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.inputDir = inputDir;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Path input = inputDir.get(); // step-scoped: resolved here, not in the hashing threads
        List<String> names = ReceiptLog.names(input);
        long run = runId.getAsLong();
        Map<String, String> hashes = new ConcurrentHashMap<>();
        names.parallelStream().forEach(name -> {
            try {
                hashes.put(name, Checksums.sha256(input.resolve(name)));
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot read " + name + " to hash it", ex);
            }
        });
        for (String name : names) {
            int updated = jdbc.update("UPDATE run_input_file SET sha256 = ? WHERE run_id = ? AND file_name = ?",
                    hashes.get(name), run, name);
            if (updated != 1) {
                throw new IllegalStateException(name + " appeared in the input folder while run " + run
                        + " was counting the receipt logs; run again");
            }
            contribution.incrementWriteCount(1);
        }
        return RepeatStatus.FINISHED;
    }

}
