package jp.nakano.planreview.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

class ReadAheadReaderTests {

    /** Rows numbered 1..count; the row {@code failAt}, if any, cannot be read. */
    private static final class NumberedRows implements ItemStreamReader<CsvRow> {

        private final int count;

        private final int failAt;

        private int read;

        private final AtomicBoolean closed = new AtomicBoolean();

        NumberedRows(int count, int failAt) {
            this.count = count;
            this.failAt = failAt;
        }

        @Override
        public CsvRow read() {
            if (read == count) {
                return null;
            }
            read++;
            if (read == failAt) {
                throw new InputFileException("rows.csv", "after line " + read + " has broken CSV quoting");
            }
            return new CsvRow("rows.csv", read + 1, Map.of("n", Integer.toString(read)), "n" + read, 1, 1);
        }

        @Override
        public void close() {
            closed.set(true);
        }

    }

    /** Parses the number; every seventh row is rejected. */
    private static Integer parse(CsvRow row) {
        int n = Integer.parseInt(row.cell("n"));
        if (n % 7 == 0) {
            throw new RejectedRowException(row, List.of(new RejectedRowException.Problem("n", row.cell("n"), "seventh")));
        }
        return n;
    }

    private static List<ParsedRow<Integer>> readAll(ReadAheadReader<Integer> reader) throws Exception {
        List<ParsedRow<Integer>> rows = new ArrayList<>();
        for (ParsedRow<Integer> row = reader.read(); row != null; row = reader.read()) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void givesEveryRowInTheFilesOrderWithItsValueOrItsRejection() throws Exception {
        ReadAheadReader<Integer> reader = new ReadAheadReader<>(new NumberedRows(10_000, -1), ReadAheadReaderTests::parse, "rows");
        reader.open(new ExecutionContext());
        List<ParsedRow<Integer>> rows = readAll(reader);
        reader.close();

        assertThat(rows).hasSize(10_000);
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow<Integer> row = rows.get(i);
            int n = i + 1;
            assertThat(row.row().line()).isEqualTo(n + 1);
            if (n % 7 == 0) {
                assertThat(row.value()).isNull();
                assertThatThrownBy(row::valueOrThrow).isInstanceOf(RejectedRowException.class).hasMessageContaining("seventh");
            }
            else {
                assertThat(row.valueOrThrow()).isEqualTo(n);
            }
        }
    }

    @Test
    void throwsAReadFailureAfterTheRowsBeforeIt() throws Exception {
        ReadAheadReader<Integer> reader = new ReadAheadReader<>(new NumberedRows(10_000, 601), ReadAheadReaderTests::parse, "rows");
        reader.open(new ExecutionContext());
        for (int n = 1; n <= 600; n++) {
            assertThat(reader.read().row().line()).isEqualTo(n + 1);
        }

        assertThatThrownBy(reader::read).isInstanceOf(InputFileException.class).hasMessageContaining("after line 601");
        assertThat(reader.read()).isNull();
        reader.close();
    }

    @Test
    void savesTheRowsTheStepTookAndResumesAfterThem() throws Exception {
        ReadAheadReader<Integer> first = new ReadAheadReader<>(new NumberedRows(5_000, -1), ReadAheadReaderTests::parse, "rows");
        ExecutionContext context = new ExecutionContext();
        first.open(context);
        for (int i = 0; i < 10; i++) {
            first.read();
        }
        first.update(context);
        first.close();

        assertThat(context.getLong("rows.read.count")).isEqualTo(10);
        ReadAheadReader<Integer> resumed = new ReadAheadReader<>(new NumberedRows(5_000, -1), ReadAheadReaderTests::parse, "rows");
        resumed.open(context);
        assertThat(resumed.read().valueOrThrow()).isEqualTo(11);
        assertThat(readAll(resumed)).hasSize(5_000 - 11);
        resumed.close();
    }

    @Test
    void resumesAfterTheRowsTakenWhenReadingARealFileAsTheLoadStepsDo(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("id,value\n");
        for (int n = 1; n <= 100; n++) {
            csv.append("r").append(n).append(',').append(n).append('\n');
        }
        Files.writeString(dir.resolve("rows.csv"), csv);
        InputSchema schema = new InputSchema("rows.csv", List.of("id", "value"), List.of());
        ExecutionContext context = new ExecutionContext();
        ReadAheadReader<String> first = loadStepReader(dir, schema);
        first.open(context);
        for (int i = 0; i < 10; i++) {
            first.read();
        }
        first.update(context);
        first.close();

        ReadAheadReader<String> resumed = loadStepReader(dir, schema);
        resumed.open(context);
        ParsedRow<String> next = resumed.read();
        assertThat(next.valueOrThrow()).isEqualTo("r11");
        assertThat(next.row().line()).isEqualTo(12);
        List<String> rest = new ArrayList<>();
        for (ParsedRow<String> row = resumed.read(); row != null; row = resumed.read()) {
            rest.add(row.valueOrThrow());
        }
        resumed.close();
        assertThat(rest).hasSize(89).endsWith("r100");
    }

    /** As AnnualReviewJobConfiguration builds a load step's reader: the file's own position not saved. */
    private static ReadAheadReader<String> loadStepReader(Path dir, InputSchema schema) {
        CsvRowReader file = new CsvRowReader(() -> dir, schema, finding -> { });
        file.setSaveState(false);
        return new ReadAheadReader<>(file, row -> row.cell("id"), "read-ahead-rows.csv");
    }

    @Test
    void closingBeforeTheEndStopsTheReadingThreadAndClosesTheFile() throws Exception {
        NumberedRows file = new NumberedRows(1_000_000, -1);
        ReadAheadReader<Integer> reader = new ReadAheadReader<>(file, ReadAheadReaderTests::parse, "stopped-early");
        reader.open(new ExecutionContext());
        reader.read();
        reader.close();

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("stopped-early"));
        assertThat(file.closed).isTrue();
        assertThat(file.read).isLessThan(1_000_000);
    }

}
