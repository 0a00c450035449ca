package jp.nakano.planreview.input;

/** An input file that cannot be used at all: missing, unreadable, wrong encoding, no header. */
public class InputFileException extends RuntimeException {

    private final String file;

    public InputFileException(String file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public InputFileException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    public String file() {
        return file;
    }

}
