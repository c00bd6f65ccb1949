package kr.aa.cycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import kr.aa.io.Storage;
import kr.aa.run.Folders;
import org.apache.hadoop.fs.Path;

/**
 * One command at a time per output folder. On a local folder, an operating-system lock on
 * {@code <out>/state/cycle.lock}, a file that names the holder (process, host, year, command, start). The system
 * releases the lock when its process ends, however it ends, so a lock file whose lock nobody holds was left by a dead
 * run: it is taken over, and the run says so. On a folder of a file system shared by several machines (HDFS, an
 * object store), where no operating-system lock reaches, an advisory lock in the folder's PostgreSQL database
 * ({@code AA_DB_URL}) keyed by a digest of the folder's URI, held on a connection of its own and released by the
 * server when that connection ends, however the run ends. A second start while the holder lives is refused at once.
 */
public final class OutputLock implements AutoCloseable {

    /** The folder is in use by another live run. */
    public static final class InUse extends RuntimeException {

        InUse(String message) {
            super(message);
        }
    }

    /** What is let go with the lock. */
    private final AutoCloseable held;
    private final String takenOver;

    private OutputLock(AutoCloseable held, String takenOver) {
        this.held = held;
        this.takenOver = takenOver;
    }

    /**
     * Takes the lock of the output folder for a run described by {@code command}, a folder off the local disk's in its
     * {@code database}; or fails with {@link InUse}.
     */
    public static OutputLock take(Path outDir, int reportingYear, String command, JobDatabase database) {
        return Storage.isLocal(outDir) ? onDisk(outDir, reportingYear, command) : inDatabase(outDir, database);
    }

    private static OutputLock onDisk(Path outDir, int reportingYear, String command) {
        java.nio.file.Path file = Storage.toLocal(Folders.createPrivate(new Path(outDir, "state")))
                .resolve("cycle.lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        try {
            FileLock lock = tryLock(channel);
            String holder = read(channel);
            if (lock == null) {
                throw new InUse(outDir + " is in use by " + (holder.isEmpty() ? "another run" : holder)
                        + "; wait for it to end (one cycle at a time per output folder)");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(describe(reportingYear, command).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new OutputLock(() -> {
                channel.truncate(0);
                lock.release();
                channel.close();
            }, holder);
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("cannot lock " + file, (IOException) e);
        }
    }

    private static OutputLock inDatabase(Path outDir, JobDatabase database) {
        return new OutputLock(DatabaseLock.takeFolder(database.dataSource(), database.url(), outDir.toString()), "");
    }

    /** What the lock file said of a dead run this one took the lock over from; empty when there was none. */
    public String takenOver() {
        return takenOver;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;  // held by a run in this very process
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    /** A run as another start is told of it: its command's name and year, process, host, start and command. */
    static String describe(int reportingYear, String command) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "an unknown host";
        }
        return "the " + command.split(" ", 2)[0] + " of " + reportingYear + " (process " + ProcessHandle.current().pid()
                + " on " + host + ", started " + Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean()
                .getStartTime()).truncatedTo(ChronoUnit.SECONDS) + ": " + command + ")";
    }

    /** Lets the lock go (a lock file is emptied first): the folder is free. */
    @Override
    public void close() {
        try {
            held.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot release the lock of the output folder: " + e.getMessage(), e);
        }
    }
}
