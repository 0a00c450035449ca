package jp.nakano.planreview.collection;

import java.util.List;

/**
 * The layout of a collection workbook (調査票), shared by the template writer and the reader: sheet names, the
 * heading row, the columns of each sheet and the cells of the cover. A returned workbook is read by these
 * positions and checked against these headings, so the two sides cannot drift apart.
 */
public final class CollectionSheets {

    /** The instructions and the cover cells (記入者, 確認者, 提出日). */
    public static final String GUIDE = "記入方法";

    public static final String KPIS = "成果指標";

    public static final String ITEMS = "取組事項";

    public static final String EPROCEDURES = "電子手続";

    /** A very hidden sheet: what the workbook is (format, year, department) and the ids each sheet was sent with. */
    public static final String META = "plan-review";

    /** The format id in the meta sheet; a workbook without it was not made by {@code template}. */
    public static final String FORMAT = "plan-review collection workbook";

    public static final int FORMAT_VERSION = 1;

    /** 1-based row of the column headings on the data sheets; data rows follow. */
    public static final int HEADING_ROW = 4;

    /** The cover cells on the guide sheet: label in column A, value in column B, rows 1-based. */
    public static final int FILLED_BY_ROW = 5;

    public static final int CHECKED_BY_ROW = 6;

    public static final int SUBMITTED_ROW = 7;

    public static final String FILLED_BY_LABEL = "記入者（氏名・内線）";

    public static final String CHECKED_BY_LABEL = "確認者（課長）";

    public static final String SUBMITTED_LABEL = "提出日";

    /** What a cell holds: how it is written, validated and read back. */
    public enum Kind {
        /** Locked text written by the template. */
        FIXED,
        /** Locked number written by the template. */
        FIXED_NUMBER,
        /** Input: a number (decimal); 0–100 for a percentage KPI. */
        NUMBER,
        /** Input: a whole number, zero or more (手続数, 件数). */
        COUNT,
        /** Input: one of a list. */
        CHOICE,
        /** Input: free text. */
        TEXT
    }

    /**
     * One column of a data sheet.
     *
     * @param heading the heading the department sees (checked when reading back)
     * @param field the input-format column it becomes when read back, or {@code null} for a shown-only column
     * @param kind how it is written and read
     * @param width column width in characters
     * @param choices the list of a {@link Kind#CHOICE} column
     */
    public record Column(String heading, String field, Kind kind, int width, List<String> choices) {

        boolean input() {
            return kind == Kind.NUMBER || kind == Kind.COUNT || kind == Kind.CHOICE || kind == Kind.TEXT;
        }

    }

    /** 確定値 / 速報値 as the KPI sheet lists them, with the input format's words. */
    public static final List<String> FIGURE_STATUSES = List.of("確定値", "速報値");

    public static final List<String> FLAGS = List.of("○", "×");

    /** The KPI sheet; column A holds the id. */
    public static final List<Column> KPI_COLUMNS = List.of(
            new Column("ID", "kpi_id", Kind.FIXED, 13, null),
            new Column("計画", null, Kind.FIXED, 14, null),
            new Column("成果指標", null, Kind.FIXED, 30, null),
            new Column("単位", null, Kind.FIXED, 6, null),
            new Column("定義（何を数えるか）", null, Kind.FIXED, 34, null),
            new Column("現状（基準値）", null, Kind.FIXED, 14, null),
            new Column("目標", null, Kind.FIXED, 20, null),
            new Column("今年度の目安", null, Kind.FIXED, 11, null),
            new Column("前年度の実績", null, Kind.FIXED, 12, null),
            new Column("今年度の実績値", "value", Kind.NUMBER, 12, null),
            new Column("確定値／速報値", "status", Kind.CHOICE, 11, FIGURE_STATUSES),
            new Column("出典（資料名・集計方法）", "source", Kind.TEXT, 22, null),
            new Column("要因分析（目安との差の理由）", "factor_analysis", Kind.TEXT, 30, null),
            new Column("今後の方向性", "next_steps", Kind.TEXT, 30, null));

