package jp.nakano.planreview.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.measures.MeasureRepository.ItemRow;
import jp.nakano.planreview.measures.MeasureRepository.Plan;
import jp.nakano.planreview.measures.MeasureRepository.RollupRow;
import jp.nakano.planreview.measures.MeasureReview.Progress;
import jp.nakano.planreview.report.SheetLayout;

/**
 * The measures sheets of a plan's workbook: 取組の進捗状況 (every 取組事項 with its stage in each plan year, the
 * report and where it stands) and 取組の集計 (the roll-ups); one value per cell, laid out and printed as every
 * table of the workbook ({@link SheetLayout}).
 */
public final class MeasureSheets {

    private MeasureSheets() {
    }

    /**
     * Adds the two sheets when the run reviewed the plan's measures and returns them, finished, in order (none
     * when the plan has no 取組事項); {@code text} and {@code count} are the workbook's cell styles, {@code document}
     * the footer's plan and year.
     */
    public static List<SheetLayout> add(SXSSFWorkbook workbook, MeasureRepository repository, long run, FiscalYear year,
            String planId, String document, CellStyle header, CellStyle text, CellStyle count) {
        if (!repository.hasItems(run, year.year(), planId)) {
            return List.of();
        }
        Plan plan = repository.plans(run, planId).get(0);
        List<SheetLayout.Column> columns = new ArrayList<>(List.of(col("目標", 16), col("取組", 30), col("実施内容", 30),
                col("取組事項ID", 18), col("取組事項", 40), col("印", 4), col("主体", 4), col("再掲元", 18),
                col("関連部署・所管課", 24)));
        List<Integer> years = new ArrayList<>();
        for (int y = plan.firstFy(); y <= plan.lastFy(); y++) {
            years.add(y);
            columns.add(col(FiscalYear.of(y).shortJapanese() + "年度\nの予定", 10));
        }
        columns.addAll(List.of(col("ロードマップ", 30), col("今年度の予定", 14), col("年度の\n読み取り", 10), col("報告", 10),
                col("区分", 12), col("実績", 36), col("課題", 36), col("今後の方向性", 36), col("自己評価", 8),
                col("報告者", 14), col("報告日", 12), col("説明の不足", 20)));
        SheetLayout items = new SheetLayout(workbook.createSheet("取組の進捗状況"), columns);
        items.header(header, text);
        for (ItemRow i : repository.itemRows(run, year.year(), planId)) {
            items.nextRow();
            int c = 0;
            items.text(c++, i.goalLabel(), text);
            items.text(c++, i.measureLabel() + " " + i.measureName(), text);
            items.text(c++, i.activityId() == null ? null : i.activityLabel() + " " + i.activityName(), text);
            items.text(c++, i.itemId(), text);
            items.text(c++, i.name(), text);
            items.text(c++, i.mark(), text);
            items.text(c++, "state".equals(i.owner()) ? "国" : "tokyo".equals(i.owner()) ? "都" : "区", text);
            items.text(c++, i.repeatOf(), text);
            items.text(c++, i.departments() != null ? i.departments() : i.activityDepartments(), text);
            for (int y : years) {
                items.text(c++, Schedule.words(i.schedule().in(y)), text);
            }
            items.text(c++, i.roadmap().isEmpty() ? null : i.roadmap().cell().replace(";", "／"), text);
            items.text(c++, i.planned(), text);
            items.text(c++, i.yearsCertain() ? "確定" : "推定を含む", text);
            items.text(c++, i.status() == null ? null : i.status().word(), text);
            items.text(c++, i.progress().word(), text);
            items.text(c++, i.done(), text);
            items.text(c++, i.issues(), text);
            items.text(c++, i.nextSteps(), text);
            items.text(c++, i.selfRating(), text);
            items.text(c++, i.reportedBy(), text);
            items.text(c++, i.reportedOn() == null ? null : i.reportedOn().toString(), text);
            items.text(c, i.missingExplanation(), text);
        }
        items.finish(document);

        SheetLayout summary = new SheetLayout(workbook.createSheet("取組の集計"), List.of(col("区分", 12), col("ID", 18),
                col("番号", 10), col("名称", 44), col("取組事項数", 10), col("予定どおり", 10), col("前倒し", 8),
                col("遅れ", 8), col("中止", 8), col("完了", 8), col("報告なし", 10), col("国・都\nの取組", 8),
                col("今年度の\n予定なし", 10), col("評価", 14), col("期", 8)));
        summary.header(header, text);
        Progress[] order = { Progress.ON_SCHEDULE, Progress.AHEAD, Progress.BEHIND, Progress.STOPPED, Progress.DONE,
            Progress.NOT_REPORTED, Progress.NOT_WARD, Progress.NOT_PLANNED };
        for (RollupRow u : repository.rollupRows(run, year.year(), planId)) {
            summary.nextRow();
            summary.text(0, level(u.level()), text);
            summary.text(1, u.refId(), text);
            summary.text(2, u.label(), text);
            summary.text(3, u.name(), text);
            summary.number(4, u.items(), String.valueOf(u.items()), count);
            Map<Progress, Integer> counts = u.counts();
            for (int k = 0; k < order.length; k++) {
                int n = counts.get(order[k]);
                summary.number(5 + k, n, String.valueOf(n), count);
            }
            summary.text(13, u.rating().word(), text);
            summary.text(14, u.phase(), text);
        }
        summary.finish(document);
        return List.of(items, summary);
    }

    private static SheetLayout.Column col(String header, int maxWidth) {
        return SheetLayout.column(header, maxWidth);
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

}
