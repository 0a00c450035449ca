package jp.nakano.planreview.collection;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.nakano.planreview.attainment.AttainmentCalculator;
import jp.nakano.planreview.attainment.KpiSpec;
import jp.nakano.planreview.attainment.TargetPoint;
import jp.nakano.planreview.attainment.Thresholds;
import jp.nakano.planreview.collection.CollectionSheets.Column;
import jp.nakano.planreview.collection.CollectionSheets.Kind;
import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.eprocedure.EProcedureFigureRow;
import jp.nakano.planreview.measures.MeasureActivityRow;
import jp.nakano.planreview.measures.MeasureItemRow;
import jp.nakano.planreview.measures.Owner;
import jp.nakano.planreview.plan.KpiActualRow;
import jp.nakano.planreview.plan.KpiRow;
import jp.nakano.planreview.plan.KpiTargetRow;
import jp.nakano.planreview.plan.PlanEnums.BaselineStatus;
import jp.nakano.planreview.plan.PlanEnums.FigureStatus;
import jp.nakano.planreview.plan.PlanEnums.TargetKind;
import jp.nakano.planreview.plan.MeasureRow;
import jp.nakano.planreview.plan.PhaseRow;
import jp.nakano.planreview.plan.PlanRow;
import jp.nakano.planreview.report.KpiFigures;
import jp.nakano.planreview.report.SheetLayout;

/**
 * Writes the collection workbooks (調査票) of a fiscal year, one per department: the department's KPIs and
 * e-procedure rows with what is known of them, and yellow, unlocked, validated cells for what it reports.
 * A KPI or e-procedure row without a department goes to the DX office's workbook.
 */
public final class CollectionTemplate {

    /** When {@code plans.csv} gives no issuer for the year's plan. */
    static final String DEFAULT_DX_OFFICE = "DX推進担当";

    private static final Pattern SECTION = Pattern.compile("([^部室局]+[課室])$");

    /** One workbook written. */
    public record Written(String department, Path file, int kpis, int items, int eprocedureRows) {
    }

    private final TemplateSource source;

    private final FiscalYear year;

    private final LocalDate due;

    public CollectionTemplate(TemplateSource source, FiscalYear year, LocalDate due) {
        this.source = source;
        this.year = year;
        this.due = due;
    }

    /** The default deadline: the end of May after the fiscal year, when the year's figures are known. */
    public static LocalDate defaultDue(FiscalYear year) {
        return LocalDate.of(year.year() + 1, 5, 31);
    }

    /** The DX office of the year: the section that issued the plan of the year ({@code 情報システム課}). */
    public String dxOffice() {
        return source.plans().stream()
            .filter(p -> covers(p, year) && p.issuer() != null)
            .map(p -> {
                Matcher m = SECTION.matcher(p.issuer());
                return m.find() ? m.group(1) : p.issuer();
            })
            .findFirst()
            .orElse(DEFAULT_DX_OFFICE);
    }

    /** The departments that get a workbook, the DX office first. */
    public List<String> departments() {
        Set<String> all = new LinkedHashSet<>();
        all.add(dxOffice());
        kpis().forEach(k -> all.add(department(k)));
        items().forEach(i -> all.add(department(i)));
        eprocedureRows().forEach(r -> all.add(department(r)));
        List<String> sorted = new ArrayList<>(all);
        sorted.subList(1, sorted.size()).sort(Comparator.naturalOrder());
        return sorted;
    }

    /** Writes the workbooks of every department, or of {@code only}, into {@code folder}. */
    public List<Written> write(Path folder, String only) throws IOException {
        Files.createDirectories(folder);
        List<Written> written = new ArrayList<>();
        for (String department : departments()) {
            if (only != null && !only.equals(department)) {
                continue;
            }
            written.add(writeOne(folder, department));
        }
        return written;
    }