    /** The fields of a KPI row that make its actual ({@code kpi-actuals.csv}). */
    public static final List<String> KPI_ACTUAL_FIELDS = List.of("value", "status", "source");

    /** The fields of a KPI row that make its explanation ({@code kpi-explanations.csv}). */
    public static final List<String> KPI_EXPLANATION_FIELDS = List.of("factor_analysis", "next_steps");

    /** The self-rating of a 取組事項 report (optional). */
    public static final List<String> RATINGS = List.of("S", "A", "B", "C");

    /** The 取組事項 sheet; the statuses are the input format's words. */
    public static final List<Column> ITEM_COLUMNS = List.of(
            new Column("ID", "item_id", Kind.FIXED, 15, null),
            new Column("取組", null, Kind.FIXED, 18, null),
            new Column("実施内容", null, Kind.FIXED, 18, null),
            new Column("取組事項", null, Kind.FIXED, 30, null),
            new Column("今年度の予定", null, Kind.FIXED, 12, null),
            new Column("関連部署", null, Kind.FIXED, 14, null),
            new Column("状況", "status", Kind.CHOICE, 10,
                    java.util.Arrays.stream(jp.nakano.planreview.measures.ReportedStatus.values())
                        .map(jp.nakano.planreview.measures.ReportedStatus::word).toList()),
            new Column("実績（今年度に行ったこと）", "done", Kind.TEXT, 30, null),
            new Column("課題（遅れ・未着手・中止はその理由）", "issues", Kind.TEXT, 26, null),
            new Column("今後の方向性", "next_steps", Kind.TEXT, 26, null),
            new Column("自己評価（任意）", "self_rating", Kind.CHOICE, 8, RATINGS));

    /** The e-procedure sheet; column A holds the row id, the hidden last columns the structure. */
    public static final List<Column> EPROCEDURE_COLUMNS = List.of(
            new Column("ID", "row_id", Kind.FIXED, 9, null),
            new Column("区分", null, Kind.FIXED, 10, null),
            new Column("システム・手続名", "name", Kind.FIXED, 36, null),
            new Column("前回の年度", null, Kind.FIXED, 11, null),
            new Column("前回 手続数", null, Kind.FIXED_NUMBER, 9, null),
            new Column("前回 電子受付件数", null, Kind.FIXED_NUMBER, 11, null),
            new Column("前回 全受付件数", null, Kind.FIXED_NUMBER, 11, null),
            new Column("手続数", "procedure_count", Kind.COUNT, 9, null),
            new Column("電子受付件数", "online_receipts", Kind.COUNT, 11, null),
            new Column("全受付件数（紙と電子の合計）", "total_receipts", Kind.COUNT, 13, null),
            new Column("オンライン対応", "online_capable", Kind.CHOICE, 8, FLAGS),
            new Column("書かない窓口", "kakanai_supported", Kind.CHOICE, 8, FLAGS),
            new Column("level", "level", Kind.FIXED, 4, null),
            new Column("parent_id", "parent_id", Kind.FIXED, 4, null),
            new Column("seq", "seq", Kind.FIXED_NUMBER, 4, null));

    /** How many leading columns of the e-procedure sheet a person sees; the rest are hidden. */
    public static final int EPROCEDURE_VISIBLE_COLUMNS = 12;

    private CollectionSheets() {
    }

    /** The Excel letter of a 0-based column index ({@code 9} is {@code J}). */
    public static String letter(int column) {
        StringBuilder s = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }

    /** The file name the template gives a department's workbook: {@code FY2023-情報システム課.xlsx}. */
    public static String fileName(int fiscalYear, String department) {
        return "FY" + fiscalYear + "-" + department.replaceAll("[\\\\/:*?\"<>|\\s]", "_") + ".xlsx";
    }

}
