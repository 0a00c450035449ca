package jp.nakano.planreview.receipts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per receipt log, or per byte range of a large uncompressed one, so that every core has
 * work: ranges of about a quarter of each core's share of all the bytes, never under {@value #MIN_RANGE}
 * bytes (a gzip file cannot be read from the middle and stays whole).
 */
public final class ReceiptPartitioner implements Partitioner {

    static final String FILE = "receipts.file";

    static final String NAME = "receipts.name";

    static final String YEAR = "receipts.fiscalYear";

    static final String PART = "receipts.part";

    static final String FROM = "receipts.from";

    static final String TO = "receipts.to";

    static final long MIN_RANGE = 4L << 20;

    private final Supplier<Path> inputDir;

    private final int threads;

    public ReceiptPartitioner(Supplier<Path> inputDir, int threads) {
        this.inputDir = inputDir;
        this.threads = threads;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        try {
            List<ReceiptLog> logs = ReceiptLog.find(inputDir.get());
            long bytes = logs.stream().mapToLong(ReceiptLog::size).sum();
            long target = Math.max(MIN_RANGE, bytes / (threads * 4L));
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (ReceiptLog log : logs) {
                int part = 0;
                for (long[] range : log.ranges(target)) {
                    ExecutionContext context = new ExecutionContext();
                    context.putString(FILE, log.path().toAbsolutePath().toString());
                    context.putString(NAME, log.name());
                    context.putInt(YEAR, log.fiscalYear().year());
                    context.putInt(PART, part++);
                    context.putLong(FROM, range[0]);
                    context.putLong(TO, range[1]);
                    partitions.put(String.format("countReceipts:%05d", partitions.size()), context);
                }
            }
            return partitions;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot list the receipt logs in " + inputDir.get(), ex);
        }
    }

}
