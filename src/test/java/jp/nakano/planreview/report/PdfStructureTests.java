package jp.nakano.planreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The alternative texts put into the written PDF: Japanese as UTF-16, in the place and length of the placeholder. */
class PdfStructureTests {

    @Test
    void shouldReplaceEachPlaceholderWithItsTextAsUtf16OfTheSameLength() {
        String placeholder = "ALT00001" + "x".repeat(4 + 4 * 3 - 8); // a 3-character text: 16 characters
        byte[] pdf = ("1 0 obj <</S/Figure/Alt(" + placeholder + ")>> endobj").getBytes(StandardCharsets.ISO_8859_1);

        byte[] out = PdfStructure.withAlternativeTexts(pdf, Map.of(placeholder, "図 1"));

        assertThat(out).hasSameSizeAs(pdf);
        assertThat(new String(out, StandardCharsets.ISO_8859_1)).isEqualTo("1 0 obj <</S/Figure/Alt(<FEFF56F300200031>)>> endobj"
                .replace("(<", "<").replace(">)", ">"));
    }

    @Test
    void shouldFailWhenThePdfLacksAPlaceholder() {
        assertThatIllegalStateException()
            .isThrownBy(() -> PdfStructure.withAlternativeTexts("%PDF".getBytes(StandardCharsets.ISO_8859_1),
                    Map.of("ALT00001xxxxxxxx", "図 1")))
            .withMessageContaining("図 1");
    }

}
