package jp.nakano.planreview.input;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads and parses an input file's rows on a thread of its own, a few blocks ahead of the step that stores them,
 * so that a large load keeps both cores busy: reading and parsing were half of a million-row load, the chunks,
 * checks and storing the other half (issue 16). The step sees exactly what reading in the step gave: the rows in
 * the file's order, each with its parsed value or its rejection ({@link ParsedRow}), and a read that fails is
 * thrown after the rows before it, where it happened. Reading stops at such a failure: the load steps never skip
 * one (only rejected rows are skipped). The position saved is the rows the step has taken, not the rows read.
 *
 * @param <T> the row type
 */
public final class ReadAheadReader<T> implements ItemStreamReader<ParsedRow<T>> {

    /** Rows handed over at a time: one hand-over per row cost more than the parsing saved. */
    static final int BLOCK_ROWS = 256;

    /** Blocks read ahead at most: a few thousand rows, so memory stays flat whatever the file's size. */
    static final int BLOCKS_AHEAD = 8;

    private final ItemStreamReader<CsvRow> rows;

    private final Function<CsvRow, T> parser;

    private final String name;

    private BlockingQueue<Block<T>> blocks;

    private Thread thread;

    private List<ParsedRow<T>> current = List.of();

    private int next;

    private boolean ended;

    private Throwable failure;

    private long taken;

    /**
     * @param rows the file's rows; opened and closed by this reader, read only on its thread
     * @param parser the file's validation, run on that thread too: it must not depend on the step's thread
     * @param name the reader's name in the step's saved state ({@code <name>.read.count}) and its thread's
     */
    public ReadAheadReader(ItemStreamReader<CsvRow> rows, Function<CsvRow, T> parser, String name) {
        this.rows = rows;
        this.parser = parser;
        this.name = name;
    }

    private record Block<T>(List<ParsedRow<T>> rows, Throwable failure, boolean last) {
    }

    private String takenKey() {
        return name + ".read.count";
    }

    @Override
    public void open(ExecutionContext context) {
        // the file is opened and its header checked on the step's thread: a file that cannot be used fails there
        rows.open(context);
        long skip = context.containsKey(takenKey()) ? context.getLong(takenKey()) : 0;
        taken = skip;
        current = List.of();
        next = 0;
        ended = false;
        failure = null;
        blocks = new ArrayBlockingQueue<>(BLOCKS_AHEAD);
        thread = new Thread(() -> readAhead(skip), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void readAhead(long skip) {
        List<ParsedRow<T>> block = new ArrayList<>(BLOCK_ROWS);
        try {
            // a step that resumes: the rows it took before are read again and passed over
            for (long i = 0; i < skip; i++) {
                if (rows.read() == null) {
                    blocks.put(new Block<>(block, null, true));
                    return;
                }
            }
            while (true) {
                CsvRow row = rows.read();
                if (row == null) {
                    blocks.put(new Block<>(block, null, true));
                    return;
                }
                block.add(parse(row));
                if (block.size() == BLOCK_ROWS) {
                    blocks.put(new Block<>(block, null, false));
                    block = new ArrayList<>(BLOCK_ROWS);
                }
            }
        }
        catch (InterruptedException ex) {
            // closed before the end: nobody takes what is left
        }
        catch (Throwable ex) {
            try {
                blocks.put(new Block<>(block, ex, true));
            }
            catch (InterruptedException closed) {
                // closed meanwhile
            }
        }
    }

    private ParsedRow<T> parse(CsvRow row) {
        try {
            return new ParsedRow<>(row, parser.apply(row), null);
        }
        catch (RuntimeException rejected) {
            return new ParsedRow<>(row, null, rejected);
        }
    }

    @Override
    public ParsedRow<T> read() throws Exception {
        while (next == current.size()) {
            if (ended) {
                Throwable thrown = failure;
                failure = null;
                if (thrown instanceof Exception ex) {
                    throw ex;
                }
                if (thrown instanceof Error error) {
                    throw error;
                }
                return null;
            }
            Block<T> block = blocks.poll(1, TimeUnit.SECONDS);
            if (block == null) {
                if (thread.isAlive()) {
                    continue;
                }
                // a thread that ended has put all it ever will: with no last block, it died before it could
                block = blocks.poll();
                if (block == null) {
                    throw new IllegalStateException("the thread reading " + name + " ended without handing over the "
                            + "rest of the file");
                }
            }
            current = block.rows();
            next = 0;
            if (block.last()) {
                ended = true;
                failure = block.failure();
            }
        }
        taken++;
        return current.get(next++);
    }

    @Override
    public void update(ExecutionContext context) {
        // not the file's own position: that is up to a few thousand rows ahead of what the step has stored
        context.putLong(takenKey(), taken);
    }

    @Override
    public void close() {
        try {
            if (thread != null) {
                thread.interrupt();
                // the file is closed only once the thread no longer reads it
                boolean interrupted = false;
                while (thread.isAlive()) {
                    try {
                        thread.join();
                    }
                    catch (InterruptedException ex) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        finally {
            thread = null;
            blocks = null;
            rows.close();
        }
    }

}
