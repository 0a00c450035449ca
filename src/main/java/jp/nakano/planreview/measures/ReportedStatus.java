package jp.nakano.planreview.measures;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a department reports for a 取組事項 in the review year; the CSV holds the Japanese word. */
public enum ReportedStatus {

    /** 予定どおり: the planned stage was carried out. */
    ON_SCHEDULE("予定どおり", "○"),
    /** 前倒し: ahead of the schedule. */
    AHEAD("前倒し", "◎"),
    /** 遅れ: behind the schedule. */
    BEHIND("遅れ", "▲"),
    /** 未着手: not started although the schedule has a stage this year. */
    NOT_STARTED("未着手", "△"),
    /** 中止: stopped. */
    STOPPED("中止", "×"),
    /** 完了: finished; nothing is left to do. */
    DONE("完了", "●");

    private final String word;

    private final String symbol;

    ReportedStatus(String word, String symbol) {
        this.word = word;
        this.symbol = symbol;
    }

    public String word() {
        return word;
    }

    /** A symbol beside the word so the status reads in black and white. */
    public String symbol() {
        return symbol;
    }

    /** 遅れ, 未着手 and 中止 are misses: the department must explain them (課題 and 今後の方向性). */
    public boolean isMiss() {
        return this == BEHIND || this == NOT_STARTED || this == STOPPED;
    }

    public static Optional<ReportedStatus> ofWord(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst();
    }

    public static String words() {
        return Arrays.stream(values()).map(ReportedStatus::word).collect(Collectors.joining("、"));
    }

}
