package jp.nakano.planreview.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.Severity;

/**
 * Streams the records of one input CSV file as {@link CsvRow}s, one at a time, so a file of any size
 * passes through in constant memory. A file that cannot be used (missing, wrong encoding, a required
 * column missing, broken quoting) stops the step with an {@link InputFileException}.
 */
public class CsvRowReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

    private final Supplier<Path> inputDir;

    private Path file;

    private final String fileName;

    private final InputSchema schema;

    private final Consumer<Finding> findings;

    private CSVParser parser;

    private Iterator<CSVRecord> records;

    private List<String> header;

    private long lastLine;

    public CsvRowReader(Supplier<Path> inputDir, InputSchema schema, Consumer<Finding> findings) {
        this.inputDir = inputDir;
        this.fileName = schema.fileName();
        this.schema = schema;
        this.findings = findings;
        setName("csv-" + fileName);
    }

    @Override
    protected void doOpen() throws IOException {
        file = inputDir.get().resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new InputFileException(fileName, "not found in " + file.getParent().toAbsolutePath()
                    + "; every input file is required, even with only its header row (see docs/input-format.md)");
        }
        CsvInput.Encoding encoding = CsvInput.detect(file);
        try {
            parser = CsvInput.open(file, encoding);
        }
        catch (UncheckedIOException | IllegalArgumentException ex) {
            throw new InputFileException(fileName, "has no usable header row: " + rootMessage(ex), ex);
        }
        header = parser.getHeaderNames();
        if (header.isEmpty()) {
            throw new InputFileException(fileName, "is empty; expected a header row with columns "
                    + schema.requiredColumns());
        }
        List<String> missing = new ArrayList<>();
        for (String column : schema.requiredColumns()) {
            if (!header.contains(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputFileException(fileName, "line 1: missing required column(s) " + missing
                    + "; the header has " + header);
        }
        Set<String> known = schema.allColumns();
        for (String column : header) {
            if (!known.contains(column)) {
                findings.accept(Finding.of(Severity.WARNING, "file.unknown-column", fileName, 1L, column, column,
                        "未知の列「" + column + "」は読み飛ばす（使える列: " + String.join(", ", known) + "）"));
            }
        }
        records = parser.iterator();
        lastLine = 1;
    }

    @Override
    protected CsvRow doRead() {
        try {
            CSVRecord record;
            long startLine;
            do {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
                startLine = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
            }
            while (record.size() == 1 && record.get(0).isBlank()); // a blank line: counted, not a row
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
                cells.put(header.get(i), record.get(i));
            }
            return new CsvRow(fileName, startLine, cells, raw(record), record.size(), header.size());
        }
        catch (UncheckedIOException ex) {
            String what = ex.getCause() instanceof CharacterCodingException
                    ? "changes encoding or has a byte sequence that is not " + "valid text"
                    : "has broken CSV quoting (an unclosed \"?) or was cut off";
            throw new InputFileException(fileName, "after line " + lastLine + " " + what + ": " + rootMessage(ex),
                    ex);
        }
    }

    private static String raw(CSVRecord record) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(record.toList());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString().stripTrailing();
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
        if (parser != null) {
            parser.close();
            parser = null;
        }
    }

}
