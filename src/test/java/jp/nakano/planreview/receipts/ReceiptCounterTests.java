package jp.nakano.planreview.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.input.CsvInput;
import jp.nakano.planreview.input.InputFileException;

/** The receipt counter against a count made another way: commons-csv, LocalDate and a map. */
class ReceiptCounterTests {

    private static final FiscalYear FY2023 = FiscalYear.of(2023);

    private static final List<String> PROCEDURES = List.of("s01-p1", "s01-p2", "s02", "s03-p1", "s03-other");

    @TempDir
    private Path dir;

    @Test
    void shouldCountWhatCommonsCsvCountsWithQuotesCrLfAndBlankLines() throws Exception {
        Path file = write("FY2023/mixed.csv", randomLog(20_000, 7, true), StandardCharsets.UTF_8, false, false);

        ReceiptTally tally = countWhole(file);

        assertThat(tally.rows()).isEqualTo(20_000);
        assertThat(tally.rejectedRows()).isZero();
        assertThat(cells(tally)).isEqualTo(countedAnotherWay(file, StandardCharsets.UTF_8));
    }

    @Test
    void shouldCountTheSameWhenALargeFileIsSplitIntoByteRanges() throws Exception {
        Path file = write("FY2023/big.csv", randomLog(30_000, 11, false) + "2023-05-01,s09,online,x\n"
                + randomLog(10_000, 12, false).lines().skip(1).map(l -> l + "\n").reduce("", String::concat), StandardCharsets.UTF_8, false, false);
        ReceiptLog log = ReceiptLog.open(file, "receipts/FY2023/big.csv", FY2023);
        ProcedureIndex index = new ProcedureIndex(PROCEDURES);

        List<long[]> ranges = log.ranges(64 * 1024);
        ReceiptTally whole = new ReceiptTally(index.size(), 5);
        long offset = 1;
        for (long[] range : ranges) {
            ReceiptTally part = log.count(range[0], range[1], index, 5);
            whole.add(part, offset);
            offset += part.lines();
        }

        assertThat(ranges).hasSizeGreaterThan(5);
        assertThat(whole.rows()).isEqualTo(40_001);
        assertThat(cells(whole)).isEqualTo(cells(countWhole(file)));
        assertThat(cells(whole)).isEqualTo(countedAnotherWay(file, StandardCharsets.UTF_8));
        // the one unknown procedure keeps its line number in the file, not in its range: header + 30,000 + 1
        assertThat(whole.rejected().get(Rejection.UNKNOWN_PROCEDURE).firstLines()).containsExactly(30_002L);
    }

    @Test
    void shouldCountBadRowsPerReasonWithTheirFirstLinesAndNeverFailTheFile() throws Exception {
        Path file = Path.of("src/test/resources/receipts/sample-receipts-bad-rows.csv");

        ReceiptLog log = ReceiptLog.open(file, "sample-receipts-bad-rows.csv", FY2023);
        ReceiptTotals.Run run = new ReceiptTotals().run(1);
        ProcedureIndex index = run.procedures(FY2023, year -> PROCEDURES);
        run.add(log, 0, log.count(log.dataStart(), log.size(), index, 3));
        ReceiptTally tally = run.files().get(0).tally(); // line numbers of the file: the header is line 1

        assertThat(tally.counted()).isEqualTo(6);
        assertThat(tally.rejected()).containsOnlyKeys(Rejection.values());
        assertThat(tally.rejected().get(Rejection.DATE_OUTSIDE_YEAR).count()).isEqualTo(4);
        assertThat(tally.rejected().get(Rejection.DATE_OUTSIDE_YEAR).firstLines()).containsExactly(4L, 5L, 9L);
        assertThat(tally.rejected().get(Rejection.DATE_OUTSIDE_YEAR).firstValue()).isEqualTo("2023-03-31");
        assertThat(tally.rejected().get(Rejection.INVALID_DATE).firstLines()).containsExactly(6L, 7L);
        assertThat(tally.rejected().get(Rejection.INVALID_DATE).firstValue()).isEqualTo("2023-02-30");
        assertThat(tally.rejected().get(Rejection.UNKNOWN_PROCEDURE).firstLines()).containsExactly(11L);
        assertThat(tally.rejected().get(Rejection.UNKNOWN_PROCEDURE).firstValue()).isEqualTo("s99-p1");
        assertThat(tally.rejected().get(Rejection.UNKNOWN_CHANNEL).firstLines()).containsExactly(12L);
        assertThat(tally.rejected().get(Rejection.UNKNOWN_CHANNEL).firstValue()).isEqualTo("Online");
        assertThat(tally.rejected().get(Rejection.BROKEN_LINE).firstLines()).containsExactly(13L, 15L);
        assertThat(tally.rejected().get(Rejection.BROKEN_LINE).firstRaw()).isEqualTo("2023-07-01,s01-p1");
        assertThat(tally.rows()).isEqualTo(tally.counted() + tally.rejectedRows());
        assertThat(ReceiptSummaryTasklet.rejectedFinding("sample-receipts-bad-rows.csv", Rejection.DATE_OUTSIDE_YEAR,
                tally.rejected().get(Rejection.DATE_OUTSIDE_YEAR)).message())
            .isEqualTo("受付日がフォルダの年度の外: 4 行を数えなかった（行 4, 5, 9 ほか）");
    }

