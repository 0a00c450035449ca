package jp.nakano.planreview.publication;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.nakano.planreview.common.CsvOutput;
import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;

/**
 * Writes the 電子申請の利用状況 into the run folder as the ward publishes it: an HTML page per year
 * ({@code eprocedure-usage-FY<yyyy>.html}) and the open data, in the style 総務省 recommends for machine-readable
 * tables (UTF-8, one header row, no merged cells, the unit in each header, years as numbers):
 * {@code eprocedure-usage.csv} (a row per year) and {@code eprocedure-usage-additions.csv} (a row per system or
 * procedure added in a year). The same figures as the PDF section.
 */
public class UsageEdition {

    /** The open data: a row per fiscal year. */
    public static final String CSV_FILE = "eprocedure-usage.csv";

    /** The open data: a row per system or procedure newly listed in a year. */
    public static final String ADDITIONS_FILE = "eprocedure-usage-additions.csv";

    public static final List<String> CSV_COLUMNS = List.of("年度", "年度（和暦）", "手続数（件）", "全受付件数（件）",
            "電子受付件数（件）", "電子手続利用率（％）", "手続数の対前年度増減（件）", "全受付件数の対前年度増減（件）",
            "電子受付件数の対前年度増減（件）", "出典");

    public static final List<String> ADDITIONS_COLUMNS = List.of("年度", "年度（和暦）", "区分", "名称", "システム名",
            "電子受付件数（件）");

    private static final String BAR = "#5c8fd6";

    private final HtmlEdition html;

    public UsageEdition(HtmlEdition html) {
        this.html = html;
    }

    /** The page file of a year. */
    public static String pageFile(FiscalYear year) {
        return "eprocedure-usage-" + year + ".html";
    }

    /**
     * Writes the pages of every year and the two CSV files; returns the number of files written. Every year's
     * additions must be in its lists ({@link EProcedureUsage.Year#additionsComplete}).
     */
    public int write(List<EProcedureUsage.Year> years, Path folder) throws IOException {
        return write(years, null, folder);
    }

    /**
     * The same; the additions of a year that has more than its lists hold are read again from {@code listings}
     * for the open data, which has every one.
     */
    public int write(List<EProcedureUsage.Year> years, EProcedureUsage.Listings listings, Path folder) throws IOException {
        writeCsv(years, folder.resolve(CSV_FILE));
        writeAdditions(years, listings, folder.resolve(ADDITIONS_FILE));
        for (EProcedureUsage.Year year : years) {
            List<EProcedureUsage.Year> upTo = years.stream().filter(y -> y.year().compareTo(year.year()) <= 0).toList();
            html.write(page(year, upTo), folder.resolve(pageFile(year.year())));
        }
        return 2 + years.size();
    }

    private static void writeCsv(List<EProcedureUsage.Year> years, Path file) throws IOException {
        try (CsvOutput csv = CsvOutput.create(file, CSV_COLUMNS)) {
            for (EProcedureUsage.Year y : years) {
                csv.row(y.year().year(), y.year().japanese(), exact(y.procedures()), exact(y.totalReceipts()),
                        exact(y.onlineReceipts()), UsageFigures.rateValue(y.ratePercent()), exact(y.proceduresChange()),
                        exact(y.totalReceiptsChange()), exact(y.onlineReceiptsChange()), y.source());
            }
        }
    }

    private static void writeAdditions(List<EProcedureUsage.Year> years, EProcedureUsage.Listings listings, Path file)
            throws IOException {
        try (CsvOutput csv = CsvOutput.create(file, ADDITIONS_COLUMNS)) {
            for (EProcedureUsage.Year y : years) {
                if (y.addedSystems() == null) {
                    continue;
                }
                if (y.additionsComplete()) {
                    for (EProcedureUsage.Entry e : y.addedSystems()) {
                        csv.row(y.year().year(), y.year().japanese(), "システム", e.name(), null, exact(e.onlineReceipts()));
                    }
                    for (EProcedureUsage.Entry e : y.addedProcedures()) {
                        csv.row(y.year().year(), y.year().japanese(), "手続", e.name(), e.system(), exact(e.onlineReceipts()));
                    }
                    continue;
                }
                if (listings == null) {
                    throw new IllegalArgumentException(y.year() + " has " + y.addedSystemsInAll() + " added systems and "
                            + y.addedProceduresInAll() + " added procedures, more than its lists hold: the open data "
                            + "needs the listings to read them all");
                }
                for (String level : List.of("system", "procedure")) {
                    String kind = "system".equals(level) ? "システム" : "手続";
                    try {
                        EProcedureUsage.eachAddition(y.year(), level, listings, e -> {
                            try {
                                csv.row(y.year().year(), y.year().japanese(), kind, e.name(), e.system(),
                                        exact(e.onlineReceipts()));
                            }
                            catch (IOException ex) {
                                throw new java.io.UncheckedIOException(ex);
                            }
                        });
                    }
                    catch (java.io.UncheckedIOException ex) {
                        throw ex.getCause();
                    }
                }
            }
        }
    }

