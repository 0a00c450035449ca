package jp.nakano.planreview.measures;

/** Whose schedule a 取組事項 row is: the ward's own, or the state's (国) or Tokyo's (都), which the ward follows. */
public enum Owner {

    WARD("区"), STATE("国"), TOKYO("都");

    private final String word;

    Owner(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

}