    @Test
    void shouldReadGzipAndCp932LogsLikeTheSameLogInUtf8() throws Exception {
        String content = randomLog(5_000, 21, true);
        Path utf8 = write("FY2023/a.csv", content, StandardCharsets.UTF_8, false, false);
        Path cp932Gzip = write("FY2023/b.csv.gz", content, CsvInput.CP932, true, false);
        Path bomGzip = write("FY2023/c.csv.gz", content, StandardCharsets.UTF_8, true, true);

        ReceiptLog gzipLog = ReceiptLog.open(cp932Gzip, "receipts/FY2023/b.csv.gz", FY2023);

        assertThat(gzipLog.gzip()).isTrue();
        assertThat(gzipLog.encoding().label()).isEqualTo("CP932");
        assertThat(ReceiptLog.open(bomGzip, "c", FY2023).encoding().label()).isEqualTo("UTF-8 (BOM)");
        Map<String, Long> expected = countedAnotherWay(utf8, StandardCharsets.UTF_8);
        assertThat(cells(countWhole(cp932Gzip))).isEqualTo(expected);
        assertThat(cells(countWhole(bomGzip))).isEqualTo(expected);
        assertThat(gzipLog.ranges(1024)).hasSize(1); // a gzip stream is read from its start only
    }

    @Test
    void shouldNameTheFileAndTheMissingColumn() throws Exception {
        Path file = write("FY2023/wrong.csv", "received_on,procedure,channel\n2023-04-01,s02,online\n",
                StandardCharsets.UTF_8, false, false);

        assertThatThrownBy(() -> ReceiptLog.open(file, "receipts/FY2023/wrong.csv", FY2023))
            .isInstanceOf(InputFileException.class)
            .hasMessageContaining("receipts/FY2023/wrong.csv")
            .hasMessageContaining("[procedure_id]");
    }

    @Test
    void shouldFindLogsInYearFoldersOnly() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        write(input, "receipts/FY2024/x.csv", "received_on,procedure_id,channel\n", StandardCharsets.UTF_8, false);
        write(input, "receipts/FY2023/y.csv.gz", "received_on,procedure_id,channel\n", StandardCharsets.UTF_8, true);
        write(input, "receipts/FY2023/notes.txt", "not a log", StandardCharsets.UTF_8, false);

