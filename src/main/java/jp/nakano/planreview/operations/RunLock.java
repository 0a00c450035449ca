package jp.nakano.planreview.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The one run that may use a data folder (the embedded database, the logs) at a time: an operating-system
 * lock on {@code <data-dir>/plan-review.lock}, held for the life of the process. The system releases it
 * when the process ends in any way, kill -9 included, so a crashed run never blocks the next one. The file
 * says who holds it, so a second run can name the run it waits for.
 */
public final class RunLock implements AutoCloseable {

    /** The lock file's name inside the data folder. */
    private static final String FILE_NAME = "plan-review.lock";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path file;

    private final FileChannel channel;

    private final FileLock lock;

    private final String since;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.since = LocalDateTime.now().format(TIME);
    }

    /**
     * Takes the lock of {@code dataDir}, creating the folder if needed.
     * @throws HeldException when another process holds it, naming that process's run
     */
    public static RunLock acquire(Path dataDir, String what) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        }
        catch (IOException | RuntimeException ex) {
            channel.close();
            throw ex;
        }
        if (lock == null) {
            channel.close();
            throw new HeldException(file, holder(file));
        }
        RunLock runLock = new RunLock(file, channel, lock);
        runLock.describe(what);
        return runLock;
    }

    /** Says what the holder is doing now, for a process that finds the lock taken. */
    public synchronized void describe(String what) {
        String text = "pid " + ProcessHandle.current().pid() + ", since " + since + ": " + what + "\n";
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "a process that has just started" : text;
        }
        catch (IOException ex) {
            return "a process (" + file + " unreadable: " + ex.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        // the file stays: removing it could race with a process that has just opened it to lock it
        lock.release();
        channel.close();
    }

    /** The data folder is in use by another run. */
    public static final class HeldException extends IOException {

        private final transient Path file;

        private final String holder;

        HeldException(Path file, String holder) {
            super("another plan-review run holds " + file.getParent() + " (" + holder + ")");
            this.file = file;
            this.holder = holder;
        }

        public Path file() {
            return file;
        }

        /** What the holder wrote about itself: pid, start time and its run. */
        public String holder() {
            return holder;
        }

    }

}
