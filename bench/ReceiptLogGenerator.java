import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an ILLUSTRATIVE SAMPLE input folder with per-application receipt logs, for the receipt-log benchmark
 * and for trying the feature: the bundled plan files as they are, an eprocedure-figures.csv whose FY2023 table
 * has 423 invented procedures under 12 systems, and {@code receipts/FY2023/sample-receipts-NN.csv[.gz]} with
 * ROWS invented applications: procedure volumes skewed (Zipf-like, a few procedures take most applications),
 * about 73% online, dates spread over the fiscal year. A fixed seed makes every run write the same bytes.
 * The entered figures equal the counts, except three procedures whose entered figures are off on purpose so
 * the reconciliation has something to report. Never copy its output into input/: the figures are made up.
 *
 * <p>Usage: {@code java bench/ReceiptLogGenerator.java <target-dir> <rows> [files] [gzip]}
 */
public class ReceiptLogGenerator {

    static final int PROCEDURES = 423;

    static final int SYSTEMS = 12;

    static final String[] CHANNELS = { "online", "counter", "mail", "other" };

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        int files = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        boolean gzip = args.length > 3 && args[3].equals("gzip"); // "plain" or absent: uncompressed
        Files.createDirectories(target);
        try (var list = Files.list(Path.of("input"))) {
            for (Path f : list.toList()) {
                if (!f.getFileName().toString().equals("eprocedure-figures.csv")) {
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        SplittableRandom random = new SplittableRandom(423);
        // skewed volumes: weight 1/(rank+1)^1.1, shuffled over the ids so the big ones are not all in one system
        double[] cumulative = new double[PROCEDURES];
        int[] rankToProcedure = new int[PROCEDURES];
        for (int i = 0; i < PROCEDURES; i++) {
            rankToProcedure[i] = i;
        }
        for (int i = PROCEDURES - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rankToProcedure[i];
            rankToProcedure[i] = rankToProcedure[j];
            rankToProcedure[j] = t;
        }
        double sum = 0;
        for (int rank = 0; rank < PROCEDURES; rank++) {
            sum += 1.0 / Math.pow(rank + 1, 1.1);
            cumulative[rank] = sum;
        }
        // each procedure's own online share, around 73% overall
        double[] onlineShare = new double[PROCEDURES];
        for (int p = 0; p < PROCEDURES; p++) {
            onlineShare[p] = Math.min(0.99, Math.max(0.05, 0.73 + (random.nextDouble() - 0.5) * 0.5));
        }
        byte[][] ids = new byte[PROCEDURES][];
        for (int p = 0; p < PROCEDURES; p++) {
            ids[p] = id(p).getBytes(StandardCharsets.US_ASCII);
        }
        LocalDate first = LocalDate.of(2023, 4, 1);
        int days = (int) (LocalDate.of(2024, 3, 31).toEpochDay() - first.toEpochDay() + 1);
        byte[][] dates = new byte[days][];
        for (int d = 0; d < days; d++) {
            dates[d] = first.plusDays(d).toString().getBytes(StandardCharsets.US_ASCII);
        }
        long[] online = new long[PROCEDURES];
        long[] total = new long[PROCEDURES];
        Path folder = target.resolve("receipts").resolve("FY2023");
        Files.createDirectories(folder);
        long perFile = (rows + files - 1) / files;
        long application = 0;
        byte[] line = new byte[256];
        for (int f = 0; f < files; f++) {
            Path file = folder.resolve(String.format("sample-receipts-%02d.csv%s", f + 1, gzip ? ".gz" : ""));
            try (OutputStream raw = Files.newOutputStream(file);
                    OutputStream out = new BufferedOutputStream(gzip ? new GZIPOutputStream(raw, 1 << 16) : raw, 1 << 20)) {
                out.write("application_id,received_on,procedure_id,channel,note\n".getBytes(StandardCharsets.US_ASCII));
                for (long r = 0; r < perFile && application < rows; r++) {
                    application++;
                    double u = random.nextDouble() * sum;
                    int lo = 0;
                    int hi = PROCEDURES - 1;
                    while (lo < hi) {
                        int mid = (lo + hi) >>> 1;
                        if (cumulative[mid] < u) {
                            lo = mid + 1;
                        }
                        else {
                            hi = mid;
                        }
                    }
                    int p = rankToProcedure[lo];
                    int channel = random.nextDouble() < onlineShare[p] ? 0 : 1 + random.nextInt(10) / 8 * (1 + random.nextInt(2));
                    online[p] += channel == 0 ? 1 : 0;
                    total[p]++;
                    int n = 0;
                    n = putLong(line, n, application);
                    line[n++] = ',';
                    byte[] date = dates[random.nextInt(days)];
                    System.arraycopy(date, 0, line, n, date.length);
                    n += date.length;
                    line[n++] = ',';
                    System.arraycopy(ids[p], 0, line, n, ids[p].length);
                    n += ids[p].length;
                    line[n++] = ',';
                    byte[] c = CHANNELS[channel].getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(c, 0, line, n, c.length);
                    n += c.length;
                    line[n++] = ',';
                    line[n++] = '\n';
                    out.write(line, 0, n);
                }
            }
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target.resolve("eprocedure-figures.csv")))) {
            StringBuilder csv = new StringBuilder(
                    "fiscal_year,row_id,level,parent_id,seq,name,procedure_count,online_receipts,total_receipts,source\n");
            String source = "SAMPLE (invented for the receipt-log benchmark)";
            long allOnline = 0;
            long all = 0;
            for (int p = 0; p < PROCEDURES; p++) {
                allOnline += online[p];
                all += total[p];
            }
            csv.append("2023,total,total,,0,SAMPLE 区全体,").append(PROCEDURES).append(',').append(allOnline).append(',')
                .append(all).append(',').append(source).append('\n');
            for (int s = 0; s < SYSTEMS; s++) {
                long so = 0;
                long st = 0;
                int count = 0;
                for (int p = s; p < PROCEDURES; p += SYSTEMS) {
                    so += online[p];
                    st += total[p];
                    count++;
                }
                csv.append("2023,").append(system(s)).append(",system,,").append(s + 1).append(",SAMPLE システム ")
                    .append(s + 1).append(',').append(count).append(',').append(so).append(',').append(st).append(',')
                    .append(source).append('\n');
                int seq = 1;
                for (int p = s; p < PROCEDURES; p += SYSTEMS) {
                    // three procedures entered wrong on purpose: the reconciliation must find them
                    long enteredOnline = p == 7 ? online[p] * 9 / 10 : online[p];
                    long enteredTotal = p == 11 ? total[p] + 1 : p == 300 ? total[p] + 5 : total[p];
                    csv.append("2023,").append(id(p)).append(",procedure,").append(system(s)).append(',').append(seq++)
                        .append(",SAMPLE 手続 ").append(p + 1).append(",,").append(enteredOnline).append(',')
                        .append(enteredTotal).append(',').append(source).append('\n');
                }
            }
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        System.out.println("wrote " + rows + " SAMPLE receipts of " + PROCEDURES + " procedures in " + files + " file(s) to "
                + folder);
    }

    static String system(int s) {
        return String.format("s%02d", s + 1);
    }

    static String id(int p) {
        return system(p % SYSTEMS) + "-p" + (p / SYSTEMS + 1);
    }

    private static int putLong(byte[] b, int at, long value) {
        String text = Long.toString(value);
        for (int i = 0; i < text.length(); i++) {
            b[at + i] = (byte) text.charAt(i);
        }
        return at + text.length();
    }

}
