package jp.nakano.planreview.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInputTests {

    private static final String TEXT = "plan_id,name\nchiiki2,第2次中野区地域情報化推進計画\n";

    @Test
    void shouldReadUtf8WithoutBom(@TempDir Path dir) throws Exception {
        Path file = write(dir, TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(CsvInput.detect(file).label()).isEqualTo("UTF-8");
        assertThat(names(file)).containsExactly("第2次中野区地域情報化推進計画");
    }

    @Test
    void shouldReadUtf8WithBomAndKeepTheBomOutOfTheFirstColumnName(@TempDir Path dir) throws Exception {
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Path file = write(dir, bytes);
        assertThat(CsvInput.detect(file).label()).isEqualTo("UTF-8 (BOM)");
        try (CSVParser parser = CsvInput.open(file, CsvInput.detect(file))) {
            assertThat(parser.getHeaderNames()).containsExactly("plan_id", "name");
        }
    }

    @Test
    void shouldReadShiftJisAsExcelWritesIt(@TempDir Path dir) throws Exception {
        Path file = write(dir, TEXT.getBytes(CsvInput.CP932));
        assertThat(CsvInput.detect(file).label()).isEqualTo("CP932");
        assertThat(names(file)).containsExactly("第2次中野区地域情報化推進計画");
    }

    @Test
    void shouldRejectAFileThatIsNeitherUtf8NorCp932(@TempDir Path dir) throws Exception {
        Path file = write(dir, new byte[] { 'a', ',', 'b', '\n', (byte) 0xFF, (byte) 0xFF, (byte) 0x80, '\n' });
        assertThatThrownBy(() -> CsvInput.detect(file)).isInstanceOf(InputFileException.class)
            .hasMessageContaining("plans.csv")
            .hasMessageContaining("neither UTF-8 nor Shift_JIS");
    }

    private static Path write(Path dir, byte[] bytes) throws Exception {
        return Files.write(dir.resolve("plans.csv"), bytes);
    }

    private static List<String> names(Path file) throws Exception {
        try (CSVParser parser = CsvInput.open(file, CsvInput.detect(file))) {
            return parser.stream().map((CSVRecord r) -> r.get("name")).toList();
        }
    }

}
