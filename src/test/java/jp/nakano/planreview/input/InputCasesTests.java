package jp.nakano.planreview.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

import jp.nakano.planreview.common.Checksums;
import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.plan.KpiActualRow;

/**
 * The damaged inputs of issue 10 that the reader and the row validation catch by themselves, each with its
 * file in {@code src/test/resources/input-cases/<case>/}; {@code docs/input-format.md} ("Damaged input")
 * says how each is treated.
 */
class InputCasesTests {

    private static final Path CASES = Path.of("src/test/resources/input-cases");

    @TempDir
    private Path dir;

    private final List<Finding> findings = new ArrayList<>();

    @Test
    void shouldSkipAndCountExcelEmptyRows() throws Exception {
        Reading reading = read("excel-empty-rows");

        assertThat(reading.rows()).extracting(CsvRow::line).containsExactly(2L, 153L);
        assertThat(reading.reader().blankRows()).isEqualTo(152);
    }

    @Test
    void shouldStopOnADuplicateHeaderNameAndNameTheColumns() {
        assertThatThrownBy(() -> read("duplicate-header-name")).isInstanceOf(InputFileException.class)
            .hasMessageContaining("kpi-actuals.csv: line 1")
            .hasMessageContaining("'value' appears 2 times (columns [4, 6])")
            .hasMessageNotContaining("列が足りない");
    }

    @Test
    void shouldStopOnAnEmptyHeaderNameAndNameTheColumn() {
        assertThatThrownBy(() -> read("empty-header-name")).isInstanceOf(InputFileException.class)
            .hasMessageContaining("line 1")
            .hasMessageContaining("column(s) [6] have no name");
    }

    @Test
    void shouldSayATabSeparatedFileIsTabSeparated() {
        assertThatThrownBy(() -> read("tab-separated")).isInstanceOf(InputFileException.class)
            .hasMessageContaining("is tab-separated")
            .hasMessageContaining("7 tab(s)")
            .hasMessageNotContaining("missing required column");
    }

    @Test
    void shouldNeverRepeatTheFirstLineOfAFileThatIsNotThisInput() throws Exception {
        Files.copy(CASES.resolve("not-a-csv/passwd"), dir.resolve("kpi-actuals.csv"));

        assertThatThrownBy(() -> readFile()).isInstanceOf(InputFileException.class)
            .hasMessageContaining("none of the file's columns")
            .hasMessageNotContaining("root")
            .hasMessageNotContaining("/bin/bash");
    }

    @Test
    void shouldNameTheLineOfAByteThatIsNotValidText() {
        assertThatThrownBy(() -> read("invalid-byte-at-line-30")).isInstanceOf(InputFileException.class)
            .hasMessageContaining("kpi-actuals.csv: line 30:");
    }

    @Test
    void shouldNameTheExactLineOfAnInvalidByteDeepInALargeFile() {
        // the decoder reads ahead of the parser: without a second look the line named was far too early
        assertThatThrownBy(() -> read("invalid-byte-deep-in-file")).isInstanceOf(InputFileException.class)
            .hasMessageContaining("kpi-actuals.csv: line 2500:")
            .hasMessageContaining("not valid UTF-8 text");
    }

    @Test
    void shouldStopReadingAHugeCellAtTheLimit() throws Exception {
        // the file in test resources opens a quoted cell; two million characters are added to it here
        Path file = Files.copy(CASES.resolve("huge-cell/kpi-actuals.csv"), dir.resolve("kpi-actuals.csv"));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            char[] block = new char[10_000];
            java.util.Arrays.fill(block, 'x');
            for (int i = 0; i < 200; i++) {
                out.write(block);
            }
            out.write("\",test case,\n");
        }

        assertThatThrownBy(() -> readFile()).isInstanceOf(InputFileException.class)
            .hasMessageContaining("line 2:")
            .hasMessageContaining("longer than 1000000 characters");
    }

    @Test
    void shouldNameAnInvisibleCharacterInAnId() throws Exception {
        CsvRow row = read("invisible-character-in-id").rows().get(0);

        assertThatThrownBy(() -> KpiActualRow.PARSER.parse(row)).isInstanceOfSatisfying(RejectedRowException.class,
                ex -> {
                    RejectedRowException.Problem p = ex.problems().get(0);
                    assertThat(p.field()).isEqualTo("kpi_id");
                    assertThat(p.value()).isEqualTo("chiiki2<U+200B>-k01");
                    assertThat(p.reason()).contains("U+200B（ZERO WIDTH SPACE、8文字目）");
                });
    }

    @Test
    void shouldAcceptAPercentSignAfterASpace() throws Exception {
        CsvRow row = read("percent-with-space").rows().get(0);

        assertThat(KpiActualRow.PARSER.parse(row).value()).isEqualByComparingTo(new BigDecimal("62.3"));
    }

    @Test
    void shouldFingerprintExactlyTheBytesRead() throws Exception {
        Path file = Files.copy(CASES.resolve("excel-empty-rows/kpi-actuals.csv"), dir.resolve("kpi-actuals.csv"));
        String before = Checksums.sha256(file);
        CsvRowReader reader = reader();
        reader.open(new ExecutionContext());
        try {
            reader.read();
            // the file grows while the run reads it: the fingerprint is of what was read, to the end
            Files.writeString(file, "chiiki2-k01,2023,,70.1,final,,appended while reading,\n", StandardOpenOption.APPEND);
            while (reader.read() != null) {
                // read to the end
            }
        }
        finally {
            reader.close();
        }

        assertThat(reader.readFingerprint().sha256()).isEqualTo(Checksums.sha256(file)).isNotEqualTo(before);
        assertThat(reader.readFingerprint().size()).isEqualTo(Files.size(file));
    }

    private record Reading(CsvRowReader reader, List<CsvRow> rows) {
    }

    private Reading read(String testCase) throws IOException {
        Files.copy(CASES.resolve(testCase).resolve("kpi-actuals.csv"), dir.resolve("kpi-actuals.csv"));
        return readFile();
    }

    private Reading readFile() {
        CsvRowReader reader = reader();
        List<CsvRow> rows = new ArrayList<>();
        try {
            reader.open(new ExecutionContext());
        }
        catch (ItemStreamException ex) {
            // the reader's base class wraps what opening threw; the job's messages come from the cause
            throw ex.getCause() instanceof InputFileException file ? file : ex;
        }
        try {
            for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
        }
        catch (Exception ex) {
            if (ex instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(ex);
        }
        finally {
            reader.close();
        }
        return new Reading(reader, rows);
    }

    private CsvRowReader reader() {
        return new CsvRowReader(() -> dir, KpiActualRow.PARSER.schema(), findings::add);
    }

}
