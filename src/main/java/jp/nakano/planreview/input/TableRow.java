package jp.nakano.planreview.input;

import java.util.Map;

/** A validated input row that knows the table it is stored in and its column values. */
public interface TableRow {

    /** Column name to value, in the table's column order; enums as their lower-case names. */
    Map<String, Object> columns();

}
