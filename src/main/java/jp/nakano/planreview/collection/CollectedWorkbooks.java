package jp.nakano.planreview.collection;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.nakano.planreview.input.CsvRow;

/**
 * The rows the returned workbooks of the run in progress report, per input file, between the step that reads
 * the workbooks and the load steps that validate and store them beside the CSV rows. One run at a time uses
 * a process (the run lock), so this holds one run's rows; they are small (a few hundred rows a year).
 */
public final class CollectedWorkbooks {

    private final Map<Long, Map<String, List<WorkbookRow>>> byRun = new ConcurrentHashMap<>();

    private final Map<CsvRow, WorkbookRow> byRow = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

    /** The {@code *.xlsx} files of the input folder, by name; Excel's lock files ({@code ~$…}) are not workbooks. */
    public static List<String> fileNames(Path inputDir) throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(inputDir)) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inputDir, "*.xlsx")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && !name.startsWith("~$") && !name.startsWith(".")) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    void put(long runId, String inputFile, List<WorkbookRow> rows) {
        byRun.computeIfAbsent(runId, r -> new ConcurrentHashMap<>())
            .computeIfAbsent(inputFile, f -> java.util.Collections.synchronizedList(new ArrayList<>()))
            .addAll(rows);
        rows.forEach(row -> byRow.put(row.row(), row));
    }

    /** The rows the workbooks report for an input file in a run, in workbook and row order. */
    public List<CsvRow> rows(long runId, String inputFile) {
        return byRun.getOrDefault(runId, Map.of()).getOrDefault(inputFile, List.of()).stream().map(WorkbookRow::row).toList();
    }

    /** The workbook row a row came from, or {@code null} for a CSV row. */
    public WorkbookRow origin(CsvRow row) {
        return byRow.get(row);
    }

    /** Forgets a run's rows once it has ended. */
    public void clear(long runId) {
        Map<String, List<WorkbookRow>> rows = byRun.remove(runId);
        if (rows != null) {
            rows.values().forEach(list -> list.forEach(row -> byRow.remove(row.row())));
        }
    }

}
