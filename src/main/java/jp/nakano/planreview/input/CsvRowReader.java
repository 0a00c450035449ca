package jp.nakano.planreview.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.Severity;

/**
 * Streams the records of one input CSV file as {@link CsvRow}s, one at a time, so a file of any size
 * passes through in constant memory. A file that cannot be used (missing, wrong encoding, a required
 * column missing, a duplicated or empty column name, broken quoting, a record past the size limit) stops
 * the step with an {@link InputFileException}. Blank rows (every cell empty, as Excel writes them) are
 * skipped and counted; the bytes read are fingerprinted as they are read ({@link #readFingerprint()}).
 */
public class CsvRowReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

    /** SHA-256 and size of the bytes a load step read, whole file to its end. */
    public record Fingerprint(String sha256, long size) {
    }

    private final Supplier<Path> inputDir;

    private Path file;

    private final String fileName;

    private final InputSchema schema;

    private final Consumer<Finding> findings;

    private CsvInput.Encoding encoding;

    private CsvInput.Records input;

    private Iterator<CSVRecord> records;

    private List<String> header;

    private long lastLine;

    // written as the file is read, which may be on another thread than the step's (ReadAheadReader)
    private volatile long blankRows;

    private volatile Fingerprint fingerprint;

    public CsvRowReader(Supplier<Path> inputDir, InputSchema schema, Consumer<Finding> findings) {
        this.inputDir = inputDir;
        this.fileName = schema.fileName();
        this.schema = schema;
        this.findings = findings;
        setName("csv-" + fileName);
    }

    /** Rows of the file read so far whose cells are all empty: skipped, not rows. */
    public long blankRows() {
        return blankRows;
    }

    /** The fingerprint of the bytes read, once the whole file was read; {@code null} before. */
    public Fingerprint readFingerprint() {
        return fingerprint;
    }

    @Override
    protected void doOpen() throws IOException {
        blankRows = 0;
        fingerprint = null;
        file = inputDir.get().resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new InputFileException(fileName, "not found in " + file.getParent().toAbsolutePath()
                    + "; every input file is required, even with only its header row (see docs/input-format.md)");
        }
        encoding = CsvInput.detect(file);
        try {
            input = CsvInput.openRecords(file, encoding);
            records = input.parser().iterator();
            header = records.hasNext() ? records.next().toList() : List.of();
        }
        catch (UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
            throw unreadable(ex, 0);
        }
        lastLine = input.parser().getCurrentLineNumber();
        if (header.isEmpty() || header.size() == 1 && header.get(0).isBlank()) {
            throw new InputFileException(fileName, "line 1: has no header row; expected a header row with columns "
                    + schema.requiredColumns());
        }
        if (header.size() == 1 && header.get(0).indexOf('\t') >= 0) {
            throw new InputFileException(fileName, "line 1: is tab-separated (the header is one cell with "
                    + (header.get(0).split("\t", -1).length - 1) + " tab(s) in it); save it from Excel as 'CSV UTF-8' "
                    + "or 'CSV' (comma-separated)");
        }
        headerNamesUnique();
        Set<String> known = schema.allColumns();
        List<String> missing = new ArrayList<>();
        for (String column : schema.requiredColumns()) {
            if (!header.contains(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            // a file that has none of the columns is not this input (a link to another file): its first line
            // may be anything, and is never repeated on the console or in the logs
            boolean anyKnown = header.stream().anyMatch(known::contains);
            throw new InputFileException(fileName, "line 1: missing required column(s) " + missing
                    + (anyKnown ? "; the header has " + header
                            : "; the first line has none of the file's columns (" + header.size()
                                    + " cell(s)): is it the right file?"));
        }
        for (String column : header) {
            if (!known.contains(column)) {
                findings.accept(Finding.of(Severity.WARNING, "file.unknown-column", fileName, 1L, column, column,
                        "未知の列「" + column + "」は読み飛ばす（使える列: " + String.join(", ", known) + "）"));
            }
        }
    }

    private void headerNamesUnique() {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        List<Integer> empty = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isBlank()) {
                empty.add(i + 1);
            }
            else {
                positions.computeIfAbsent(name, n -> new ArrayList<>()).add(i + 1);
            }
        }
        Set<String> problems = new LinkedHashSet<>();
        positions.forEach((name, at) -> {
            if (at.size() > 1) {
                problems.add("column name '" + name + "' appears " + at.size() + " times (columns " + at + ")");
            }
        });
        if (!empty.isEmpty()) {
            problems.add("column(s) " + empty + " have no name");
        }
        if (!problems.isEmpty()) {
            throw new InputFileException(fileName, "line 1: the header is ambiguous: " + String.join("; ", problems)
                    + "; every column needs one unique name (delete the extra or empty columns in Excel)");
        }
    }

    @Override
    protected CsvRow doRead() {
        try {
            CSVRecord record;
            long startLine;
            do {
                input.nextRecord();
                if (!records.hasNext()) {
                    input.readToEnd();
                    fingerprint = new Fingerprint(input.sha256(), input.size());
                    return null;
                }
                record = records.next();
                startLine = lastLine + 1;
                lastLine = input.parser().getCurrentLineNumber();
                if (blank(record)) {
                    blankRows++;
                }
            }
            while (blank(record));
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
                cells.put(header.get(i), record.get(i));
            }
            CSVRecord read = record;
            return new CsvRow(fileName, startLine, cells, () -> raw(read), record.size(), header.size());
        }
        catch (UncheckedIOException | IllegalStateException ex) {
            throw unreadable(ex, lastLine);
        }
        catch (IOException ex) {
            throw new InputFileException(fileName, "cannot be read to its end: " + rootMessage(ex), ex);
        }
    }

    /** An empty line, or a row whose cells are all empty ({@code ,,,,,} as Excel writes an empty row). */
    private static boolean blank(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private InputFileException unreadable(RuntimeException ex, long lastGoodLine) {
        Throwable cause = ex.getCause();
        if (cause instanceof CsvInput.RecordTooLongException) {
            return new InputFileException(fileName, "line " + (lastGoodLine + 1) + ": the record starting there is "
                    + "longer than " + CsvInput.MAX_RECORD_CHARS + " characters (a cell may hold at most "
                    + Fields.MAX_TEXT + "); reading stopped there. Is a quote left open?", ex);
        }
        if (cause instanceof CharacterCodingException) {
            long line = -1;
            try {
                line = CsvInput.lineOfInvalidText(file, encoding);
            }
            catch (IOException again) {
                ex.addSuppressed(again);
            }
            return new InputFileException(fileName, (line > 0 ? "line " + line : "after line " + lastGoodLine)
                    + ": has a byte sequence that is not valid " + encoding.label()
                    + " text (the file changes encoding, or is damaged there)", ex);
        }
        return new InputFileException(fileName, "after line " + lastGoodLine
                + " has broken CSV quoting (an unclosed \"?) or was cut off: " + rootMessage(ex), ex);
    }

    /** The record as one CSV line: asked for only for a rejected row, on whichever thread reports it. */
    private static String raw(CSVRecord record) {
        StringBuilder line = new StringBuilder();
        try {
            new CSVPrinter(line, CSVFormat.RFC4180).printRecord(record.toList());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return line.toString().stripTrailing();
    }

    private static String rootMessage(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    protected void doClose() throws IOException {
        if (input != null) {
            input.close();
            input = null;
        }
    }

}
