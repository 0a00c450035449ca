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

    @Test
    void shouldWriteRowsFormattedOnEveryCoreAsTheSameBytesInTheSameOrder(@TempDir Path dir) throws Exception {
        int count = 3 * CsvOutput.BLOCK_RECORDS + 17;
        java.util.function.IntFunction<Object[]> record = i -> new Object[] { i, "手続" + i + (i % 5 == 0 ? ",\"引用\"" : ""),
                i % 3 == 0 ? null : new BigDecimal(i).movePointLeft(2), i % 7 == 0 ? "=formula" : "text" };
        Path oneByOne = dir.resolve("one-by-one.csv");
        try (CsvOutput out = CsvOutput.create(oneByOne, List.of("n", "name", "value", "note"))) {
            for (int i = 0; i < count; i++) {
                out.row(record.apply(i));
            }
            out.row("after", null, null, null);
        }
        Path inBlocks = dir.resolve("in-blocks.csv");
        try (CsvOutput out = CsvOutput.create(inBlocks, List.of("n", "name", "value", "note"))) {
            out.rows(count, record);
            out.row("after", null, null, null);
        }

        assertThat(Files.readAllBytes(inBlocks)).isEqualTo(Files.readAllBytes(oneByOne));
        List<String> lines = Files.readAllLines(inBlocks);
        assertThat(lines).hasSize(count + 2);
        assertThat(lines.get(count)).startsWith((count - 1) + ",");
        assertThat(lines.get(6)).isEqualTo("5,\"手続5,\"\"引用\"\"\",0.05,text");
    }

}
