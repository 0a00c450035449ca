package jp.nakano.planreview.common;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an output CSV file the way staff open it: UTF-8 with a BOM so Excel shows Japanese correctly,
 * CRLF line ends, exact numbers as plain digits, and text cells that start with {@code = + - @} escaped
 * with a leading apostrophe so a spreadsheet never runs them as formulas.
 */
public final class CsvOutput implements Closeable {

    /** A signed plain number is data, not a formula, and stays as it is. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    /** Records formatted at a time by one thread in {@link #rows}. */
    static final int BLOCK_RECORDS = 8192;

    private final OutputStream out;

    private final BufferedWriter writer;

    private final CSVPrinter printer;

    private CsvOutput(OutputStream out, BufferedWriter writer, CSVPrinter printer) {
        this.out = out;
        this.writer = writer;
        this.printer = printer;
    }

    public static CsvOutput create(Path file, List<String> header) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        out.write(BOM);
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(header);
        return new CsvOutput(out, writer, printer);
    }

    /** Writes one record; numbers as exact plain decimals, {@code null} as an empty cell. */
    public void row(Object... cells) throws IOException {
        printer.printRecord(texts(cells));
    }

    /** The cells as the file shows them ({@link #cell}). */
    private static Object[] texts(Object[] cells) {
        Object[] texts = new Object[cells.length];
        for (int c = 0; c < cells.length; c++) {
            texts[c] = cell(cells[c]);
        }
        return texts;
    }

    /**
     * Writes {@code count} records, the {@code i}-th given by {@code record}: the same bytes as {@link #row} for each in
     * turn, but formatted in blocks on every core and written in order (a results file can have a million rows).
     * {@code record} is called on those threads and must only read.
     */
    public void rows(int count, IntFunction<Object[]> record) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        if (count <= BLOCK_RECORDS || threads == 1) {
            for (int i = 0; i < count; i++) {
                row(record.apply(i));
            }
            return;
        }
        writer.flush();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "csv-format");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // at most two blocks a thread in memory: formatted, waiting to be written in their turn
            Deque<Future<byte[]>> formatted = new ArrayDeque<>();
            for (int from = 0; from < count; from += BLOCK_RECORDS) {
                int start = from;
                int end = Math.min(count, from + BLOCK_RECORDS);
                formatted.add(pool.submit(() -> block(start, end, record)));
                if (formatted.size() >= 2 * threads) {
                    out.write(next(formatted));
                }
            }
            while (!formatted.isEmpty()) {
                out.write(next(formatted));
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static byte[] block(int from, int to, IntFunction<Object[]> record) throws IOException {
        StringBuilder text = new StringBuilder((to - from) * 128);
        // the format's own record writer: a CSVPrinter takes a lock and makes a stream for every record, and the
        // format locks itself, so each block has its own copy
        CSVFormat format = FORMAT.builder().get();
        for (int i = from; i < to; i++) {
            format.printRecord(text, texts(record.apply(i)));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] next(Deque<Future<byte[]>> formatted) throws IOException {
        try {
            return formatted.removeFirst().get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing a CSV file", ex);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof IOException io) {
                throw io;
            }
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("formatting a block of records failed: " + ex.getCause(), ex.getCause());
        }
    }

    static String cell(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (cell instanceof Number || cell instanceof Boolean) {
            return cell.toString();
        }
        String text = cell.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(text).matches()) {
            return "'" + text;
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

}
