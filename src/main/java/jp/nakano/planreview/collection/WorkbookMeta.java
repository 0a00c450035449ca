package jp.nakano.planreview.collection;

/** The keys of the hidden meta sheet of a collection workbook: what the workbook was sent as. */
final class WorkbookMeta {

    static final String FORMAT = "format";

    static final String VERSION = "version";

    static final String FISCAL_YEAR = "fiscal_year";

    static final String DEPARTMENT = "department";

    /** The kpi_ids of the KPI sheet as sent, comma separated. */
    static final String KPIS = "kpis";

    /** The percentage KPIs whose figures are in the tens, where a value below 1 is a fraction typed by mistake. */
    static final String PERCENT_SCALE = "percent_scale_kpis";

    /** The item_ids of the 取組事項 sheet as sent. */
    static final String ITEMS = "items";

    /** The row_ids of the e-procedure sheet as sent. */
    static final String EPROCEDURES = "eprocedures";

    private WorkbookMeta() {
    }

}
