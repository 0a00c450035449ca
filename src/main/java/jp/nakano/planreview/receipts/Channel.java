package jp.nakano.planreview.receipts;

import java.util.Locale;

/** How an application was received; {@code online} is 電子受付, all four together are 全受付. */
public enum Channel {

    ONLINE, COUNTER, MAIL, OTHER;

    /** The value as the logs write it: {@code online}, {@code counter}, {@code mail}, {@code other}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

}
