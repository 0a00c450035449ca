package jp.nakano.planreview.measures;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A stage of a 取組事項's yearly schedule (スケジュールの進捗の凡例, seed 000 line 309): ①検討(方針決定、予算要求)
 * ②準備(調達、構築) ③稼働、実施、拡充 ④継続、推進. The legend groups the seven words into four steps.
 */
public enum Stage {

    STUDY("検討", 1),
    PREPARE("準備", 2),
    OPERATE("稼働", 3),
    IMPLEMENT("実施", 3),
    EXPAND("拡充", 3),
    PROMOTE("推進", 4),
    CONTINUE("継続", 4);

    private final String word;

    private final int step;

    Stage(String word, int step) {
        this.word = word;
        this.step = step;
    }

    /** The plan's word: 検討, 準備 … */
    public String word() {
        return word;
    }

    /** The legend's step, 1 (検討) to 4 (継続・推進). */
    public int step() {
        return step;
    }

    public static Optional<Stage> ofWord(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst();
    }

    /** The words, for messages: 検討, 準備, … */
    public static String words() {
        return Arrays.stream(values()).map(Stage::word).collect(Collectors.joining("、"));
    }

}
