package jp.nakano.planreview.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.nakano.planreview.common.FiscalYear;

/** The yearly 電子申請の利用状況 computed from the input figures, in plain Java. */
class EProcedureUsageTests {

    private static BigDecimal n(long value) {
        return BigDecimal.valueOf(value);
    }

    private static final List<EProcedureUsage.WardTotal> TOTALS = List.of(
            new EProcedureUsage.WardTotal(2020, n(320), null, n(1_461_063), "s2020"),
            new EProcedureUsage.WardTotal(2021, null, null, n(1_706_697), "s2021"),
            new EProcedureUsage.WardTotal(2022, n(423), n(2_441_639), n(1_793_615), "s2022"));

    private static final List<EProcedureUsage.Listed> LISTED = List.of(
            new EProcedureUsage.Listed(2020, "system", "s01", null, "東京電子自治体共同運営電子申請サービス", n(9782), n(201060)),
            new EProcedureUsage.Listed(2020, "procedure", "s01-p1", "s01", "区民健診の申込み", n(2563), n(5177)),
            new EProcedureUsage.Listed(2021, "system", "s01", null, "東京電子自治体共同運営電子申請サービス", n(16982), null),
            new EProcedureUsage.Listed(2021, "procedure", "s01-new1", "s01", "体験事業参加申込等", n(868), null),
            new EProcedureUsage.Listed(2021, "system", "s09", null, "新しい　システム", n(5), null),
            new EProcedureUsage.Listed(2022, "system", "s01", null, "東京電子自治体共同運営電子申請サービス", n(30507), null));

    @Test
    void shouldComputeTheChangeAgainstThePreviousYearOnlyWhereBothYearsHaveTheFigure() {
        List<EProcedureUsage.Year> years = EProcedureUsage.years(TOTALS, LISTED, FiscalYear.of(2022));

        assertThat(years).extracting(y -> y.year().year()).containsExactly(2020, 2021, 2022);
        assertThat(years.get(0).onlineReceiptsChange()).isNull();
        assertThat(years.get(0).hasPrevious()).isFalse();
        assertThat(years.get(1).onlineReceiptsChange()).isEqualByComparingTo("245634");
        assertThat(years.get(2).onlineReceiptsChange()).isEqualByComparingTo("86918");
        // 手続数 of FY2021 is not published: no change either side of it
        assertThat(years.get(1).proceduresChange()).isNull();
        assertThat(years.get(2).proceduresChange()).isNull();
        assertThat(years.get(2).totalReceiptsChange()).isNull();
    }

    @Test
    void shouldComputeTheRateExactlyAndRoundItHalfUpOnlyForDisplay() {
        EProcedureUsage.Year fy2022 = EProcedureUsage.years(TOTALS, LISTED, FiscalYear.of(2022)).get(2);

        // 1,793,615 ÷ 2,441,639 = 0.734590…
        assertThat(fy2022.ratePercent()).isBetween(new BigDecimal("73.459"), new BigDecimal("73.460"));
        assertThat(UsageFigures.rate(fy2022.ratePercent())).isEqualTo("73.46%");
        assertThat(UsageFigures.rateValue(fy2022.ratePercent())).isEqualByComparingTo("73.46");
        assertThat(EProcedureUsage.years(TOTALS, LISTED, FiscalYear.of(2022)).get(1).ratePercent()).isNull();
    }

