package jp.nakano.planreview.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvOutputTests {

    @Test
    void shouldWriteUtf8WithBomAndEscapeFormulaCells(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.csv");
        try (CsvOutput out = CsvOutput.create(file, List.of("name", "value"))) {
            out.row("=HYPERLINK(\"http://x\")", new BigDecimal("-500"));
            out.row("@SUM(A1)", new BigDecimal("1461063.00"));
            out.row("区民健診の申込み", null);
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(bytes[1]).isEqualTo((byte) 0xBB);
        assertThat(bytes[2]).isEqualTo((byte) 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("name,value\r\n\"'=HYPERLINK(\"\"http://x\"\")\",-500\r\n'@SUM(A1),1461063.00\r\n"
                + "区民健診の申込み,\r\n");
    }

}
