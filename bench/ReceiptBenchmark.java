import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The two references the job's receipt counting is measured against, on the same files (bench/run.sh receipts):
 * <ul>
 * <li>{@code bare}: the least a Java program must do, a single pass over the bytes on both cores (byte ranges
 * of each file), fields split at commas, counted per procedure, month and channel; no quoting, no checks, no
 * findings, no framework;</li>
 * <li>{@code duckdb}: DuckDB's {@code read_csv} over the same files with {@code GROUP BY}, through its JDBC
 * driver (on the class path for the benchmark only, never in the application), with two threads.</li>
 * </ul>
 * {@code bench/run.sh receipts} runs rounds: the job, then this program once (a cold JVM like the job's: bare, then
 * DuckDB, checked to count the same rows), so the three see the same load on a shared machine; then
 * {@code summary} prints the medians with rows per second and the ratios.
 *
 * <p>Usage (bench/run.sh compiles bench/ first): {@code java -cp duckdb_jdbc.jar:<classes> ReceiptBenchmark
 * <receipts-year-folder>} and {@code java -cp <classes> ReceiptBenchmark summary <rows> <job-seconds,...> <bare-seconds,...> <duckdb-seconds,...>}
 */
public class ReceiptBenchmark {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("summary")) {
            summary(Long.parseLong(args[1]), seconds(args[2]), seconds(args[3]), seconds(args[4]));
            return;
        }
        // one cold measurement of each, in a fresh JVM like the job's: bench/run.sh runs a round after each job run
        Path folder = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".csv.gz")).sorted().toList();
        }
        long start = System.nanoTime();
        long bareRows = bare(files, DuckDb.THREADS);
        double bare = (System.nanoTime() - start) / 1e9;
        boolean gzip = files.get(0).toString().endsWith(".gz");
        start = System.nanoTime();
        long duckRows = duckdb(folder.toAbsolutePath() + (gzip ? "/*.csv.gz" : "/*.csv"));
        double duck = (System.nanoTime() - start) / 1e9;
        if (bareRows != duckRows) {
            throw new IllegalStateException("bare counted " + bareRows + " rows, DuckDB " + duckRows);
        }
        System.out.printf(java.util.Locale.ROOT, "rows=%d bare=%.3f duckdb=%.3f%n", bareRows, bare, duck);
    }

    static double[] seconds(String list) {
        return Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** The ratio of each round (its three runs follow each other, so they saw about the same load), then the median. */
    static double pairedMedian(double[] numerator, double[] denominator) {
        double[] ratios = new double[numerator.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = numerator[i] / denominator[i];
        }
        return median(ratios);
    }

    static void summary(long rows, double[] job, double[] bare, double[] duck) {
        double j = median(job);
        double b = median(bare);
        double d = median(duck);
        System.out.printf("rows %,d; medians of %d rounds (job run, then bare and DuckDB in a fresh JVM)%n", rows, job.length);
        System.out.printf("%-34s %8s %14s   %s%n", "counter", "seconds", "rows/s", "each round");
        System.out.printf("%-34s %8.2f %,14.0f   %s%n", "job (countReceipts + summarise)", j, rows / j, Arrays.toString(job));
        System.out.printf("%-34s %8.2f %,14.0f   %s%n", "DuckDB read_csv + GROUP BY", d, rows / d, Arrays.toString(duck));
        System.out.printf("%-34s %8.2f %,14.0f   %s%n", "bare Java, 2 threads", b, rows / b, Arrays.toString(bare));
        System.out.printf("job speed / DuckDB speed: %.2f (target >= 1.00); median of the rounds' own ratios %.2f%n", d / j,
                pairedMedian(duck, job));
        System.out.printf("job speed / bare speed:   %.2f (target >= 0.70); median of the rounds' own ratios %.2f%n", b / j,
                pairedMedian(bare, job));
    }

    static long duckdb(String glob) throws Exception {
        try (Connection c = DuckDb.open(); Statement s = c.createStatement()) {
            long total = 0;
            try (ResultSet rs = s.executeQuery("SELECT procedure_id, month(received_on) AS m, channel, count(*) AS n "
                    + "FROM read_csv(" + DuckDb.literal(glob) + ", header = true) GROUP BY ALL")) {
                while (rs.next()) {
                    total += rs.getLong(4);
                }
            }
            return total;
        }
    }

    /** Counts per (procedure, month, channel) in one pass per byte range; returns the rows counted. */
    static long bare(List<Path> files, int threads) throws Exception {
        List<long[]> ranges = new ArrayList<>();
        List<Path> rangeFiles = new ArrayList<>();
        for (Path file : files) {
            long size = Files.size(file);
            long header = headerLength(file);
            if (file.toString().endsWith(".gz")) {
                ranges.add(new long[] { 0, Long.MAX_VALUE });
                rangeFiles.add(file);
                continue;
            }
            long from = header;
            for (int k = 1; k <= threads; k++) {
                long to = k == threads ? size : nextLine(file, header + (size - header) * k / threads);
                ranges.add(new long[] { from, to });
                rangeFiles.add(file);
                from = to;
            }
        }
        int[] layout = layout(files.get(0));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Map<String, long[]>>> parts = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                Path file = rangeFiles.get(i);
                long[] range = ranges.get(i);
                parts.add(pool.submit(() -> countRange(file, range[0], range[1], layout)));
            }
            Map<String, long[]> all = new HashMap<>();
            for (Future<Map<String, long[]>> part : parts) {
                part.get().forEach((k, v) -> {
                    long[] sum = all.computeIfAbsent(k, x -> new long[12 * 4]);
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += v[i];
                    }
                });
            }
            return all.values().stream().flatMapToLong(Arrays::stream).sum();
        }
        finally {
            pool.shutdown();
        }
    }

    static Map<String, long[]> countRange(Path file, long from, long to, int[] layout) throws IOException {
        Map<String, long[]> counts = new HashMap<>();
        // a tiny cache from the procedure's bytes to its array, so the common case makes no String
        byte[][] keys = new byte[1024][];
        long[][] values = new long[1024][];
        try (InputStream in = open(file, from)) {
            long remaining = to == Long.MAX_VALUE ? Long.MAX_VALUE : to - from;
            if (to == Long.MAX_VALUE) {
                in.skipNBytes(headerLength(file));
            }
            byte[] buf = new byte[1 << 20];
            int start = 0;
            int end = 0;
            while (true) {
                int n = remaining <= 0 ? -1 : in.read(buf, end, (int) Math.min(buf.length - end, remaining));
                if (n > 0) {
                    end += n;
                    remaining -= n;
                }
                int lineStart = start;
                int field = 0;
                int dateAt = -1;
                int procFrom = -1;
                int procTo = -1;
                int chanAt = -1;
                int fieldFrom = start;
                for (int i = start; i < end; i++) {
                    byte c = buf[i];
                    if (c == ',' || c == '\n') {
                        if (field == layout[0]) {
                            dateAt = fieldFrom;
                        }
                        else if (field == layout[1]) {
                            procFrom = fieldFrom;
                            procTo = i;
                        }
                        else if (field == layout[2]) {
                            chanAt = fieldFrom;
                        }
                        field++;
                        fieldFrom = i + 1;
                        if (c == '\n') {
                            int month = (buf[dateAt + 5] - '0') * 10 + buf[dateAt + 6] - '0';
                            int channel = switch (buf[chanAt]) {
                                case 'o' -> buf[chanAt + 1] == 'n' ? 0 : 3;
                                case 'c' -> 1;
                                case 'm' -> 2;
                                default -> 3;
                            };
                            int h = 0;
                            for (int k = procFrom; k < procTo; k++) {
                                h = 31 * h + buf[k];
                            }
                            int slot = (h ^ (h >>> 16)) & 1023;
                            while (keys[slot] != null && !Arrays.equals(keys[slot], 0, keys[slot].length, buf, procFrom, procTo)) {
                                slot = (slot + 1) & 1023;
                            }
                            if (keys[slot] == null) {
                                keys[slot] = Arrays.copyOfRange(buf, procFrom, procTo);
                                values[slot] = counts.computeIfAbsent(new String(keys[slot], StandardCharsets.UTF_8),
                                        k -> new long[12 * 4]);
                            }
                            values[slot][((month + 8) % 12) * 4 + channel]++;
                            field = 0;
                            lineStart = i + 1;
                        }
                    }
                }
                if (n < 0) {
                    break;
                }
                System.arraycopy(buf, lineStart, buf, 0, end - lineStart);
                end -= lineStart;
                start = 0;
            }
        }
        return counts;
    }

    static InputStream open(Path file, long from) throws IOException {
        if (file.toString().endsWith(".gz")) {
            return new GZIPInputStream(Files.newInputStream(file), 1 << 16);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(from);
        return java.nio.channels.Channels.newInputStream(channel);
    }

    static long headerLength(Path file) throws IOException {
        try (InputStream in = open(file, 0)) {
            byte[] head = in.readNBytes(64 * 1024);
            for (int i = 0; i < head.length; i++) {
                if (head[i] == '\n') {
                    return i + 1;
                }
            }
        }
        throw new IOException("no header line in " + file);
    }

    static int[] layout(Path file) throws IOException {
        try (InputStream in = open(file, 0)) {
            byte[] head = in.readNBytes(64 * 1024);
            String header = new String(head, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            List<String> columns = List.of(header.strip().split(","));
            return new int[] { columns.indexOf("received_on"), columns.indexOf("procedure_id"), columns.indexOf("channel") };
        }
    }

    static long nextLine(Path file, long at) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            long pos = at;
            while (true) {
                buf.clear();
                int n = channel.read(buf, pos);
                if (n <= 0) {
                    return channel.size();
                }
                for (int i = 0; i < n; i++) {
                    if (buf.get(i) == '\n') {
                        return pos + i + 1;
                    }
                }
                pos += n;
            }
        }
    }

}
