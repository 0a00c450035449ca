package jp.nakano.planreview.input;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The columns of one input file, as documented in {@code docs/input-format.md}. */
public record InputSchema(String fileName, List<String> requiredColumns, List<String> optionalColumns) {

    public Set<String> allColumns() {
        Set<String> all = new LinkedHashSet<>(requiredColumns);
        all.addAll(optionalColumns);
        return all;
    }

}
