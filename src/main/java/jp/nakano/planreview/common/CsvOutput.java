package jp.nakano.planreview.common;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private final CSVPrinter printer;

    private CsvOutput(CSVPrinter printer) {
        this.printer = printer;
    }

    public static CsvOutput create(Path file, List<String> header) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        out.write(BOM);
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
        CSVPrinter printer = new CSVPrinter(writer, format);
        printer.printRecord(header);
        return new CsvOutput(printer);
    }

    /** Writes one record; numbers as exact plain decimals, {@code null} as an empty cell. */
    public void row(Object... cells) throws IOException {
        List<String> out = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            out.add(cell(cell));
        }
        printer.printRecord(out);
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
