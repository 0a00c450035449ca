package jp.nakano.planreview.collection;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import jp.nakano.planreview.collection.CollectionSheets.Column;
import jp.nakano.planreview.collection.CollectionSheets.Kind;
import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.eprocedure.EProcedureFigureRow;
import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.Severity;
import jp.nakano.planreview.input.CsvRow;
import jp.nakano.planreview.input.RejectedRowException.Problem;
import jp.nakano.planreview.measures.KpiExplanationRow;
import jp.nakano.planreview.measures.MeasureReportRow;
import jp.nakano.planreview.plan.KpiActualRow;

/**
 * Reads a returned collection workbook as the values Excel (or LibreOffice) saved, never re-evaluating a
 * formula: the filled rows become rows of the input format, to be validated by the same rules as the CSV
 * files, and everything that does not fit the template as it was sent becomes a finding naming the workbook,
 * the sheet and the cell. Plain Java: no framework types.
 */
public final class CollectionWorkbookReader {

    private static final Pattern YEAR_IN_NAME = Pattern.compile("FY(\\d{4})");

    /** How far down the guide sheet the cover labels are looked for when rows were inserted above them. */
    private static final int COVER_SEARCH_ROWS = 40;

    private final DataFormatter formatter = new DataFormatter(java.util.Locale.JAPAN);

