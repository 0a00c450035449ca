package jp.nakano.planreview.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Opens an input CSV file in the encoding it was written in: UTF-8 with or without a BOM, or
 * Shift_JIS/CP932 as Excel writes it in Japan. This is the one CSV reader of plan-review.
 */
public final class CsvInput {

    /** Windows-31J is Java's name for CP932, the superset of Shift_JIS that Excel writes. */
    public static final Charset CP932 = Charset.forName("windows-31j");

    /** How much of a file {@link #detect} looks at. */
    public static final int SNIFF_BYTES = 64 * 1024;

    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(false)
        .setTrim(false)
        .get();

    private CsvInput() {
    }

    /** The encoding of a file as detected, and whether it starts with a BOM. */
    public record Encoding(Charset charset, boolean bom) {

        public String label() {
            return charset == CP932 ? "CP932" : bom ? "UTF-8 (BOM)" : "UTF-8";
        }

    }

    /**
     * Detects the encoding from the BOM or, without one, from the first 64 KiB: strict UTF-8 first, then
     * CP932. Reading later checks the rest strictly, so a file that changes encoding midway fails loudly.
     */
    public static Encoding detect(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        catch (IOException ex) {
            throw new InputFileException(file.getFileName().toString(), "cannot be read: " + ex.getMessage(), ex);
        }
        return detect(head, file.getFileName().toString());
    }

    /**
     * Detects the encoding of a file from its first bytes as {@link #detect(Path)} does; for content that is
     * not the file as stored (a gzip-compressed receipt log), named {@code fileName} in the message.
     */
    public static Encoding detect(byte[] head, String fileName) {
        if (head.length >= 3 && Arrays.equals(Arrays.copyOf(head, 3), UTF8_BOM)) {
            return new Encoding(StandardCharsets.UTF_8, true);
        }
        boolean truncatedAtLimit = head.length == SNIFF_BYTES;
        if (decodes(head, StandardCharsets.UTF_8, truncatedAtLimit)) {
            return new Encoding(StandardCharsets.UTF_8, false);
        }
        if (decodes(head, CP932, truncatedAtLimit)) {
            return new Encoding(CP932, false);
        }
        throw new InputFileException(fileName,
                "is neither UTF-8 nor Shift_JIS/CP932; save it from Excel as 'CSV UTF-8' or 'CSV'");
    }

    private static boolean decodes(byte[] bytes, Charset charset, boolean mayEndMidCharacter) {
        CharsetDecoder decoder = charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes));
            return true;
        }
        catch (CharacterCodingException ex) {
            if (mayEndMidCharacter) {
                // the sniffed prefix may cut a multi-byte character in two: retry without its last bytes
                for (int cut = 1; cut <= 3 && cut < bytes.length; cut++) {
                    try {
                        decoder.reset().decode(ByteBuffer.wrap(bytes, 0, bytes.length - cut));
                        return true;
                    }
                    catch (CharacterCodingException retry) {
                        // try a shorter prefix
                    }
                }
            }
            return false;
        }
    }

    /** Opens a streaming parser over the file; records are read one at a time, never all at once. */
    public static CSVParser open(Path file, Encoding encoding) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        if (encoding.bom()) {
            in.skipNBytes(UTF8_BOM.length);
        }
        CharsetDecoder decoder = encoding.charset().newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new InputStreamReader(in, decoder);
        return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    }

}