    @Test
    void shouldListTheSystemsAndProceduresThePreviousYearsListingDoesNotName() {
        List<EProcedureUsage.Year> years = EProcedureUsage.years(TOTALS, LISTED, FiscalYear.of(2022));

        assertThat(years.get(0).addedSystems()).as("no listing to compare with").isNull();
        assertThat(years.get(1).addedSystems()).extracting(EProcedureUsage.Entry::name).containsExactly("新しい　システム");
        assertThat(years.get(1).addedProcedures()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("体験事業参加申込等");
            assertThat(e.system()).isEqualTo("東京電子自治体共同運営電子申請サービス");
            assertThat(e.onlineReceipts()).isEqualByComparingTo("868");
        });
        assertThat(years.get(2).addedSystems()).isEmpty();
        assertThat(years.get(2).addedProcedures()).isEmpty();
        assertThat(UsageFigures.additions(years.get(2))).isEqualTo("前年度の一覧にないシステム・手続の掲載なし");
    }

    @Test
    void shouldStopAtTheReviewYear() {
        assertThat(EProcedureUsage.years(TOTALS, LISTED, FiscalYear.of(2021))).extracting(y -> y.year().year())
            .containsExactly(2020, 2021);
    }

    @Test
    void shouldWriteChangesInWordsAsTheWardDoes() {
        assertThat(UsageFigures.change(n(86_918), true)).isEqualTo("86,918件増加");
        assertThat(UsageFigures.change(n(-1_200), true)).isEqualTo("1,200件減少");
        assertThat(UsageFigures.change(BigDecimal.ZERO, true)).isEqualTo("増減なし");
        assertThat(UsageFigures.change(null, false)).isEqualTo("前年度の数値なし");
        assertThat(UsageFigures.count(null)).isEqualTo("公表値なし");
        // a rate's change in points, between the rates as printed
        assertThat(UsageFigures.pointChange(new BigDecimal("73.459"), new BigDecimal("72.9349"), true)).isEqualTo("0.53ポイント上昇");
        assertThat(UsageFigures.pointChange(new BigDecimal("70"), new BigDecimal("71.5"), true)).isEqualTo("1.50ポイント低下");
        assertThat(UsageFigures.pointChange(new BigDecimal("70"), null, true)).isEqualTo("比較できません");
    }

    /**
     * A listing larger than a page shows: FY2023 keeps the 3 systems of FY2022 (one written in full-width letters
     * and spaces) and adds 598 systems and 1,200 procedures, the first 200 of them under a renamed system.
     */
    private static List<EProcedureUsage.Listed> largeListing() {
        List<EProcedureUsage.Listed> rows = new ArrayList<>();
        rows.add(new EProcedureUsage.Listed(2022, "system", "a", null, "System A", n(1), n(2)));
        rows.add(new EProcedureUsage.Listed(2022, "system", "b", null, "System B", n(1), n(2)));
        rows.add(new EProcedureUsage.Listed(2022, "procedure", "b-1", "b", "Procedure 1", n(1), n(2)));
        rows.add(new EProcedureUsage.Listed(2023, "system", "a", null, "Ｓｙｓｔｅｍ　Ａ", n(1), n(2)));
        rows.add(new EProcedureUsage.Listed(2023, "system", "b", null, "System B", n(1), n(2)));
        rows.add(new EProcedureUsage.Listed(2023, "procedure", "b-1", "b", "Procedure 1", n(1), n(2)));
        for (int i = 1; i <= 1_200; i++) {
            rows.add(new EProcedureUsage.Listed(2023, "procedure", "x-" + i, i <= 200 ? "b" : "s" + i, "New procedure " + i,
                    n(i), n(2 * i)));
        }
        for (int i = 1; i <= 598; i++) {
            rows.add(new EProcedureUsage.Listed(2023, "system", "s" + i, null, "New system " + i, n(i), n(2 * i)));
        }
        return rows;
    }

    private static final List<EProcedureUsage.WardTotal> TWO_YEARS = List.of(
            new EProcedureUsage.WardTotal(2022, n(2), n(4), n(2), "s2022"),
            new EProcedureUsage.WardTotal(2023, n(1_800), n(100), n(50), "s2023"));

    @Test
    void shouldListTheFirstSystemsAndAdditionsOfALargeListingAndCountThemAll() {
        EProcedureUsage.Year fy2023 = EProcedureUsage.years(TWO_YEARS, largeListing(), FiscalYear.of(2023)).get(1);

        assertThat(fy2023.systemsInAll()).isEqualTo(600);
        assertThat(fy2023.systems()).hasSize(EProcedureUsage.MAX_LISTED_SYSTEMS);
        assertThat(fy2023.systems().get(0).name()).isEqualTo("Ｓｙｓｔｅｍ　Ａ");
        // "Ｓｙｓｔｅｍ　Ａ" is "System A" after NFKC without spaces: not new
        assertThat(fy2023.addedSystemsInAll()).isEqualTo(598);
        assertThat(fy2023.addedProceduresInAll()).isEqualTo(1_200);
        assertThat(fy2023.addedSystems()).hasSize(EProcedureUsage.MAX_LISTED_ADDITIONS)
            .extracting(EProcedureUsage.Entry::name).startsWith("New system 1", "New system 2");
        assertThat(fy2023.addedProcedures()).hasSize(EProcedureUsage.MAX_LISTED_ADDITIONS).first()
            .satisfies(e -> assertThat(e.system()).isEqualTo("System B"));
        assertThat(fy2023.additionsComplete()).isFalse();
        assertThat(UsageFigures.additions(fy2023)).startsWith("システム「New system 1」（電子受付件数 1件）")
            .endsWith("ほか 1,598 件（新たに掲載されたシステム 598 件・手続 1,200 件の全件は eprocedure-usage-additions.csv）");
        // a small listing is complete
        assertThat(EProcedureUsage.years(TOTALS, LISTED, FiscalYear.of(2022))).allMatch(EProcedureUsage.Year::additionsComplete);
    }

    @Test
    void shouldWriteEveryAdditionOfALargeListingToTheOpenDataAndSayOnThePageWhatItLeavesOut(@TempDir Path dir)
            throws Exception {
        List<EProcedureUsage.Listed> listing = largeListing();
        List<EProcedureUsage.Year> years = EProcedureUsage.years(TWO_YEARS, listing, FiscalYear.of(2023));

        assertThatThrownBy(() -> new UsageEdition(new HtmlEdition()).write(years, dir))
            .hasMessageContaining("FY2023 has 598 added systems and 1200 added procedures");
        new UsageEdition(new HtmlEdition()).write(years, EProcedureUsage.inMemory(listing), dir);

        List<String> additions = Files.readString(dir.resolve(UsageEdition.ADDITIONS_FILE)).replace("\uFEFF", "").lines()
            .skip(1).toList();
        assertThat(additions).hasSize(1_798);
        assertThat(additions.get(0)).isEqualTo("2023,令和5年度,システム,New system 1,,1");
        assertThat(additions.get(597)).isEqualTo("2023,令和5年度,システム,New system 598,,598");
        assertThat(additions.get(598)).isEqualTo("2023,令和5年度,手続,New procedure 1,System B,1");
        assertThat(additions.get(598 + 200)).isEqualTo("2023,令和5年度,手続,New procedure 201,New system 201,201");
        assertThat(additions.get(1_797)).as("no such system").isEqualTo("2023,令和5年度,手続,New procedure 1200,,1200");
        String page = Files.readString(dir.resolve("eprocedure-usage-FY2023.html"));
        assertThat(page).contains("全 600 システムのうち、入力の順に先頭 500 システムを掲載しています")
            .contains("ほか 1,598 件（新たに掲載されたシステム 598 件・手続 1,200 件の全件は eprocedure-usage-additions.csv）")
            .contains(">New system 498<").doesNotContain(">New system 499<");
    }

    @Test
    void shouldCompareNamesByFingerprintAfterNfkcWithoutSpaces() {
        EProcedureUsage.ListedNames names = new EProcedureUsage.ListedNames();
        for (int i = 0; i < 100_000; i++) {
            names.add("手続 " + i);
        }
        names.add("手続 1"); // again: one name
        assertThat(names.size()).isEqualTo(100_000);
        for (int i = 0; i < 100_000; i++) {
            assertThat(names.contains("手続" + i)).isTrue();
        }
        assertThat(names.contains("手続　９９９９９")).as("full-width digits and space").isTrue();
        assertThat(names.contains("手続 100000")).isFalse();
        assertThat(names.contains("手続 -1")).isFalse();
        assertThat(names.contains("")).isFalse();
    }

}
