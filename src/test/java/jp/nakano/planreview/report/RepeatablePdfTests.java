package jp.nakano.planreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class RepeatablePdfTests {

    private static final LocalDateTime DATA_DATE = LocalDateTime.of(2023, 3, 31, 0, 0);

    private static String normalise(String pdf) {
        byte[] out = RepeatablePdf.normalise(pdf.getBytes(StandardCharsets.ISO_8859_1), DATA_DATE);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldWriteTheDataDateInTheOffsetTheExporterUsedKeepingTheLength() {
        String utc = "<</CreationDate(D:20261122210708Z)/ModDate(D:20261122210709Z)>>"
                + "<xmp:CreateDate>2026-11-22T21:07:08Z</xmp:CreateDate>";
        String japan = "<</CreationDate(D:20261123060708+09'00')>><xmp:CreateDate>2026-11-23T06:07:08+09:00</xmp:CreateDate>";

        assertThat(normalise(utc)).isEqualTo("<</CreationDate(D:20230330150000Z)/ModDate(D:20230330150000Z)>>"
                + "<xmp:CreateDate>2023-03-30T15:00:00Z</xmp:CreateDate>");
        assertThat(normalise(japan))
            .isEqualTo("<</CreationDate(D:20230331000000+09'00')>><xmp:CreateDate>2023-03-31T00:00:00+09:00</xmp:CreateDate>");
    }

    @Test
    void shouldNameFontSubsetsInOrderOfAppearanceWhateverTheExporterDrew() {
        String first = "/BaseFont/QWERTY+BIZUDPGothic-Regular /FontName/QWERTY+BIZUDPGothic-Regular /BaseFont/ZXCVBN+BIZUDPGothic-Bold";
        String second = "/BaseFont/POIUYT+BIZUDPGothic-Regular /FontName/POIUYT+BIZUDPGothic-Regular /BaseFont/MNBVCX+BIZUDPGothic-Bold";

        assertThat(normalise(first)).isEqualTo(normalise(second)).isEqualTo(
                "/BaseFont/AAAAAA+BIZUDPGothic-Regular /FontName/AAAAAA+BIZUDPGothic-Regular /BaseFont/AAAAAB+BIZUDPGothic-Bold");
    }

    @Test
    void shouldDeriveTheDocumentIdFromTheContent() {
        String one = "stream A /ID [<b3fc1f8e4e3e384b251a9630b3e8b5cf><b3fc1f8e4e3e384b251a9630b3e8b5cf>]";
        String again = "stream A /ID [<0123456789abcdef0123456789abcdef><0123456789abcdef0123456789abcdef>]";
        String other = "stream B /ID [<b3fc1f8e4e3e384b251a9630b3e8b5cf><b3fc1f8e4e3e384b251a9630b3e8b5cf>]";

        assertThat(normalise(one)).isEqualTo(normalise(again)).isNotEqualTo(normalise(other)).hasSameSizeAs(one);
    }

}
