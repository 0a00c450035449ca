package jp.nakano.planreview.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the PDF that JasperReports writes the same, byte for byte, for the same content. The exporter
 * (OpenPDF) stamps the time of writing as the creation date, a random document id, and random six-letter
 * prefixes on the embedded font subsets; this replaces each with a value from the content: the given date,
 * an id digested from the file, and prefixes numbered in order of appearance.
 *
 * <p>Every replacement has exactly the length of what it replaces, so the cross-reference offsets stay
 * right and the file stays valid PDF/A (the tests check it with a validator). Only the document
 * information dictionary, the XMP metadata, the font names and the trailer are touched, all of which the
 * exporter writes uncompressed.
 */
final class RepeatablePdf {

    /** {@code /CreationDate(D:20261122210708Z)} or with an offset, {@code D:20261122210708+09'00'}. */
    private static final Pattern INFO_DATE = Pattern.compile("/(?:CreationDate|ModDate)\\s*\\(D:(\\d{14})(Z|[+-]\\d{2}'\\d{2}'?)?");

    /** {@code <xmp:CreateDate>2026-11-22T21:07:08Z</xmp:CreateDate>}, also ModifyDate and MetadataDate. */
    private static final Pattern XMP_DATE = Pattern.compile(
            "<xmp:(?:CreateDate|ModifyDate|MetadataDate)>(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(Z|[+-]\\d{2}:\\d{2})?<");

    /** A font subset's name: six capitals, a plus, then the font's own name. */
    private static final Pattern SUBSET = Pattern.compile("/([A-Z]{6})\\+(?=[A-Za-z])");

    /** The trailer's two document ids. */
    private static final Pattern ID = Pattern.compile("/ID\\s*\\[\\s*<([0-9a-fA-F]{32})>\\s*<([0-9a-fA-F]{32})>");

    private RepeatablePdf() {
    }

    /**
     * The same PDF with its creation date set to {@code created} and its document id and font subset names
     * derived from its content.
     */
    static byte[] normalise(byte[] pdf, LocalDateTime created) {
        // ISO-8859-1 maps every byte to one char and back, so the positions and lengths stay those of the bytes
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        text = replaceDates(text, INFO_DATE, created, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        text = replaceDates(text, XMP_DATE, created, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        text = renumberSubsets(text);
        Matcher id = ID.matcher(text);
        if (id.find()) {
            String zeros = "0".repeat(32);
            StringBuilder out = new StringBuilder(text);
            out.replace(id.start(1), id.end(1), zeros).replace(id.start(2), id.end(2), zeros);
            String digest = HexFormat.of().formatHex(md5(out.toString().getBytes(StandardCharsets.ISO_8859_1)));
            out.replace(id.start(1), id.end(1), digest).replace(id.start(2), id.end(2), digest);
            text = out.toString();
        }
        byte[] result = text.getBytes(StandardCharsets.ISO_8859_1);
        if (result.length != pdf.length) {
            throw new IllegalStateException("normalising the PDF changed its length: " + pdf.length + " → " + result.length);
        }
        return result;
    }

    /** Puts {@code created}, written in the offset the exporter used, where each date stood. */
    private static String replaceDates(String text, Pattern pattern, LocalDateTime created, DateTimeFormatter digits) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (m.find()) {
            ZoneOffset offset = offset(m.group(2));
            // the creation moment is 'created' in Japan; written as the same instant in the exporter's offset
            OffsetDateTime instant = created.atOffset(ZoneOffset.ofHours(9)).withOffsetSameInstant(offset);
            out.replace(m.start(1), m.end(1), instant.format(digits));
        }
        return out.toString();
    }

    private static ZoneOffset offset(String written) {
        if (written == null || written.equals("Z")) {
            return ZoneOffset.UTC;
        }
        return ZoneOffset.of(written.replaceAll("[^0-9+-]", "")); // +09'00' and +09:00 both read as +0900
    }

    /** Names the k-th distinct subset prefix {@code AAAAAA}, {@code AAAAAB}, … in order of first appearance. */
    private static String renumberSubsets(String text) {
        Map<String, String> renamed = new LinkedHashMap<>();
        Matcher m = SUBSET.matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (m.find()) {
            String name = renamed.computeIfAbsent(m.group(1), prefix -> letters(renamed.size()));
            out.replace(m.start(1), m.end(1), name);
        }
        return out.toString();
    }

    private static String letters(int n) {
        char[] chars = new char[6];
        for (int i = 5; i >= 0; i--) {
            chars[i] = (char) ('A' + n % 26);
            n /= 26;
        }
        return new String(chars);
    }

    private static byte[] md5(byte[] bytes) {
        try {
            // PDF's own choice for file identifiers (ISO 32000-1, 14.4); not used for security here
            return MessageDigest.getInstance("MD5").digest(bytes);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("the JVM has no MD5", ex);
        }
    }

}