    private Written writeOne(Path folder, String department) throws IOException {
        List<KpiRow> kpis = kpis().stream().filter(k -> department.equals(department(k))).toList();
        List<MeasureItemRow> items = items().stream().filter(i -> department.equals(department(i))).toList();
        List<EProcedureFigureRow> rows = eprocedureRows().stream().filter(r -> department.equals(department(r))).toList();
        Path file = folder.resolve(CollectionSheets.fileName(year.year(), department));
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            guide(workbook, styles, department, kpis.size(), items.size(), rows.size());
            // a sheet with nothing to report is left out: an empty sheet only makes a department ask what to do
            if (!kpis.isEmpty()) {
                kpiSheet(workbook, styles, department, kpis);
            }
            if (!items.isEmpty()) {
                itemSheet(workbook, styles, department, items);
            }
            if (!rows.isEmpty()) {
                eprocedureSheet(workbook, styles, department, rows);
            }
            meta(workbook, department, kpis, items, rows);
            workbook.setActiveSheet(0);
            // written beside, then renamed: a half-written workbook never has the name a department gets
            Path temp = folder.resolve("." + file.getFileName() + ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    workbook.write(out);
                }
                Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            finally {
                Files.deleteIfExists(temp);
            }
        }
        return new Written(department, file, kpis.size(), items.size(), rows.size());
    }

    // --- what goes in ---

    /** The KPIs the departments report: those of the plans of the year whose actual is not computed. */
    List<KpiRow> kpis() {
        Set<String> plans = source.plans().stream().filter(p -> covers(p, year)).map(PlanRow::planId)
            .collect(Collectors.toSet());
        return source.kpis().stream()
            .filter(k -> k.planId() != null && plans.contains(k.planId()) && k.derivedFrom() == null)
            .sorted(Comparator.comparing(KpiRow::planId).thenComparingInt(KpiRow::seq))
            .toList();
    }

    /**
     * The e-procedure rows to report: every row id of an earlier year, as last published (its latest year), in
     * the plan's order: the ward total, then each system followed by its procedures and 上記以外.
     */
    List<EProcedureFigureRow> eprocedureRows() {
        Map<String, EProcedureFigureRow> latest = new LinkedHashMap<>();
        for (EProcedureFigureRow row : source.eprocedures()) {
            if (row.fiscalYear().compareTo(year) < 0) {
                latest.merge(row.rowId(), row, (a, b) -> a.fiscalYear().compareTo(b.fiscalYear()) >= 0 ? a : b);
            }
        }
        Map<String, EProcedureFigureRow> byId = latest;
        Comparator<EProcedureFigureRow> order = Comparator
            .comparingInt((EProcedureFigureRow r) -> r.level() == EProcedureFigureRow.Level.TOTAL ? 0 : 1)
            .thenComparingInt(r -> systemOf(byId, r).seq())
            .thenComparing(r -> systemOf(byId, r).rowId())
            .thenComparingInt(r -> r.parentId() == null ? 0 : r.level() == EProcedureFigureRow.Level.OTHER ? 2 : 1)
            .thenComparingInt(EProcedureFigureRow::seq)
            .thenComparing(EProcedureFigureRow::rowId);
        return latest.values().stream().sorted(order).toList();
    }

    private static EProcedureFigureRow systemOf(Map<String, EProcedureFigureRow> byId, EProcedureFigureRow row) {
        EProcedureFigureRow parent = row.parentId() == null ? null : byId.get(row.parentId());
        return parent == null ? row : parent;
    }

    private String department(KpiRow kpi) {
        String department = source.departments().get(kpi.kpiId());
        return department == null ? dxOffice() : department;
    }

    /**
     * The 取組事項 the departments report on: the ward's own items of the plans of the year. A (国) or (都) row
     * is another government's schedule, and a repeated (再掲) row is reported once, on its original.
     */
    List<MeasureItemRow> items() {
        Set<String> plans = source.plans().stream().filter(p -> covers(p, year)).map(PlanRow::planId)
            .collect(Collectors.toSet());
        Set<String> measures = source.measures().stream().filter(m -> plans.contains(m.planId()))
            .map(MeasureRow::measureId).collect(Collectors.toSet());
        return source.items().stream()
            .filter(i -> measures.contains(i.measureId()) && i.owner() == Owner.WARD && i.repeatOf() == null)
            .toList();
    }

    /** The lead department of an item: the first 関連部署 of the item, or else of its 実施内容. */
    private String department(MeasureItemRow item) {
        String listed = item.departments();
        if (listed == null && item.activityId() != null) {
            listed = source.activities().stream().filter(a -> a.activityId().equals(item.activityId()))
                .map(MeasureActivityRow::departments).findFirst().orElse(null);
        }
        String lead = lead(listed);
        return lead == null ? dxOffice() : lead;
    }

    /** 情報システム課 of 「情報システム課、手続所管課」; 地域活動推進課 of 「地域活動推進課(区民活動センター)、…」. */
    static String lead(String departments) {
        if (departments == null || departments.isBlank()) {
            return null;
        }
        String first = departments.split("[、,]")[0].replaceAll("[（(].*$", "").strip();
        return first.isEmpty() ? null : first;
    }

    private String activityDepartments(MeasureItemRow item) {
        if (item.departments() != null) {
            return item.departments();
        }
        return source.activities().stream().filter(a -> a.activityId().equals(item.activityId()))
            .map(MeasureActivityRow::departments).findFirst().orElse("");
    }

    private String department(EProcedureFigureRow row) {
        return row.department() == null ? dxOffice() : row.department();
    }

    private static boolean covers(PlanRow plan, FiscalYear year) {
        return plan.firstFy().compareTo(year) <= 0 && plan.lastFy().compareTo(year) >= 0;
    }

    // --- the sheets ---

    private void guide(XSSFWorkbook workbook, Styles s, String department, int kpis, int items, int rows) {
        XSSFSheet sheet = workbook.createSheet(CollectionSheets.GUIDE);
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 100 * 256);
        text(sheet, 0, 0, year.japanese() + "（" + year.year() + "年度） 計画の進行管理 実績調査票", s.title);
        text(sheet, 1, 0, "部署", s.label);
        text(sheet, 1, 1, department, s.fixed);
        text(sheet, 2, 0, "提出期限", s.label);
        text(sheet, 2, 1, due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日（"
                + "期限までに提出できないときは" + dxOffice() + "へ連絡してください）", s.fixed);
        text(sheet, 3, 0, "問合せ先", s.label);
        text(sheet, 3, 1, dxOffice() + "（この調査票の送付元）", s.fixed);
        cover(sheet, s, CollectionSheets.FILLED_BY_ROW, CollectionSheets.FILLED_BY_LABEL, s.inputText);
        cover(sheet, s, CollectionSheets.CHECKED_BY_ROW, CollectionSheets.CHECKED_BY_LABEL, s.inputText);
        cover(sheet, s, CollectionSheets.SUBMITTED_ROW, CollectionSheets.SUBMITTED_LABEL, s.inputDate);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        validate(sheet, helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                "DATE(" + year.firstDay().getYear() + ",4,1)", "DATE(" + (year.year() + 2) + ",3,31)", "yyyy-mm-dd"),
                CollectionSheets.SUBMITTED_ROW - 1, CollectionSheets.SUBMITTED_ROW - 1, 1,
                "提出日", "日付を入力してください（例 " + due + "）");
        List<String> lines = new ArrayList<>();
        lines.add("記入方法");
        lines.add("黄色のセルだけに記入してください。ほかのセルは誤って消さないよう保護しています（パスワードはありません）。"
                + "行や列を挿入・削除したり、シート名を変えたりしないでください。調査票はこの形のまま読み込みます。");
        if (kpis > 0) {
            lines.add("「" + CollectionSheets.KPIS + "」シート（" + kpis + "件）: " + year.japanese() + "の実績値を数値で入力し、"
                    + "確定値か速報値かを選び、出典（資料名・集計方法）を書いてください。目安に届かないときは要因分析と今後の方向性も書いてください。"
                    + "パーセントの指標は 62.3 のように「%」を付けずに入力します（0.623 や 62.3% ではありません）。");
        }
        if (items > 0) {
            lines.add("「" + CollectionSheets.ITEMS + "」シート（" + items + "件）: 状況を一覧から選び、実績・課題・今後の方向性を書いてください。"
                    + "遅れ・未着手・中止のときは、課題にその理由を、今後の方向性に対応を必ず書いてください。");
        }
        if (rows > 0) {
            lines.add("「" + CollectionSheets.EPROCEDURES + "」シート（" + rows + "行）: " + year.japanese() + "（" + year.year()
                    + "年4月〜" + (year.year() + 1) + "年3月）の手続数・電子受付件数・全受付件数を整数で入力し、"
                    + "オンライン対応・書かない窓口を ○ か × で選んでください。");
        }
        lines.add("わからない数値は空欄のままにしてください。0 と書かないでください（空欄は「把握していない」、0 は「0件」です）。"
                + "報告することがない行も空欄のままで構いません。");
        lines.add("数値は数値として入力してください。「約」「万」などの文字、日付、計算式のエラー（#DIV/0! など）は読み込めません。");
        lines.add("記入が終わったら課長の確認を受け、記入者・確認者・提出日を上の黄色のセルに記入して、ファイル名を変えずに"
                + dxOffice() + "へ提出してください。");
        lines.add("提出後に" + dxOffice() + "から修正をお願いすることがあります。そのときは同じファイルを直して再提出してください。");
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, i + ". " + lines.get(i));
        }
        for (int i = 0; i < lines.size(); i++) {
            Cell cell = text(sheet, 9 + i, 0, lines.get(i), i == 0 ? s.label : s.plain);
            sheet.addMergedRegion(new CellRangeAddress(9 + i, 9 + i, 0, 1));
            // about 60 characters a line over the merged width
            cell.getRow().setHeightInPoints(i == 0 ? 18 : 14 * ((lines.get(i).length() + 59) / 60) + 4);
        }
        protect(sheet);
        print(sheet, department, null);
    }

    private static void cover(XSSFSheet sheet, Styles s, int row, String label, CellStyle input) {
        text(sheet, row - 1, 0, label, s.label);
        Cell cell = cell(sheet, row - 1, 1);
        cell.setCellStyle(input);
        cell.getRow().setHeightInPoints(20);
    }

    private void kpiSheet(XSSFWorkbook workbook, Styles s, String department, List<KpiRow> kpis) {
        XSSFSheet sheet = workbook.createSheet(CollectionSheets.KPIS);
        header(sheet, s, CollectionSheets.KPI_COLUMNS, year.japanese() + " 成果指標の実績 — " + department,
                "黄色のセルに" + year.japanese() + "の実績を記入してください。パーセントは 62.3 のように入力します（% は付けない）。"
                        + "実績がまだない指標は空欄のままにしてください。");
        Map<String, String> planNames = source.plans().stream()
            .collect(Collectors.toMap(PlanRow::planId, PlanRow::name, (a, b) -> a));
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int r = CollectionSheets.HEADING_ROW;
        for (KpiRow kpi : kpis) {
            List<KpiTargetRow> targets = source.targets().stream().filter(t -> t.kpiId().equals(kpi.kpiId())).toList();
            KpiActualRow before = source.actuals().stream()
                .filter(a -> a.kpiId().equals(kpi.kpiId()) && a.fiscalYear().equals(year.previous()))
                .findFirst().orElse(null);
            Row row = sheet.createRow(r);
            int c = 0;
            text(sheet, r, c++, kpi.kpiId(), s.id);
            text(sheet, r, c++, planNames.getOrDefault(kpi.planId(), kpi.planId()), s.fixed);
            text(sheet, r, c++, kpi.name(), s.fixed);
            text(sheet, r, c++, kpi.denominator() == null ? kpi.unit() : kpi.unit() + "（" + Decimals.plain(kpi.denominator())
                    + "のうち）", s.fixed);
            text(sheet, r, c++, kpi.definition() == null ? "" : kpi.definition(), s.fixed);
            text(sheet, r, c++, baseline(kpi), s.fixed);
            text(sheet, r, c++, target(kpi, targets), s.fixed);
            text(sheet, r, c++, expected(kpi, targets), s.fixedRight);
            text(sheet, r, c++, before == null ? "（未報告）"
                    : KpiFigures.value(before.value(), kpi.unit(), kpi.denominator(), decimals(kpi))
                            + (before.status() == FigureStatus.PROVISIONAL ? "（速報）" : ""), s.fixedRight);
            for (; c < CollectionSheets.KPI_COLUMNS.size(); c++) {
                Column column = CollectionSheets.KPI_COLUMNS.get(c);
                cell(sheet, r, c).setCellStyle(column.kind() == Kind.NUMBER ? s.inputNumber : s.inputText);
            }
            row.setHeightInPoints(height(row, CollectionSheets.KPI_COLUMNS));
            int value = CollectionSheets.KPI_COLUMNS.indexOf(column("value", CollectionSheets.KPI_COLUMNS));
            if ("%".equals(kpi.unit())) {
                validate(sheet, helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0", "100"),
                        r, r, value, "パーセント", "0〜100 の数値で入力してください（62.3% は 62.3）");
            }
            else if (kpi.denominator() != null) {
                validate(sheet, helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0",
                        Decimals.plain(kpi.denominator())), r, r, value, "件数",
                        "0〜" + Decimals.plain(kpi.denominator()) + " の整数で入力してください");
            }
            else {
                validate(sheet, helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                        "-1000000000000000", "1000000000000000"), r, r, value, "数値", "数値で入力してください（文字は入れない）");
            }
            r++;
        }
        choices(sheet, CollectionSheets.KPI_COLUMNS, r - 1);
        protect(sheet);
        print(sheet, department, "$1:$" + CollectionSheets.HEADING_ROW);
    }

    private void itemSheet(XSSFWorkbook workbook, Styles s, String department, List<MeasureItemRow> items) {
        XSSFSheet sheet = workbook.createSheet(CollectionSheets.ITEMS);
        header(sheet, s, CollectionSheets.ITEM_COLUMNS, year.japanese() + " 取組事項の進捗 — " + department,
                "黄色のセルに" + year.japanese() + "の状況・実績・課題・今後の方向性を記入してください。"
                        + "遅れ・未着手・中止のときは課題と今後の方向性を必ず書いてください。");
        Map<String, MeasureRow> measures = source.measures().stream()
            .collect(Collectors.toMap(MeasureRow::measureId, m -> m, (a, b) -> a));
        Map<String, MeasureActivityRow> activities = source.activities().stream()
            .collect(Collectors.toMap(MeasureActivityRow::activityId, a -> a, (a, b) -> a));
        int r = CollectionSheets.HEADING_ROW;
        for (MeasureItemRow item : items) {
            Row row = sheet.createRow(r);
            MeasureRow measure = measures.get(item.measureId());
            MeasureActivityRow activity = item.activityId() == null ? null : activities.get(item.activityId());
            int c = 0;
            text(sheet, r, c++, item.itemId(), s.id);
            text(sheet, r, c++, measure == null ? item.measureId() : measure.label() + " " + measure.name(), s.fixed);
            text(sheet, r, c++, activity == null ? "" : activity.label() + " " + activity.name(), s.fixed);
            text(sheet, r, c++, (item.mark() == null ? "" : item.mark() + " ") + item.name(), s.fixed);
            text(sheet, r, c++, planned(item), s.fixed);
            text(sheet, r, c++, activityDepartments(item), s.fixed);
            for (; c < CollectionSheets.ITEM_COLUMNS.size(); c++) {
                cell(sheet, r, c).setCellStyle(s.inputText);
            }
            row.setHeightInPoints(height(row, CollectionSheets.ITEM_COLUMNS));
            r++;
        }
        choices(sheet, CollectionSheets.ITEM_COLUMNS, r - 1);
        protect(sheet);
        print(sheet, department, "$1:$" + CollectionSheets.HEADING_ROW);
    }

    /** The stage the schedule plans for the year, the roadmap of the year's phase, or the plan's condition. */
    private String planned(MeasureItemRow item) {
        List<jp.nakano.planreview.measures.Stage> stages = item.schedule().in(year.year());
        String text;
        if (!stages.isEmpty()) {
            text = jp.nakano.planreview.measures.Schedule.words(stages)
                    + (Boolean.FALSE.equals(item.yearsCertain()) ? "（年度は推定: 計画書で確認）" : "");
        }
        else if (!item.roadmap().isEmpty()) {
            String planId = source.measures().stream().filter(m -> m.measureId().equals(item.measureId()))
                .map(MeasureRow::planId).findFirst().orElse(null);
            String phase = source.phases().stream()
                .filter(p -> p.planId().equals(planId) && p.firstFy().compareTo(year) <= 0 && p.lastFy().compareTo(year) >= 0)
                .map(PhaseRow::phase).findFirst().orElse(null);
            String roadmap = item.roadmap().in(phase);
            text = roadmap == null ? "（ロードマップなし）" : phase + ": " + roadmap;
        }
        else if (item.condition() != null) {
            text = item.condition();
        }
        else {
            text = "（予定なし）";
        }
        return text;
    }

    private void eprocedureSheet(XSSFWorkbook workbook, Styles s, String department, List<EProcedureFigureRow> rows) {
        XSSFSheet sheet = workbook.createSheet(CollectionSheets.EPROCEDURES);
        header(sheet, s, CollectionSheets.EPROCEDURE_COLUMNS, year.japanese() + " 電子手続の利用状況 — " + department,
                "黄色のセルに" + year.japanese() + "（" + year.year() + "年4月〜" + (year.year() + 1)
                        + "年3月）の件数を整数で記入してください。わからない件数は空欄のまま（0 と書かない）。");
        for (int c = CollectionSheets.EPROCEDURE_VISIBLE_COLUMNS; c < CollectionSheets.EPROCEDURE_COLUMNS.size(); c++) {
            sheet.setColumnHidden(c, true);
        }
        int r = CollectionSheets.HEADING_ROW;
        for (EProcedureFigureRow row : rows) {
            Row sheetRow = sheet.createRow(r);
            int c = 0;
            text(sheet, r, c++, row.rowId(), s.id);
            text(sheet, r, c++, switch (row.level()) {
                case TOTAL -> "区全体";
                case SYSTEM -> "システム";
                case PROCEDURE -> "　主な手続";
                case OTHER -> "　上記以外";
            }, s.fixed);
            text(sheet, r, c++, row.level() == EProcedureFigureRow.Level.SYSTEM || row.level() == EProcedureFigureRow.Level.TOTAL
                    ? row.name() : "　" + row.name(), s.fixed);
            text(sheet, r, c++, row.fiscalYear().japanese(), s.fixed);
            number(sheet, r, c++, row.procedureCount(), s.fixedNumber);
            number(sheet, r, c++, row.onlineReceipts(), s.fixedNumber);
            number(sheet, r, c++, row.totalReceipts(), s.fixedNumber);
            for (int i = 0; i < 3; i++) {
                cell(sheet, r, c++).setCellStyle(s.inputCount);
            }
            cell(sheet, r, c++).setCellStyle(s.inputText);
            cell(sheet, r, c++).setCellStyle(s.inputText);
            text(sheet, r, c++, row.level().code(), s.id);
            text(sheet, r, c++, row.parentId() == null ? "" : row.parentId(), s.id);
            number(sheet, r, c++, BigDecimal.valueOf(row.seq()), s.id);
            sheetRow.setHeightInPoints(height(sheetRow, CollectionSheets.EPROCEDURE_COLUMNS));
            r++;
        }
        if (!rows.isEmpty()) {
            DataValidationHelper helper = sheet.getDataValidationHelper();
            for (String field : List.of("procedure_count", "online_receipts", "total_receipts")) {
                int c = CollectionSheets.EPROCEDURE_COLUMNS.indexOf(column(field, CollectionSheets.EPROCEDURE_COLUMNS));
                validate(sheet, helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0",
                        "999999999999"), CollectionSheets.HEADING_ROW, r - 1, c, "件数", "0 以上の整数で入力してください");
            }
            choices(sheet, CollectionSheets.EPROCEDURE_COLUMNS, r - 1);
        }
        protect(sheet);
        print(sheet, department, "$1:$" + CollectionSheets.HEADING_ROW);
    }

    private void meta(XSSFWorkbook workbook, String department, List<KpiRow> kpis, List<MeasureItemRow> items,
            List<EProcedureFigureRow> rows) {
        XSSFSheet sheet = workbook.createSheet(CollectionSheets.META);
        Map<String, String> values = new LinkedHashMap<>();
        values.put(WorkbookMeta.FORMAT, CollectionSheets.FORMAT);
        values.put(WorkbookMeta.VERSION, Integer.toString(CollectionSheets.FORMAT_VERSION));
        values.put(WorkbookMeta.FISCAL_YEAR, Integer.toString(year.year()));
        values.put(WorkbookMeta.DEPARTMENT, department);
        values.put(WorkbookMeta.KPIS, kpis.stream().map(KpiRow::kpiId).collect(Collectors.joining(",")));
        values.put(WorkbookMeta.PERCENT_SCALE, kpis.stream().filter(k -> percentScale(k)).map(KpiRow::kpiId)
            .collect(Collectors.joining(",")));
        values.put(WorkbookMeta.ITEMS, items.stream().map(MeasureItemRow::itemId).collect(Collectors.joining(",")));
        values.put(WorkbookMeta.EPROCEDURES, rows.stream().map(EProcedureFigureRow::rowId).collect(Collectors.joining(",")));
        int r = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(e.getKey());
            row.createCell(1).setCellValue(e.getValue());
        }
        protect(sheet);
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    }

    /**
     * A percentage KPI whose figures are in the tens: a value below 1 is then almost surely a share typed as a
     * fraction (0.623 for 62.3%). A rate that really is below 1% (none in the plans) is not checked.
     */
    private boolean percentScale(KpiRow kpi) {
        if (!"%".equals(kpi.unit())) {
            return false;
        }
        List<BigDecimal> known = new ArrayList<>();
        if (kpi.baselineValue() != null) {
            known.add(kpi.baselineValue());
        }
        source.targets().stream().filter(t -> t.kpiId().equals(kpi.kpiId()) && !t.relative()).forEach(t -> known.add(t.value()));
        source.actuals().stream().filter(a -> a.kpiId().equals(kpi.kpiId())).forEach(a -> known.add(a.value()));
        return !known.isEmpty() && known.stream().allMatch(v -> v.compareTo(BigDecimal.ONE) >= 0);
    }

    // --- what the fixed cells say ---

    private String baseline(KpiRow kpi) {
        if (kpi.baselineStatus() == BaselineStatus.NOT_STARTED) {
            return "[未実施]";
        }
        String text = kpi.baselineText() != null ? kpi.baselineText()
                : KpiFigures.value(kpi.baselineValue(), kpi.unit(), kpi.denominator(), decimals(kpi));
        return kpi.baselineFy() == null ? text : text + "（" + kpi.baselineFy().japanese() + "）";
    }

    /** The target the year works towards: the first interim or final target at or after it. */
    private String target(KpiRow kpi, List<KpiTargetRow> targets) {
        return targets.stream()
            .filter(t -> (t.kind() == TargetKind.INTERIM || t.kind() == TargetKind.FINAL) && t.fiscalYear().compareTo(year) >= 0)
            .min(Comparator.comparing(KpiTargetRow::fiscalYear))
            .map(t -> t.targetText() + "（" + t.fiscalYear().japanese() + (t.kind() == TargetKind.INTERIM ? "・中間" : "") + "）")
            .orElse("");
    }

    /** The value on the plan's trajectory for the year (what 順調 means), as the review computes it. */
    private String expected(KpiRow kpi, List<KpiTargetRow> targets) {
        PlanRow plan = source.plans().stream().filter(p -> p.planId().equals(kpi.planId())).findFirst().orElse(null);
        if (plan == null) {
            return "";
        }
        KpiSpec spec = new KpiSpec(kpi.kpiId(), kpi.name(), kpi.unit(), kpi.definition(), kpi.direction(), kpi.basis(),
                kpi.cumulativeEntry(), kpi.baselineFy(), kpi.baselineValue(),
                kpi.baselineStatus() == BaselineStatus.NOT_STARTED, plan.firstFy(), plan.lastFy());
        List<TargetPoint> points = targets.stream()
            .map(t -> new TargetPoint(t.fiscalYear(), t.kind(), t.value(), t.relative(), t.targetText()))
            .toList();
        SortedMap<FiscalYear, BigDecimal> path = new AttainmentCalculator(Thresholds.DEFAULT).expectedPath(spec, points);
        BigDecimal value = new TreeMap<>(path).get(year);
        return value == null ? "" : KpiFigures.value(value, kpi.unit(), kpi.denominator(), decimals(kpi));
    }

    /**
     * The decimals of a KPI's figures as the review shows them (the display rules): those of its baseline, its
     * targets and its entered actuals, as {@code KpiEvaluationTasklet} records them.
     */
    private int decimals(KpiRow kpi) {
        List<BigDecimal> own = new java.util.ArrayList<>();
        own.add(kpi.baselineValue());
        source.targets().stream().filter(t -> t.kpiId().equals(kpi.kpiId())).forEach(t -> own.add(t.value()));
        source.actuals().stream().filter(a -> a.kpiId().equals(kpi.kpiId())).forEach(a -> own.add(a.value()));
        return KpiFigures.decimals(kpi.unit(), Decimals.decimals(own));
    }

    // --- cells and styles ---

    private static Column column(String field, List<Column> columns) {
        return columns.stream().filter(c -> field.equals(c.field())).findFirst().orElseThrow();
    }

    /**
     * A row tall enough for its longest wrapped text: neither the spreadsheet nor LibreOffice's PDF grows a row
     * by itself, and a definition cut off mid-sentence is what a department would ask about.
     */
    private static float height(Row row, List<Column> columns) {
        int lines = 1;
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = row.getCell(c);
            if (row.getSheet().isColumnHidden(c)) {
                continue; // the e-procedure sheet's structure columns: nobody sees them
            }
            if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                int units = SheetLayout.displayWidth(cell.getStringCellValue());
                int perLine = Math.max(1, columns.get(c).width());
                lines = Math.max(lines, (units + perLine - 1) / perLine);
            }
        }
        return Math.min(lines, 9) * 13f + 4f;
    }

    private static void header(XSSFSheet sheet, Styles s, List<Column> columns, String title, String note) {
        text(sheet, 0, 0, title, s.title);
        text(sheet, 1, 0, note, s.plain);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, Math.min(columns.size(), 12) - 1));
        sheet.getRow(1).setHeightInPoints(30);
        Row heading = sheet.createRow(CollectionSheets.HEADING_ROW - 1);
        heading.setHeightInPoints(34);
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            text(sheet, CollectionSheets.HEADING_ROW - 1, c, column.heading(), column.input() ? s.inputHeading : s.heading);
            sheet.setColumnWidth(c, column.width() * 256 + 200);
        }
        sheet.createFreezePane(0, CollectionSheets.HEADING_ROW);
    }

    private static void choices(XSSFSheet sheet, List<Column> columns, int lastRow) {
        if (lastRow < CollectionSheets.HEADING_ROW) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            if (column.kind() == Kind.CHOICE) {
                validate(sheet, helper.createExplicitListConstraint(column.choices().toArray(String[]::new)),
                        CollectionSheets.HEADING_ROW, lastRow, c, column.heading(),
                        "一覧から選んでください: " + String.join("、", column.choices()));
            }
        }
    }

    private static void validate(XSSFSheet sheet, DataValidationConstraint constraint, int firstRow, int lastRow,
            int column, String title, String message) {
        DataValidation validation = sheet.getDataValidationHelper()
            .createValidation(constraint, new CellRangeAddressList(firstRow, lastRow, column, column));
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox(title, message);
        validation.setShowErrorBox(true);
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
    }

    /** Sheet protection without a password: it guards against slips, not people. */
    private static void protect(XSSFSheet sheet) {
        sheet.enableLocking();
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    /** A4 landscape, one page wide, the footer of every workbook, the headings on every page. */
    private void print(XSSFSheet sheet, String department, String repeatingRows) {
        SheetLayout.printOnA4Landscape(sheet, year.japanese() + " 実績調査票 " + department);
        if (repeatingRows != null) {
            sheet.setRepeatingRows(CellRangeAddress.valueOf(repeatingRows));
        }
    }

    private static Cell cell(XSSFSheet sheet, int r, int c) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        return row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
    }

    private static Cell text(XSSFSheet sheet, int r, int c, String value, CellStyle style) {
        Cell cell = cell(sheet, r, c);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    private static void number(XSSFSheet sheet, int r, int c, BigDecimal value, CellStyle style) {
        Cell cell = cell(sheet, r, c);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    /** The cell styles of a template. */
    private static final class Styles {

        final CellStyle title;

        final CellStyle label;

        final CellStyle plain;

        final CellStyle heading;

        final CellStyle inputHeading;

        final CellStyle fixed;

        final CellStyle fixedRight;

        final CellStyle fixedNumber;

        final CellStyle id;

        final CellStyle inputText;

        final CellStyle inputNumber;

        final CellStyle inputCount;

        final CellStyle inputDate;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font grey = workbook.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            grey.setFontHeightInPoints((short) 9);
            title = workbook.createCellStyle();
            title.setFont(big);
            label = workbook.createCellStyle();
            label.setFont(bold);
            label.setVerticalAlignment(VerticalAlignment.CENTER);
            plain = workbook.createCellStyle();
            plain.setWrapText(true);
            plain.setVerticalAlignment(VerticalAlignment.TOP);
            heading = bordered(workbook);
            heading.setFont(bold);
            heading.setWrapText(true);
            heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            heading.setVerticalAlignment(VerticalAlignment.CENTER);
            inputHeading = bordered(workbook);
            inputHeading.cloneStyleFrom(heading);
            inputHeading.setFillForegroundColor(IndexedColors.GOLD.getIndex());
            fixed = bordered(workbook);
            fixed.setWrapText(true);
            fixed.setVerticalAlignment(VerticalAlignment.TOP);
            fixedRight = bordered(workbook);
            fixedRight.cloneStyleFrom(fixed);
            fixedRight.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
            fixedNumber = bordered(workbook);
            fixedNumber.cloneStyleFrom(fixed);
            fixedNumber.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            id = bordered(workbook);
            id.cloneStyleFrom(fixed);
            id.setFont(grey);
            inputText = input(workbook);
            inputText.setWrapText(true);
            inputText.setDataFormat(workbook.createDataFormat().getFormat("@"));
            inputNumber = input(workbook);
            inputNumber.setDataFormat(workbook.createDataFormat().getFormat("#,##0.##########"));
            inputCount = input(workbook);
            inputCount.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            inputDate = input(workbook);
            inputDate.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }

        /** Yellow and unlocked: the cells a department fills. */
        private static CellStyle input(XSSFWorkbook workbook) {
            CellStyle style = bordered(workbook);
            style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setLocked(false);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }

    }

}
