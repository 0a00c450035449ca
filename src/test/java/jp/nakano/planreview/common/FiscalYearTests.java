package jp.nakano.planreview.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FiscalYearTests {

    @ParameterizedTest
    @ValueSource(strings = { "2025", "FY2025", "fy2025", "2025年度", "R7", "令和7", "令和7年度", "令和７年度", "２０２５" })
    void shouldReadEveryWayTheWardWritesAFiscalYear(String text) {
        assertThat(FiscalYear.parse(text).year()).isEqualTo(2025);
    }

    @Test
    void shouldReadReiwaGannenAsFY2019() {
        assertThat(FiscalYear.parse("令和元年度")).isEqualTo(FiscalYear.of(2019));
        assertThat(FiscalYear.of(2019).japanese()).isEqualTo("令和元年度");
    }

    @Test
    void shouldMapReiwaNToFY2018PlusN() {
        assertThat(FiscalYear.parse("R2").year()).isEqualTo(2020);
        assertThat(FiscalYear.of(2030).japanese()).isEqualTo("令和12年度");
        assertThat(FiscalYear.of(2025).label()).isEqualTo("令和7年度 (FY2025)");
    }

    @Test
    void shouldWriteTheShortFormAndTheYearEndTheWayReportsShowThem() {
        assertThat(FiscalYear.of(2020).shortJapanese()).isEqualTo("R2");
        assertThat(FiscalYear.of(2018).shortJapanese()).isEqualTo("2018");
        assertThat(FiscalYear.of(2022).endJapanese()).isEqualTo("2023年3月31日（令和4年度末）");
    }

    @Test
    void shouldStartTheFiscalYearOnTheFirstOfApril() {
        assertThat(FiscalYear.containing(LocalDate.of(2026, 3, 31))).isEqualTo(FiscalYear.of(2025));
        assertThat(FiscalYear.containing(LocalDate.of(2026, 4, 1))).isEqualTo(FiscalYear.of(2026));
        assertThat(FiscalYear.of(2025).firstDay()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(FiscalYear.of(2025).lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void shouldRejectTextThatIsNoFiscalYearAndSayWhatItExpects() {
        assertThatIllegalArgumentException().isThrownBy(() -> FiscalYear.parse("next year"))
            .withMessageContaining("'next year'")
            .withMessageContaining("令和7年度");
    }

    @Test
    void shouldWriteAWordingsWesternFiscalYearsTheJapaneseWay() {
        assertThat(FiscalYear.japaneseIn("約6.8万件 (2024年度末)")).isEqualTo("約6.8万件 (令和6年度末)");
        assertThat(FiscalYear.japaneseIn("2019年度（令和2年3月）末")).isEqualTo("令和元年度（令和2年3月）末");
        assertThat(FiscalYear.japaneseIn("約146万件")).isEqualTo("約146万件");
        assertThat(FiscalYear.japaneseIn(null)).isNull();
    }

}