        assertThat(ReceiptLog.find(input)).extracting(ReceiptLog::name)
            .containsExactly("receipts/FY2023/y.csv.gz", "receipts/FY2024/x.csv");
        assertThat(ReceiptLog.find(dir.resolve("nothing"))).isEmpty();
        Files.createDirectories(input.resolve("receipts/2025"));
        assertThatThrownBy(() -> ReceiptLog.find(input)).hasMessageContaining("receipts/2025")
            .hasMessageContaining("FY<yyyy>");
    }

    /** A log whose extra columns hold commas, quotes, line breaks and Japanese, in the columns' own order. */
    private static String randomLog(int rows, long seed, boolean header) {
        Random random = new Random(seed);
        String[] channels = { "online", "counter", "mail", "other" };
        String[] notes = { "", "窓口で受付", "\"引用, コンマ\"", "\"二行の\r\nメモ\"", "\"\"\"引用符\"\"\"", "ｶﾅ①" };
        StringBuilder out = new StringBuilder(header ? "note,channel,id,procedure_id,received_on\r\n" : "");
        LocalDate first = FY2023.firstDay();
        for (int i = 0; i < rows; i++) {
            if (header && random.nextInt(50) == 0) {
                out.append(random.nextBoolean() ? "\r\n" : "\n"); // blank lines are no rows
            }
            String procedure = PROCEDURES.get(random.nextInt(PROCEDURES.size()));
            String date = first.plusDays(random.nextInt(366)).toString();
            if (random.nextInt(10) == 0) {
                date = date.replace('-', '/');
            }
            String channel = channels[random.nextInt(channels.length)];
            if (header) {
                out.append(notes[random.nextInt(notes.length)]).append(',').append(random.nextInt(3) == 0 ? "\"" + channel + "\"" : channel)
                    .append(',').append(i).append(',').append(procedure).append(',').append(date)
                    .append(random.nextBoolean() ? "\r\n" : "\n");
            }
            else {
                out.append(date).append(',').append(procedure).append(',').append(channel).append(',').append(i).append('\n');
            }
        }
        return header ? out.toString() : "received_on,procedure_id,channel,id\n" + out;
    }

    /** Counts per procedure, month and channel with commons-csv, the project's one CSV reader. */
    private static Map<String, Long> countedAnotherWay(Path file, Charset charset) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        try (CSVParser parser = CsvInput.open(file, CsvInput.detect(file))) {
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(record.get("received_on").replace('/', '-'));
                }
                catch (DateTimeParseException ex) {
                    continue;
                }
                if (!FiscalYear.containing(date).equals(FY2023) || !PROCEDURES.contains(record.get("procedure_id"))) {
                    continue;
                }
                counts.merge(record.get("procedure_id") + " " + date.getYear() + "-" + date.getMonthValue() + " "
                        + record.get("channel"), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, Long> cells(ReceiptTally tally) {
        Map<String, Long> counts = new TreeMap<>();
        for (int p = 0; p < tally.procedures(); p++) {
            for (int m = 0; m < ReceiptTally.MONTHS; m++) {
                LocalDate month = FY2023.firstDay().plusMonths(m);
                for (Channel c : Channel.values()) {
                    long n = tally.count(p, m, c);
                    if (n > 0) {
                        counts.put(PROCEDURES.get(p) + " " + month.getYear() + "-" + month.getMonthValue() + " " + c.code(), n);
                    }
                }
            }
        }
        return counts;
    }

    private ReceiptTally countWhole(Path file) throws IOException {
        ReceiptLog log = ReceiptLog.open(file, file.getFileName().toString(), FY2023);
        List<long[]> ranges = log.ranges(Long.MAX_VALUE / 4);
        assertThat(ranges).hasSize(1);
        return log.count(ranges.get(0)[0], ranges.get(0)[1], new ProcedureIndex(PROCEDURES), 5);
    }

    private Path write(String name, String content, Charset charset, boolean gzip, boolean bom) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        try (OutputStream raw = Files.newOutputStream(file); OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
            if (bom) {
                out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
            }
            out.write(content.getBytes(charset));
        }
        return file;
    }

    private static void write(Path input, String name, String content, Charset charset, boolean gzip) throws IOException {
        Path file = input.resolve(name);
        Files.createDirectories(file.getParent());
        try (OutputStream raw = Files.newOutputStream(file); OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
            out.write(content.getBytes(charset));
        }
    }

}
