package jp.nakano.planreview.portal;

/** What a portal user may see. */
enum Role {

    /** Staff: the year's runs and KPI overview, and the reports (PDF, XLSX) and CSV files to download. */
    STAFF,

    /** Auditors: also the run pages (inputs, findings, steps, verification), the findings file and manifests. */
    AUDITOR;

    static final String AUDITOR_AUTHORITY = "ROLE_AUDITOR";

}
