package jp.nakano.planreview.findings;

/** How serious a finding is: errors leave data out, warnings and information never stop a run. */
public enum Severity {

    /** The data cannot be used as it is: the row or file is left out. */
    ERROR,

    /** The data is used, but something looks wrong and a person should check it. */
    WARNING,

    /** Worth knowing, nothing is wrong with the data. */
    INFO

}
