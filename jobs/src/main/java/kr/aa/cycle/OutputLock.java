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
 * One cycle at a time per local output folder: an operating-system lock on {@code <out>/state/cycle.lock}, a file
 * that names the holder (process, host, year, command, start). The system releases the lock when its
 * process ends, however it ends, so a lock file whose lock nobody holds was left by a dead run: it is taken
 * over, and the run says so. A second start while the holder lives is refused at once with its name.
 */
public final class OutputLock implements AutoCloseable {

    /** The folder is in use by another live run. */
    public static final class InUse extends RuntimeException {

        InUse(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;
    private final String takenOver;

    private OutputLock(FileChannel channel, FileLock lock, String takenOver) {
        this.channel = channel;
        this.lock = lock;
        this.takenOver = takenOver;
    }

    /** Takes the lock of the output folder for a run described by {@code command}, or fails with {@link InUse}. */
    public static OutputLock take(Path outDir, int reportingYear, String command) {
        java.nio.file.Path file = Storage.toLocal(Folders.createPrivate(new Path(outDir,
                "state"))).resolve("cycle.lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
            return new OutputLock(channel, lock, holder);
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
        return "the " + command.split(" ", 2)[0] + " of " + reportingYear + " (process " + ProcessHandle.current().pid() + " on " + host
                + ", started " + Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime())
                .truncatedTo(ChronoUnit.SECONDS) + ": " + command + ")";
    }

    /** Empties the lock file and releases the lock: the folder is free. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock of the output folder", e);
        }
    }
}
