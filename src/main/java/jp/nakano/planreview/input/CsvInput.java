package jp.nakano.planreview.input;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

import jp.nakano.planreview.common.Checksums;

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

    /**
     * The input files' records, header included: the reader checks the header itself (duplicate and empty
     * names), which commons-csv would otherwise merge or drop and so shift every column after them.
     */
    static final CSVFormat RECORDS = CSVFormat.RFC4180.builder()
        .setIgnoreEmptyLines(false)
        .setTrim(false)
        .get();

    /**
     * The most characters one record may have (a record of the widest file with every cell at the 4,000
     * character limit is about 80,000): reading stops there, so one huge cell cannot exhaust the heap.
     */
    public static final int MAX_RECORD_CHARS = 1_000_000;

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
        Encoding encoding = sniff(head);
        if (encoding != null) {
            return encoding;
        }
        long line = -1;
        try {
            line = lineOfInvalidText(file, new Encoding(StandardCharsets.UTF_8, false));
        }
        catch (IOException ex) {
            // the message below still says what is wrong, without the line
        }
        throw new InputFileException(file.getFileName().toString(), (line > 0 ? "line " + line + ": " : "")
                + "is neither UTF-8 nor Shift_JIS/CP932" + (line > 0 ? " (the first byte that is not UTF-8 text is "
                        + "on this line)" : "") + "; save it from Excel as 'CSV UTF-8' or 'CSV'");
    }

    /**
     * Detects the encoding of a file from its first bytes as {@link #detect(Path)} does; for content that is
     * not the file as stored (a gzip-compressed receipt log), named {@code fileName} in the message.
     */
    public static Encoding detect(byte[] head, String fileName) {
        Encoding encoding = sniff(head);
        if (encoding == null) {
            throw new InputFileException(fileName,
                    "is neither UTF-8 nor Shift_JIS/CP932; save it from Excel as 'CSV UTF-8' or 'CSV'");
        }
        return encoding;
    }

    /** The encoding the first bytes show (BOM, strict UTF-8, then CP932), or {@code null} for neither. */
    private static Encoding sniff(byte[] head) {
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
        return null;
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
        return CSVParser.builder().setReader(strictReader(in, encoding)).setFormat(FORMAT).get();
    }

    private static Reader strictReader(InputStream in, Encoding encoding) {
        CharsetDecoder decoder = encoding.charset().newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, decoder);
    }

    /**
     * An input file open for reading as records (the header is the first), with the SHA-256 and size of
     * exactly the bytes read so far: the fingerprint of what the run used, even if the file changes meanwhile.
     */
    public static final class Records implements AutoCloseable {

        private final InputStream raw;

        private final MessageDigest digest;

        private final long[] size = { 0 };

        private final BoundedReader reader;

        private final CSVParser parser;

        /** The decoded stream, buffered: what is left of it is read into the fingerprint at the end. */
        private final InputStream in;

        Records(Path file, Encoding encoding) throws IOException {
            digest = Checksums.sha256();
            raw = Files.newInputStream(file);
            InputStream counted = new java.io.FilterInputStream(new DigestInputStream(raw, digest)) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        size[0]++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        size[0] += n;
                    }
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    // skipping would leave bytes out of the fingerprint: read them instead
                    return Math.max(0, read(new byte[(int) Math.min(n, 8192)]));
                }
            };
            in = new BufferedInputStream(counted);
            if (encoding.bom()) {
                in.readNBytes(UTF8_BOM.length);
            }
            reader = new BoundedReader(strictReader(in, encoding));
            parser = CSVParser.builder().setReader(reader).setFormat(RECORDS).get();
        }

        public CSVParser parser() {
            return parser;
        }

        /** Starts counting the characters of the next record against {@link #MAX_RECORD_CHARS}. */
        public void nextRecord() {
            reader.count = 0;
        }

        /** Reads what is left of the file (nothing, after the last record) into the fingerprint. */
        public void readToEnd() throws IOException {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }

        /** The SHA-256 of the bytes read; call once, after {@link #readToEnd()}. */
        public String sha256() {
            return Checksums.hex(digest);
        }

        /** The number of bytes read. */
        public long size() {
            return size[0];
        }

        @Override
        public void close() throws IOException {
            try {
                parser.close();
            }
            finally {
                raw.close();
            }
        }

    }

    /** Opens a file as records with the fingerprint of the bytes read; the caller closes it. */
    public static Records openRecords(Path file, Encoding encoding) throws IOException {
        return new Records(file, encoding);
    }

    /** Thrown (inside commons-csv's {@code UncheckedIOException}) when a record passes {@link #MAX_RECORD_CHARS}. */
    public static final class RecordTooLongException extends IOException {

        RecordTooLongException() {
            super("a record longer than " + MAX_RECORD_CHARS + " characters");
        }

    }

    /** Counts the characters of the record being read and stops at the limit. */
    private static final class BoundedReader extends FilterReader {

        private long count;

        BoundedReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0 && ++count > MAX_RECORD_CHARS) {
                throw new RecordTooLongException();
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0 && (count += n) > MAX_RECORD_CHARS) {
                throw new RecordTooLongException();
            }
            return n;
        }

    }

    /**
     * The physical line (1 = the first) of the first byte sequence that is not valid text in the encoding,
     * or -1 when the whole file decodes. Reading with a decoder runs ahead of the parser, so the parser's
     * line at the failure is earlier than the bad byte; this finds the exact line, streaming.
     */
    public static long lineOfInvalidText(Path file, Encoding encoding) throws IOException {
        CharsetDecoder decoder = encoding.charset().newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        long line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            if (encoding.bom()) {
                in.readNBytes(UTF8_BOM.length);
            }
            boolean end = false;
            while (true) {
                if (!end) {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        end = true;
                    }
                    else {
                        bytes.position(bytes.position() + n);
                    }
                }
                bytes.flip();
                CoderResult result;
                do {
                    result = decoder.decode(bytes, chars, end);
                    chars.flip();
                    while (chars.hasRemaining()) {
                        if (chars.get() == '\n') {
                            line++;
                        }
                    }
                    chars.clear();
                    if (result.isError()) {
                        return line;
                    }
                }
                while (result.isOverflow());
                bytes.compact();
                if (end) {
                    return -1;
                }
            }
        }
    }

}
