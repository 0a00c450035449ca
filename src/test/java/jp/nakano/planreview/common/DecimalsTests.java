package jp.nakano.planreview.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DecimalsTests {

    @Test
    void shouldReadNumbersAsTheWardWritesThem() {
        assertThat(Decimals.parse("1,461,063", false)).isEqualByComparingTo("1461063");
        assertThat(Decimals.parse("１，４６１，０６３", false)).isEqualByComparingTo("1461063");
        assertThat(Decimals.parse(" 62.3% ", true)).isEqualByComparingTo("62.3");
        assertThat(Decimals.parse("６２．３％", true)).isEqualByComparingTo("62.3");
        assertThat(Decimals.parse("▲500", false)).isEqualByComparingTo("-500");
        assertThat(Decimals.parse("△1,500", false)).isEqualByComparingTo("-1500");
    }

    @Test
    void shouldKeepTheExactDecimalRead() {
        assertThat(Decimals.parse("0.1", false)).isEqualTo(new BigDecimal("0.1"));
        assertThat(Decimals.parse("62.30", true).scale()).isEqualTo(2);
    }

    @Test
    void shouldReadPlainAsciiNumbersAsTheFullRulesDo() {
        assertThat(Decimals.parse("0012", false)).isEqualTo(new BigDecimal("12"));
        assertThat(Decimals.parse("-0.50", true)).isEqualTo(new BigDecimal("-0.50"));
        assertThat(Decimals.parse("2441639", false)).isEqualTo(new BigDecimal("2441639"));
        for (String broken : new String[] { "1.", ".5", "-", "", "1.2.3", "--1", "1e3" }) {
            assertThatThrownBy(() -> Decimals.parse(broken, true)).as(broken).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void shouldRejectThePlansWordingAndPointToTheTextColumn() {
        assertThatThrownBy(() -> Decimals.parse("約146万", false)).isInstanceOf(NumberFormatException.class)
            .hasMessageContaining("_text");
        assertThatThrownBy(() -> Decimals.parse("1,46,1063", false)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Decimals.parse("abc", false)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Decimals.parse("5%", false)).hasMessageContaining("「%」");
        assertThatThrownBy(() -> Decimals.parse("100 200", false)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void shouldRoundPercentagesHalfUpInOneDivision() {
        // 2,563 / 5,177 = 49.5074...% prints as 49.51%
        assertThat(Decimals.percent(new BigDecimal("2563"), new BigDecimal("5177"), 2)).isEqualTo("49.51");
        // exactly half a hundredth rounds up: 1 / 800 = 0.125%
        assertThat(Decimals.percent(BigDecimal.ONE, new BigDecimal("800"), 2)).isEqualTo("0.13");
        // 85 / 4,992 = 1.70272...% keeps its trailing zero as printed
        assertThat(Decimals.percent(new BigDecimal("85"), new BigDecimal("4992"), 2)).isEqualTo("1.70");
    }

    @Test
    void shouldGiveNoPercentageWithoutADenominator() {
        assertThat(Decimals.percent(BigDecimal.ONE, BigDecimal.ZERO, 2)).isNull();
        assertThat(Decimals.percent(BigDecimal.ONE, null, 2)).isNull();
    }

    @Test
    void shouldWritePlainNumbersWithoutTrailingZeros() {
        assertThat(Decimals.plain(new BigDecimal("9782.0000000000"))).isEqualTo("9782");
        assertThat(Decimals.plain(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Decimals.plain(new BigDecimal("18.90"))).isEqualTo("18.9");
    }

    @Test
    void shouldWriteAFigureWithExactlyItsDecimalsHalfUp() {
        assertThat(Decimals.fixed(new BigDecimal("46"), 1)).isEqualTo("46.0");
        assertThat(Decimals.fixed(new BigDecimal("1793615"), 0)).isEqualTo("1,793,615");
        assertThat(Decimals.fixed(new BigDecimal("0.25"), 1)).isEqualTo("0.3");
        assertThat(Decimals.fixed(new BigDecimal("3.3333333333"), 0)).isEqualTo("3");
        assertThat(Decimals.fixed(new BigDecimal("-0.04"), 1)).isEqualTo("0.0");
        assertThat(Decimals.decimals(java.util.Arrays.asList(new BigDecimal("31.60"), new BigDecimal("100"), null)))
            .isEqualTo(1);
    }

}
