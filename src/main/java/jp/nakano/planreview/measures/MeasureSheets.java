package jp.nakano.planreview.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.measures.MeasureRepository.ItemRow;
import jp.nakano.planreview.measures.MeasureRepository.Plan;
import jp.nakano.planreview.measures.MeasureRepository.RollupRow;
import jp.nakano.planreview.measures.MeasureReview.Progress;

/**
 * The measures sheets of a plan's workbook: 取組の進捗状況 (every 取組事項 with its stage in each plan year, the
 * report and where it stands) and 取組の集計 (the roll-ups); one value per cell, the header row frozen.
 */
public final class MeasureSheets {

    private MeasureSheets() {
    }

    /** Adds the two sheets when the run reviewed the plan's measures. */
    public static void add(SXSSFWorkbook workbook, MeasureRepository repository, long run, FiscalYear year,
            String planId) {
        if (!repository.hasItems(run, year.year(), planId)) {
            return;
        }
        Plan plan = repository.plans(run, planId).get(0);
        CellStyle header = header(workbook);
        List<String> columns = new ArrayList<>(List.of("目標", "取組", "実施内容", "取組事項ID", "取組事項", "印", "主体",
                "再掲元", "関連部署・所管課"));
        List<Integer> years = new ArrayList<>();
        for (int y = plan.firstFy(); y <= plan.lastFy(); y++) {
            years.add(y);
            columns.add(FiscalYear.of(y).shortJapanese() + "年度の予定");
        }
        columns.addAll(List.of("ロードマップ", "今年度の予定", "年度の読み取り", "報告", "区分", "実績", "課題", "今後の方向性",
                "自己評価", "報告者", "報告日", "説明の不足"));
        Sheet items = sheet(workbook, header, "取組の進捗状況", columns);
        int r = 1;
        for (ItemRow i : repository.itemRows(run, year.year(), planId)) {
            Row row = items.createRow(r++);
            int c = 0;
            text(row, c++, i.goalLabel());
            text(row, c++, i.measureLabel() + " " + i.measureName());
            text(row, c++, i.activityId() == null ? null : i.activityLabel() + " " + i.activityName());
            text(row, c++, i.itemId());
            text(row, c++, i.name());
            text(row, c++, i.mark());
            text(row, c++, "state".equals(i.owner()) ? "国" : "tokyo".equals(i.owner()) ? "都" : "区");
            text(row, c++, i.repeatOf());
            text(row, c++, i.departments() != null ? i.departments() : i.activityDepartments());
            for (int y : years) {
                text(row, c++, Schedule.words(i.schedule().in(y)));
            }
            text(row, c++, i.roadmap().isEmpty() ? null : i.roadmap().cell().replace(";", "／"));
            text(row, c++, i.planned());
            text(row, c++, i.yearsCertain() ? "確定" : "推定を含む");
            text(row, c++, i.status() == null ? null : i.status().word());
            text(row, c++, i.progress().word());
            text(row, c++, i.done());
            text(row, c++, i.issues());
            text(row, c++, i.nextSteps());
            text(row, c++, i.selfRating());
            text(row, c++, i.reportedBy());
            text(row, c++, i.reportedOn() == null ? null : i.reportedOn().toString());
            text(row, c, i.missingExplanation());
        }
        int[] widths = new int[columns.size()];
        java.util.Arrays.fill(widths, 10);
        widths[1] = 30;
        widths[2] = 30;
        widths[3] = 18;
        widths[4] = 40;
        widths[8] = 24;
        for (int k = columns.size() - 12; k < columns.size(); k++) {
            widths[k] = 14;
        }
        widths[columns.size() - 12] = 30;
        widths[columns.size() - 7] = 36;
        widths[columns.size() - 6] = 36;
        widths[columns.size() - 5] = 36;
        widths(items, widths);

        Sheet summary = sheet(workbook, header, "取組の集計", List.of("区分", "ID", "番号", "名称", "取組事項数", "予定どおり",
                "前倒し", "遅れ", "中止", "完了", "報告なし", "国・都の取組", "今年度の予定なし", "評価", "期"));
        r = 1;
        for (RollupRow u : repository.rollupRows(run, year.year(), planId)) {
            Row row = summary.createRow(r++);
            text(row, 0, level(u.level()));
            text(row, 1, u.refId());
            text(row, 2, u.label());
            text(row, 3, u.name());
            row.createCell(4).setCellValue(u.items());
            Map<Progress, Integer> counts = u.counts();
            Progress[] order = { Progress.ON_SCHEDULE, Progress.AHEAD, Progress.BEHIND, Progress.STOPPED, Progress.DONE,
                Progress.NOT_REPORTED, Progress.NOT_WARD, Progress.NOT_PLANNED };
            for (int k = 0; k < order.length; k++) {
                row.createCell(5 + k).setCellValue(counts.get(order[k]));
            }
            text(row, 13, u.rating().word());
            text(row, 14, u.phase());
        }
        widths(summary, 12, 18, 10, 44, 10, 10, 8, 8, 8, 8, 10, 12, 14, 14, 8);
    }

    private static String level(String level) {
        return switch (level) {
            case "plan" -> "計画全体";
            case "goal" -> "目標";
            case "measure" -> "取組";
            case "activity" -> "実施内容";
            case "phase_plan" -> "期のまとめ（計画全体）";
            case "phase_goal" -> "期のまとめ（目標）";
            default -> level;
        };
    }

    private static CellStyle header(SXSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        return header;
    }

    private static Sheet sheet(SXSSFWorkbook workbook, CellStyle header, String name, List<String> columns) {
        SXSSFSheet sheet = workbook.createSheet(name);
        Row row = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(columns.get(c));
            cell.setCellStyle(header);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            sheet.setColumnWidth(c, characters[c] * 256 + 200);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(column).setCellValue(value);
        }
    }

}
