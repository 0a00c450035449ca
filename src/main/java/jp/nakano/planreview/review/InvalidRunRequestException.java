package jp.nakano.planreview.review;

/** A run asked for something the input cannot give: an unknown plan, a year without figures. */
public class InvalidRunRequestException extends RuntimeException {

    public InvalidRunRequestException(String message) {
        super(message);
    }

}
