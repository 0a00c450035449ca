package jp.nakano.planreview.input;

/**
 * A row as read with what its file's parser made of it: the value, or the exception that rejects it, thrown
 * only when the step processes the row, so it is skipped and reported exactly as if it were parsed there.
 *
 * @param <T> the row type
 */
public record ParsedRow<T>(CsvRow row, T value, RuntimeException rejection) {

    /** The parsed value, or the rejection thrown. */
    public T valueOrThrow() {
        if (rejection != null) {
            throw rejection;
        }
        return value;
    }

}