    /** Reads one workbook; never throws for its content, only findings. */
    public CollectedWorkbook read(Path file) {
        String name = file.getFileName().toString();
        List<Finding> findings = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            return read(name, workbook, findings);
        }
        catch (IOException | RuntimeException ex) {
            findings.add(Finding.of(Severity.ERROR, "collection.unreadable", name, null, null, null,
                    "調査票として開けない（" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                            + "）。Excel で開けるか確認し、.xlsx 形式で保存し直して再提出してもらう。この調査票は読み込まない"));
            return new CollectedWorkbook(name, null, null, null, null, null, Map.of(), findings, false);
        }
    }

    private CollectedWorkbook read(String name, Workbook workbook, List<Finding> findings) {
        Map<String, String> meta = meta(workbook);
        if (!CollectionSheets.FORMAT.equals(meta.get(WorkbookMeta.FORMAT))) {
            findings.add(Finding.of(Severity.ERROR, "collection.not-a-template", name, null, null, null,
                    "plan-review の template で作った調査票ではない（非表示の管理シート「" + CollectionSheets.META
                            + "」がない）。送付した調査票に記入してもらう。この調査票は読み込まない"));
            return new CollectedWorkbook(name, null, null, null, null, null, Map.of(), findings, false);
        }
        int year = Integer.parseInt(meta.get(WorkbookMeta.FISCAL_YEAR));
        String department = meta.get(WorkbookMeta.DEPARTMENT);
        String[] cover = cover(name, workbook, findings);
        Matcher named = YEAR_IN_NAME.matcher(name);
        boolean usable = true;
        if (named.find() && Integer.parseInt(named.group(1)) != year) {
            findings.add(Finding.of(Severity.ERROR, "collection.other-year", name, null, null, "FY" + year,
                    "ファイル名は FY" + named.group(1) + " だが、中身は FY" + year + " の調査票（" + department
                            + "）。前年度の調査票を使っていないか確認し、" + CollectionSheets.fileName(Integer.parseInt(named.group(1)),
                                    department) + " の調査票に記入してもらう。この調査票は読み込まない"));
            usable = false;
        }
        else if (!name.contains(department) && !name.contains(CollectionSheets.fileName(year, department).replace(".xlsx", ""))) {
            findings.add(Finding.of(Severity.ERROR, "collection.other-department", name, null, null, department,
                    "ファイル名の部署と調査票の部署（" + department + "）が違う。他の部署の調査票に記入していないか確認する。"
                            + "正しければファイル名を " + CollectionSheets.fileName(year, department)
                            + " に戻す。この調査票は読み込まない"));
            usable = false;
        }
        Map<String, List<WorkbookRow>> rows = new LinkedHashMap<>();
        if (usable) {
            Cover reporter = new Cover(department, cover[0], cover[2]);
            kpis(name, workbook, meta, year, reporter, findings, rows);
            items(name, workbook, meta, year, reporter, findings, rows);
            eprocedures(name, workbook, meta, year, department, findings, rows);
            if (rows.values().stream().allMatch(List::isEmpty) && findings.stream().noneMatch(f -> f.severity() == Severity.ERROR)) {
                findings.add(Finding.of(Severity.WARNING, "collection.unfilled", name, null, null, null,
                        "記入されたセルが一つもない（送付したままの調査票）。" + department + "に記入を依頼する"));
            }
            if (cover[1] == null) {
                findings.add(Finding.of(Severity.WARNING, "collection.unconfirmed", name, null,
                        CollectionSheets.GUIDE + "!B" + CollectionSheets.CHECKED_BY_ROW, "",
                        "確認者（課長）が記入されていない。数値は読み込むが、課長の確認を受けたか" + department + "に確かめる"));
            }
        }
        return new CollectedWorkbook(name, department, year, cover[0], cover[1], cover[2], rows, findings, usable);
    }

    private Map<String, String> meta(Workbook workbook) {
        Map<String, String> meta = new LinkedHashMap<>();
        Sheet sheet = workbook.getSheet(CollectionSheets.META);
        if (sheet == null) {
            return meta;
        }
        for (Row row : sheet) {
            Cell key = row.getCell(0);
            Cell value = row.getCell(1);
            if (key != null) {
                meta.put(formatter.formatCellValue(key), value == null ? "" : formatter.formatCellValue(value));
            }
        }
        return meta;
    }

    /** 記入者, 確認者, 提出日 from the guide sheet, found by their labels even when rows were inserted above. */
    private String[] cover(String name, Workbook workbook, List<Finding> findings) {
        String[] values = new String[3];
        Sheet sheet = workbook.getSheet(CollectionSheets.GUIDE);
        if (sheet == null) {
            findings.add(Finding.of(Severity.WARNING, "collection.sheet-missing", name, null, CollectionSheets.GUIDE, null,
                    "シート「" + CollectionSheets.GUIDE + "」がない（名前を変えたか削除した）。記入者・確認者・提出日がわからない"));
            findings.add(Finding.of(Severity.WARNING, "collection.unconfirmed", name, null, CollectionSheets.GUIDE, "",
                    "確認者（課長）がわからない。数値は読み込むが、課長の確認を受けたか確かめる"));
            values[1] = "";
            return values;
        }
        String[] labels = { CollectionSheets.FILLED_BY_LABEL, CollectionSheets.CHECKED_BY_LABEL, CollectionSheets.SUBMITTED_LABEL };
        int[] expected = { CollectionSheets.FILLED_BY_ROW, CollectionSheets.CHECKED_BY_ROW, CollectionSheets.SUBMITTED_ROW };
        for (int i = 0; i < labels.length; i++) {
            Integer found = null;
            for (int r = 0; r < COVER_SEARCH_ROWS && found == null; r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getCell(0) != null && labels[i].equals(formatter.formatCellValue(row.getCell(0)).strip())) {
                    found = r;
                }
            }
            if (found == null) {
                findings.add(Finding.of(Severity.WARNING, "collection.layout-changed", name, null,
                        CollectionSheets.GUIDE + "!A" + expected[i], null, "「" + labels[i] + "」の欄が見つからない"));
                continue;
            }
            if (found != expected[i] - 1) {
                findings.add(Finding.of(Severity.WARNING, "collection.layout-changed", name, (long) found + 1,
                        CollectionSheets.GUIDE + "!A" + (found + 1), labels[i], "「" + labels[i] + "」の欄が "
                                + CollectionSheets.GUIDE + "!A" + expected[i] + " から A" + (found + 1)
                                + " に移っている（行の挿入・削除）。その右のセルを読む"));
            }
            Cell cell = sheet.getRow(found).getCell(1);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                continue;
            }
            if (i == 2 && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                values[i] = cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            else {
                String text = formatter.formatCellValue(cell).strip();
                values[i] = text.isEmpty() ? null : text;
            }
        }
        return values;
    }

    /** A filled row of a data sheet: its id, its input cells as the format's fields, and where each came from. */
    private record SheetRow(String sheet, String id, long line, Map<String, String> values, Map<String, String> refs,
            List<Problem> problems, List<String> shown) {

        boolean touches(List<String> fields) {
            return fields.stream().anyMatch(f -> values.containsKey(f) || problems.stream().anyMatch(p -> p.field().equals(f)));
        }

        /** The row for one input file: the given fields of this row and the problems of their cells. */
        WorkbookRow as(String workbook, List<String> fields, Map<String, String> added, Map<String, String> addedRefs) {
            Map<String, String> cells = new LinkedHashMap<>();
            Map<String, String> where = new LinkedHashMap<>();
            for (String field : fields) {
                if (values.containsKey(field)) {
                    cells.put(field, values.get(field));
                }
                if (refs.containsKey(field)) {
                    where.put(field, refs.get(field));
                }
            }
            cells.putAll(added);
            where.putAll(addedRefs);
            List<Problem> own = problems.stream().filter(p -> fields.contains(p.field())).toList();
            String raw = sheet + " 行" + line + " " + id + ": " + String.join(", ", shown);
            return new WorkbookRow(new CsvRow(workbook + " " + sheet, line, cells, raw, cells.size(), cells.size()), where,
                    own);
        }

    }

    /** 記入者 and 提出日 as the reports of a workbook carry them, with the cells they come from. */
    private record Cover(String department, String filledBy, String submitted) {

        Map<String, String> reporter() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("reported_by", filledBy == null ? department : department + " " + filledBy);
            if (submitted != null) {
                values.put("reported_on", submitted);
            }
            return values;
        }

        static Map<String, String> refs() {
            return Map.of("reported_by", CollectionSheets.GUIDE + "!B" + CollectionSheets.FILLED_BY_ROW, "reported_on",
                    CollectionSheets.GUIDE + "!B" + CollectionSheets.SUBMITTED_ROW);
        }

    }

    private void kpis(String name, Workbook workbook, Map<String, String> meta, int year, Cover cover,
            List<Finding> findings, Map<String, List<WorkbookRow>> out) {
        Set<String> percentScale = ids(meta.get(WorkbookMeta.PERCENT_SCALE));
        List<WorkbookRow> actuals = new ArrayList<>();
        List<WorkbookRow> explanations = new ArrayList<>();
        for (SheetRow row : sheetRows(name, workbook, CollectionSheets.KPIS, CollectionSheets.KPI_COLUMNS,
                ids(meta.get(WorkbookMeta.KPIS)), findings)) {
            String status = row.values().get("status");
            if ("確定値".equals(status) || "確定".equals(status)) {
                row.values().put("status", "final");
            }
            else if ("速報値".equals(status) || "速報".equals(status)) {
                row.values().put("status", "provisional");
            }
            String value = row.values().get("value");
            if (value != null && percentScale.contains(row.id())) {
                BigDecimal number = new BigDecimal(value);
                if (number.signum() > 0 && number.compareTo(BigDecimal.ONE) < 0) {
                    String percent = Decimals.plain(number.movePointRight(2));
                    row.problems().add(new Problem("value", value, row.refs().get("value") + ": " + value
                            + " は割合を小数で入れたように見える（この指標は % で、これまでの値は 1 以上）。" + percent
                            + "% なら " + percent + " と入力する"));
                    row.values().remove("value");
                }
            }
            Map<String, String> key = Map.of("kpi_id", row.id(), "fiscal_year", Integer.toString(year));
            if (row.touches(CollectionSheets.KPI_ACTUAL_FIELDS)) {
                actuals.add(row.as(name, CollectionSheets.KPI_ACTUAL_FIELDS, key, Map.of()));
            }
            if (row.touches(CollectionSheets.KPI_EXPLANATION_FIELDS)) {
                Map<String, String> added = new LinkedHashMap<>(key);
                added.putAll(cover.reporter());
                added.put("source", name + " " + CollectionSheets.KPIS);
                explanations.add(row.as(name, CollectionSheets.KPI_EXPLANATION_FIELDS, added, Cover.refs()));
            }
        }
        out.put(KpiActualRow.PARSER.fileName(), actuals);
        out.put(KpiExplanationRow.PARSER.fileName(), explanations);
    }

    private void items(String name, Workbook workbook, Map<String, String> meta, int year, Cover cover,
            List<Finding> findings, Map<String, List<WorkbookRow>> out) {
        List<WorkbookRow> reports = new ArrayList<>();
        List<String> fields = CollectionSheets.ITEM_COLUMNS.stream().filter(Column::input).map(Column::field).toList();
        for (SheetRow row : sheetRows(name, workbook, CollectionSheets.ITEMS, CollectionSheets.ITEM_COLUMNS,
                ids(meta.get(WorkbookMeta.ITEMS)), findings)) {
            Map<String, String> added = new LinkedHashMap<>();
            added.put("item_id", row.id());
            added.put("fiscal_year", Integer.toString(year));
            added.putAll(cover.reporter());
            added.put("source", name + " " + CollectionSheets.ITEMS);
            reports.add(row.as(name, fields, added, Cover.refs()));
        }
        out.put(MeasureReportRow.PARSER.fileName(), reports);
    }

    private void eprocedures(String name, Workbook workbook, Map<String, String> meta, int year, String department,
            List<Finding> findings, Map<String, List<WorkbookRow>> out) {
        List<WorkbookRow> rows = new ArrayList<>();
        List<String> fields = CollectionSheets.EPROCEDURE_COLUMNS.stream().map(Column::field)
            .filter(java.util.Objects::nonNull).toList();
        for (SheetRow row : sheetRows(name, workbook, CollectionSheets.EPROCEDURES, CollectionSheets.EPROCEDURE_COLUMNS,
                ids(meta.get(WorkbookMeta.EPROCEDURES)), findings)) {
            Map<String, String> added = new LinkedHashMap<>();
            added.put("fiscal_year", Integer.toString(year));
            added.put("department", department);
            added.put("source", name + " " + CollectionSheets.EPROCEDURES + "（" + department + "の報告）");
            rows.add(row.as(name, fields, added, Map.of()));
        }
        out.put(EProcedureFigureRow.PARSER.fileName(), rows);
    }

    private List<SheetRow> sheetRows(String name, Workbook workbook, String sheetName, List<Column> columns,
            Set<String> sent, List<Finding> findings) {
        List<SheetRow> rows = new ArrayList<>();
        Sheet sheet = workbook.getSheet(sheetName);
        if (sheet == null) {
            if (!sent.isEmpty()) {
                findings.add(Finding.of(Severity.ERROR, "collection.sheet-missing", name, null, sheetName, null,
                        "シート「" + sheetName + "」がない（名前を変えたか削除した）。シートは今 "
                                + sheetNames(workbook) + "。送付したときの名前に戻してもらう。このシートの" + sent.size()
                                + "行は読み込まない"));
            }
            return rows;
        }
        if (!headingsMatch(name, sheet, sheetName, columns, findings)) {
            return rows;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int r = CollectionSheets.HEADING_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            String id = text(row.getCell(0));
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> refs = new LinkedHashMap<>();
            List<Problem> problems = new ArrayList<>();
            boolean filled = false;
            List<String> shown = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                Cell cell = row.getCell(c);
                String ref = sheetName + "!" + CollectionSheets.letter(c) + (r + 1);
                if (column.input() && !blank(cell)) {
                    filled = true;
                    shown.add(CollectionSheets.letter(c) + (r + 1) + "=" + formatter.formatCellValue(cell));
                }
                if (column.field() == null) {
                    continue;
                }
                refs.put(column.field(), ref);
                String value = column.input() ? value(cell, column, ref, problems) : text(cell);
                if (value != null) {
                    values.put(column.field(), value);
                }
            }
            if (id == null) {
                if (filled || !rowBlank(row, columns.size())) {
                    findings.add(new Finding(Severity.ERROR, "collection.row-inserted", name + " " + sheetName, (long) r + 1,
                            sheetName + "!A" + (r + 1), String.join(", ", shown),
                            sheetName + " の " + (r + 1) + " 行目は送付した調査票にない行（ID がない。行を挿入したか、ID を消した）。"
                                    + "この行の記入は読み込まない。指標・手続の行に記入し直してもらう", String.join(", ", shown)));
                }
                continue;
            }
            if (!sent.contains(id)) {
                findings.add(new Finding(Severity.ERROR, "collection.row-inserted", name + " " + sheetName, (long) r + 1,
                        sheetName + "!A" + (r + 1), id, sheetName + " の " + (r + 1) + " 行目の ID「" + id
                                + "」は送付した調査票にない（行をコピーして挿入したか、ID を書き換えた）。この行の記入は読み込まない",
                        String.join(", ", shown)));
                continue;
            }
            seen.add(id);
            if (filled) {
                rows.add(new SheetRow(sheetName, id, r + 1L, values, refs, problems, shown));
            }
        }
        Set<String> missing = new LinkedHashSet<>(sent);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            findings.add(Finding.of(Severity.WARNING, "collection.row-deleted", name + " " + sheetName, null, sheetName,
                    String.join(", ", missing), sheetName + " から送付した行が消えている（" + String.join(", ", missing)
                            + "）。削除した行の実績は報告されていない扱いになる"));
        }
        return rows;
    }

    /** The headings as sent, cell by cell: an inserted, deleted or moved column stops the sheet being read. */
    private boolean headingsMatch(String name, Sheet sheet, String sheetName, List<Column> columns, List<Finding> findings) {
        Row heading = sheet.getRow(CollectionSheets.HEADING_ROW - 1);
        for (int c = 0; c < columns.size(); c++) {
            String found = heading == null ? null : text(heading.getCell(c));
            if (!columns.get(c).heading().equals(found)) {
                String ref = sheetName + "!" + CollectionSheets.letter(c) + CollectionSheets.HEADING_ROW;
                findings.add(Finding.of(Severity.ERROR, "collection.layout-changed", name + " " + sheetName,
                        (long) CollectionSheets.HEADING_ROW, ref, found == null ? "" : found,
                        ref + " の見出しは「" + columns.get(c).heading() + "」のはずが「" + (found == null ? "" : found)
                                + "」（列か行を挿入・削除した）。どのセルが何かわからないため、このシートは読み込まない。"
                                + "送付した調査票に記入し直してもらう"));
                return false;
            }
        }
        if (heading != null && heading.getLastCellNum() > columns.size()) {
            for (int c = columns.size(); c < heading.getLastCellNum(); c++) {
                String extra = text(heading.getCell(c));
                if (extra != null) {
                    String ref = sheetName + "!" + CollectionSheets.letter(c) + CollectionSheets.HEADING_ROW;
                    findings.add(Finding.of(Severity.WARNING, "collection.extra-column", name + " " + sheetName,
                            (long) CollectionSheets.HEADING_ROW, ref, extra, ref + " に送付した調査票にない列「" + extra
                                    + "」がある。この列の記入は読み込まない"));
                }
            }
        }
        return true;
    }

    /**
     * The value of an input cell as the input format's text, or {@code null} with a problem when the cell holds
     * something the format cannot take as it is: an error value, a number stored as text, a date, a % format.
     */
    private String value(Cell cell, Column column, String ref, List<Problem> problems) {
        if (blank(cell)) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        boolean numeric = column.kind() == Kind.NUMBER || column.kind() == Kind.COUNT;
        String shown = formatter.formatCellValue(cell);
        switch (type) {
            case ERROR -> {
                String error = FormulaError.forInt(cell.getErrorCellValue()).getString();
                problems.add(new Problem(column.field(), error, ref + ": エラー値 " + error
                        + " が入っている（計算式の結果）。値を入力し直す"));
                return null;
            }
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    String date = cell.getLocalDateTimeCellValue().toLocalDate().toString();
                    if (numeric || column.kind() == Kind.CHOICE) {
                        problems.add(new Problem(column.field(), date, ref + ": 日付（" + date + "）が入っている。"
                                + (numeric ? "数値のセルには数値を入れる（セルの書式が日付になっていないか）" : "一覧から選ぶ")));
                        return null;
                    }
                    return date;
                }
                BigDecimal number = Decimals.normalise(BigDecimal.valueOf(cell.getNumericCellValue()));
                String format = cell.getCellStyle() == null ? "" : cell.getCellStyle().getDataFormatString();
                if (numeric && format != null && format.contains("%")) {
                    problems.add(new Problem(column.field(), shown, ref + ": 「" + shown + "」はパーセント書式で、保存された値は "
                            + number.toPlainString() + "。" + Decimals.plain(number.movePointRight(2)) + " のように % を付けずに入力する"));
                    return null;
                }
                return number.toPlainString();
            }
            case STRING -> {
                String text = cell.getStringCellValue().strip();
                if (numeric) {
                    problems.add(new Problem(column.field(), text, ref + ": 数値ではなく文字列「" + text
                            + "」が入っている（書式が文字列のセルか、先頭に ' が付いている）。数値として入力し直す"));
                    return null;
                }
                return text.isEmpty() ? null : text;
            }
            case BOOLEAN -> {
                if (numeric) {
                    problems.add(new Problem(column.field(), shown, ref + ": 数値ではなく " + shown + " が入っている"));
                    return null;
                }
                return cell.getBooleanCellValue() ? "true" : "false";
            }
            default -> {
                return null;
            }
        }
    }

    private String text(Cell cell) {
        if (blank(cell)) {
            return null;
        }
        String text = formatter.formatCellValue(cell).strip();
        return text.isEmpty() ? null : text;
    }

    private static boolean blank(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return true;
        }
        return cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank();
    }

    private static boolean rowBlank(Row row, int width) {
        for (int c = 0; c < Math.max(width, row.getLastCellNum()); c++) {
            if (!blank(row.getCell(c))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> ids(String list) {
        return list == null || list.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(list.split(",")));
    }

    private static String sheetNames(Workbook workbook) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                names.add("「" + workbook.getSheetName(i) + "」");
            }
        }
        return String.join("", names);
    }

}
