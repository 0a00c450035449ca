package jp.nakano.planreview.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldsTests {

    @Test
    void shouldRejectATextLongerThanTheTablesHold() {
        Fields f = new Fields(row(Map.of("source", "x".repeat(Fields.MAX_TEXT + 1))));
        f.text("source");

        assertThatThrownBy(f::check).isInstanceOf(RejectedRowException.class)
            .hasMessageContaining("source=")
            .hasMessageContaining("4001文字あり");
    }

    @Test
    void shouldRejectANumberWithMoreDigitsThanTheTablesHold() {
        Fields f = new Fields(row(Map.of("value", "1" + "0".repeat(28), "rate", "0.12345678901")));
        f.decimal("value");
        f.decimal("rate");

        assertThatThrownBy(f::check).isInstanceOf(RejectedRowException.class)
            .satisfies(ex -> assertThat(((RejectedRowException) ex).problems()).hasSize(2));
    }

    @Test
    void shouldNameEveryBrokenFieldOfARowAtOnce() {
        Fields f = new Fields(row(Map.of("kpi_id", "chiiki2 k01", "fiscal_year", "next", "value", "abc")));
        f.id("kpi_id");
        f.fiscalYear("fiscal_year");
        f.decimal("value");

        assertThatThrownBy(f::check).isInstanceOf(RejectedRowException.class)
            .satisfies(ex -> assertThat(((RejectedRowException) ex).problems())
                .extracting(RejectedRowException.Problem::field)
                .containsExactly("kpi_id", "fiscal_year", "value"));
    }

    @Test
    void shouldCheckAnIdByTheSameRuleAsTheDocumentedPattern() {
        java.util.regex.Pattern documented = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
        for (String id : new String[] { "chiiki2", "dx2026.k-01_a", "A", "9", "", "-a", ".a", "a b", "a/b", "ａ", "１２",
                "k01\u200b", "x".repeat(64), "x".repeat(65), "é", "a.", "Z_" }) {
            assertThat(Fields.isId(id)).as(id).isEqualTo(documented.matcher(id).matches());
        }
    }

    private static CsvRow row(Map<String, String> cells) {
        Map<String, String> ordered = new LinkedHashMap<>(cells);
        return new CsvRow("test.csv", 2, ordered, "raw", ordered.size(), ordered.size());
    }

}
