package jp.nakano.planreview.receipts;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.input.CsvInput;
import jp.nakano.planreview.input.InputFileException;

/**
 * One receipt log ({@code receipts/FY<yyyy>/*.csv} or {@code *.csv.gz} under the input folder) with what its
 * header says: the encoding (as {@link CsvInput} detects it), where the counted columns are and where the
 * first record starts.
 *
 * @param name the path under the input folder, with {@code /}, as findings name the file
 * @param dataStart the byte (of the uncompressed content) where the first record starts
 */
public record ReceiptLog(Path path, String name, FiscalYear fiscalYear, boolean gzip, CsvInput.Encoding encoding,
        ReceiptCounter.Layout layout, long dataStart, long size) {

    /** The folder under the input folder that holds the logs, one subfolder per fiscal year. */
    public static final String FOLDER = "receipts";

    /** The columns a log must have; others are ignored. */
    public static final List<String> REQUIRED_COLUMNS = List.of("received_on", "procedure_id", "channel");

    private static final Pattern YEAR_FOLDER = Pattern.compile("FY(\\d{4})");

    /** Every log under {@code <input>/receipts/FY<yyyy>/}, by year and name; none when the folder is absent. */
    public static List<ReceiptLog> find(Path input) throws IOException {
        List<ReceiptLog> logs = new ArrayList<>();
        for (String name : names(input)) {
            Matcher m = YEAR_FOLDER.matcher(name.split("/")[1]);
            m.matches();
            logs.add(open(input.resolve(name), name, FiscalYear.of(Integer.parseInt(m.group(1)))));
        }
        return logs;
    }

    /**
     * The paths under the input folder ({@code receipts/FY2023/a.csv}) of every log, by year and name, without
     * reading them: the run records them with its other inputs, and the nightly check compares them.
     */
    public static List<String> names(Path input) throws IOException {
        Path root = input.resolve(FOLDER);
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return names;
        }
        List<Path> years;
        try (Stream<Path> list = Files.list(root)) {
            years = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path folder : years) {
            if (!YEAR_FOLDER.matcher(folder.getFileName().toString()).matches()) {
                throw new InputFileException(FOLDER + "/" + folder.getFileName(),
                        "is not a fiscal-year folder; name it FY<yyyy>, e.g. FY2023 (see docs/input-format.md)");
            }
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(Files::isRegularFile)
                    .map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".csv") || f.endsWith(".csv.gz"))
                    .sorted()
                    .forEach(f -> names.add(FOLDER + "/" + folder.getFileName() + "/" + f));
            }
        }
        return names;
    }

    /** Reads a log's header: encoding, the counted columns, where the records start. */
    static ReceiptLog open(Path file, String name, FiscalYear year) throws IOException {
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        byte[] head;
        try (InputStream in = content(file, gzip, 0)) {
            head = in.readNBytes(CsvInput.SNIFF_BYTES);
        }
        catch (IOException ex) {
            throw new InputFileException(name, "cannot be read" + (gzip ? " as gzip" : "") + ": " + ex.getMessage(), ex);
        }
        CsvInput.Encoding encoding = CsvInput.detect(head, name);
        int from = encoding.bom() ? 3 : 0;
        int lineEnd = from;
        while (lineEnd < head.length && head[lineEnd] != '\n') {
            lineEnd++;
        }
        if (lineEnd == head.length && head.length == CsvInput.SNIFF_BYTES) {
            throw new InputFileException(name, "line 1: the header row is longer than 64 KiB");
        }
        String headerLine = new String(head, from, lineEnd - from, encoding.charset()).stripTrailing();
        if (headerLine.isBlank()) {
            throw new InputFileException(name, "is empty; expected a header row with columns " + REQUIRED_COLUMNS);
        }
        List<String> header;
        try (CSVParser parser = CSVParser.parse(new StringReader(headerLine), CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            header = records.get(0).toList().stream().map(String::strip).toList();
        }
        catch (IOException | java.io.UncheckedIOException ex) {
            throw new InputFileException(name, "line 1: the header row is not CSV: " + ex.getMessage(), ex);
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new InputFileException(name, "line 1: missing required column(s) " + missing + "; the header has "
                    + header);
        }
        ReceiptCounter.Layout layout = new ReceiptCounter.Layout(header.size(), header.indexOf("received_on"),
                header.indexOf("procedure_id"), header.indexOf("channel"));
        long dataStart = Math.min(lineEnd + 1L, head.length);
        return new ReceiptLog(file, name, year, gzip, encoding, layout, dataStart, Files.size(file));
    }

    /** The log's content (uncompressed) from {@code position}, which for a gzip file must be 0. */
    static InputStream content(Path file, boolean gzip, long position) throws IOException {
        if (gzip) {
            return new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(position);
        return Channels.newInputStream(channel);
    }

    /**
     * Splits the log into byte ranges of about {@code target} bytes that each start at a line: only a plain
     * (uncompressed) file can be read from the middle. The cut goes after the next line break, which assumes
     * no line break inside a quoted field of a log this large; if there is one there, the lines around it are
     * rejected as broken, never counted silently.
     */
    List<long[]> ranges(long target) throws IOException {
        List<long[]> ranges = new ArrayList<>();
        if (gzip || size - dataStart <= target * 3 / 2) {
            ranges.add(new long[] { dataStart, gzip ? Long.MAX_VALUE : size });
            return ranges;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long from = dataStart;
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(64 * 1024);
            while (size - from > target * 3 / 2) {
                long cut = from + target;
                long at = -1;
                while (at < 0 && cut < size) {
                    buf.clear();
                    int n = channel.read(buf, cut);
                    if (n <= 0) {
                        break;
                    }
                    for (int k = 0; k < n; k++) {
                        if (buf.get(k) == '\n') {
                            at = cut + k + 1;
                            break;
                        }
                    }
                    cut += n;
                }
                if (at < 0 || at >= size) {
                    break;
                }
                ranges.add(new long[] { from, at });
                from = at;
            }
            ranges.add(new long[] { from, size });
        }
        return ranges;
    }

    /** Counts the records in the byte range {@code [from, to)} of the content (a range from {@link #ranges}). */
    ReceiptTally count(long from, long to, ProcedureIndex procedures, int keep) throws IOException {
        try (InputStream in = content(path, gzip, gzip ? 0 : from)) {
            if (gzip) {
                in.skipNBytes(from);
            }
            return new ReceiptCounter(procedures, fiscalYear, layout, encoding.charset(), keep)
                .count(in, to == Long.MAX_VALUE ? Long.MAX_VALUE : to - from);
        }
        catch (java.io.EOFException | java.util.zip.ZipException ex) {
            throw new InputFileException(name, "is cut off or not gzip: " + ex.getMessage(), ex);
        }
    }

}