    private static BigDecimal exact(BigDecimal value) {
        return Decimals.normalise(value);
    }

    /** The page of one year: its figures against the previous year, the systems, the additions and the trend. */
    static HtmlEdition.Page page(EProcedureUsage.Year year, List<EProcedureUsage.Year> upTo) {
        String label = year.year().spoken();
        boolean previousKnown = UsageFigures.previousKnown(upTo, year);
        EProcedureUsage.Year previous = previousKnown ? upTo.get(upTo.size() - 2) : null;
        List<HtmlEdition.Section> sections = new ArrayList<>();

        List<String> summary = new ArrayList<>();
        BigDecimal change = year.onlineReceiptsChange();
        summary.add(label + "の電子受付件数は" + UsageFigures.count(year.onlineReceipts()) + (change == null ? "です。"
                : change.signum() == 0 ? "で、前年度と同じです。"
                        : "で、前年度から" + UsageFigures.change(change, true) + "しました。"));
        if (year.ratePercent() != null) {
            summary.add("全受付件数" + UsageFigures.count(year.totalReceipts()) + "のうち電子受付件数の割合（電子手続利用率）は"
                    + UsageFigures.rate(year.ratePercent()) + "です。");
        }
        if (year.procedures() != null) {
            summary.add("電子申請ができる手続は" + UsageFigures.count(year.procedures()) + "です。");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("手続数", UsageFigures.count(year.procedures()),
                previous == null ? "前年度の数値なし" : UsageFigures.count(previous.procedures()),
                UsageFigures.change(year.proceduresChange(), previousKnown)));
        rows.add(List.of("全受付件数", UsageFigures.count(year.totalReceipts()),
                previous == null ? "前年度の数値なし" : UsageFigures.count(previous.totalReceipts()),
                UsageFigures.change(year.totalReceiptsChange(), previousKnown)));
        rows.add(List.of("電子受付件数", UsageFigures.count(year.onlineReceipts()),
                previous == null ? "前年度の数値なし" : UsageFigures.count(previous.onlineReceipts()),
                UsageFigures.change(year.onlineReceiptsChange(), previousKnown)));
        rows.add(List.of("電子手続利用率", UsageFigures.rate(year.ratePercent()),
                previous == null ? "前年度の数値なし" : UsageFigures.rate(previous.ratePercent()),
                UsageFigures.pointChange(year.ratePercent(), year.previousRatePercent(), previousKnown)));
        String previousLabel = year.year().previous().spoken();
        sections.add(new HtmlEdition.Section("summary", label + "の利用状況", summary, List.of(HtmlEdition.Block.table(null,
                new HtmlEdition.Table(label + "の電子申請の利用状況（区全体）",
                        List.of("項目", label, previousLabel, "対前年度増減"), rows, 1,
                        List.of(false, true, true, true))))));

        List<List<String>> systems = year.systems().stream()
            .map(s -> List.of(s.name(), UsageFigures.count(s.onlineReceipts()), UsageFigures.count(s.totalReceipts())))
            .toList();
        List<String> systemsNote = new ArrayList<>(List.of("区が公表したシステムのみ（すべてのシステムではありません）。"));
        if (year.systemsInAll() > year.systems().size()) {
            systemsNote.add("全 " + UsageFigures.number(year.systemsInAll()) + " システムのうち、入力の順に先頭 "
                    + UsageFigures.number(year.systems().size()) + " システムを掲載しています（全件は入力データ eprocedure-figures.csv）。");
        }
        sections.add(new HtmlEdition.Section("systems", "システム別の電子受付件数", systemsNote,
                systems.isEmpty() ? List.of(HtmlEdition.Block.text(null, List.of("この年度のシステム別の公表値はありません。")))
                        : List.of(HtmlEdition.Block.table(null, new HtmlEdition.Table(label + "のシステム別の件数",
                                List.of("システム", "電子受付件数", "全受付件数"), systems, 1, List.of(false, true, true))))));

        List<String> added = new ArrayList<>();
        if (year.addedSystems() != null) {
            year.addedSystems().forEach(e -> added.add("システム: " + e.name() + "（電子受付件数 " + UsageFigures.count(e.onlineReceipts()) + "）"));
            year.addedProcedures().forEach(e -> added.add(e.name() + "（" + (e.system() == null ? "" : e.system() + "、")
                    + "電子受付件数 " + UsageFigures.count(e.onlineReceipts()) + "）"));
            if (!year.additionsComplete()) {
                added.add(UsageFigures.moreAdditions(year));
            }
        }
        sections.add(new HtmlEdition.Section("additions", "新たに掲載されたシステム・手続",
                List.of("前年度の一覧にない名称のシステム・手続です（一覧は区が公表した主なもの）。"),
                List.of(added.isEmpty() ? HtmlEdition.Block.text(null, List.of(UsageFigures.additions(year)))
                        : HtmlEdition.Block.list(null, added))));

        List<List<String>> trend = new ArrayList<>();
        List<Chart.Bar> bars = new ArrayList<>();
        for (EProcedureUsage.Year y : upTo) {
            trend.add(List.of(y.year().spoken(), UsageFigures.count(y.procedures()), UsageFigures.count(y.totalReceipts()),
                    UsageFigures.count(y.onlineReceipts()), UsageFigures.rate(y.ratePercent()),
                    UsageFigures.change(y.onlineReceiptsChange(), UsageFigures.previousKnown(upTo, y))));
            if (y.onlineReceipts() != null) {
                bars.add(new Chart.Bar(y.year().spoken(), y.onlineReceipts().doubleValue(), UsageFigures.count(y.onlineReceipts())));
            }
        }
        String description = "年度ごとの電子受付件数: " + String.join("、",
                bars.stream().map(b -> b.label() + " " + b.shown()).toList()) + "。";
        sections.add(new HtmlEdition.Section("trend", "電子受付件数の推移", List.of(),
                List.of(HtmlEdition.Block.table(null, new HtmlEdition.Table("年度別の電子申請の利用状況（区全体）",
                        List.of("年度", "手続数", "全受付件数", "電子受付件数", "電子手続利用率", "電子受付件数の対前年度増減"),
                        trend, 1, List.of(false, true, true, true, true, true))),
                        HtmlEdition.Block.chart(null, Chart.bars("図: 年度別の電子受付件数", description, bars, 0, BAR)))));

        sections.add(new HtmlEdition.Section("open-data", "オープンデータ", List.of("同じ数値を機械判読できる形式（CSV、UTF-8、"
                + "1行目が見出し）で公開しています。"), List.of(HtmlEdition.Block.links(null, List.of(
                        new HtmlEdition.Link(CSV_FILE, "年度別の電子申請の利用状況（CSV）"),
                        new HtmlEdition.Link(ADDITIONS_FILE, "新たに掲載されたシステム・手続（CSV）"))))));

        List<HtmlEdition.Fact> facts = List.of(new HtmlEdition.Fact("対象年度", label + "（" + year.year().firstDay().getYear()
                + "年4月から" + year.year().lastDay().getYear() + "年3月まで）"),
                new HtmlEdition.Fact("出典", year.source()));
        return new HtmlEdition.Page("電子申請の利用状況 " + label + "｜中野区", "電子申請の利用状況",
                label, facts, sections, List.of("数値は区の公表値（入力データ eprocedure-figures.csv の区全体の行）による。"
                        + "「公表値なし」は区が公表していない数値。同じ数値のオープンデータ: " + CSV_FILE + "、" + ADDITIONS_FILE + "。"));
    }

}
