package kr.aa.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * Where a run's output lives: any Hadoop file system ({@code hdfs://…}, {@code s3a://…} with its connector on the
 * class path), the local disk by default. Every file the pipeline writes or reads under its output folder goes
 * through here or through Spark, both by Hadoop's {@link FileSystem}, so a run on a cluster whose executors share no
 * disk with the driver reads and writes the same files as one on a laptop.
 *
 * <p>A local location is an absolute path without a scheme, resolved against a default file system fixed to the
 * local one (the driver's alone: Spark is handed qualified paths), whatever Hadoop configuration the class path
 * holds. The local file system is used
 * without Hadoop's checksum files ({@code .crc}), which would sit beside every output file; what is made is
 * owner-only until it is published ({@code Folders}).
 */
public final class Storage {

    /** A location with a scheme: {@code hdfs://namenode:8020/aa}, {@code s3a://bucket/aa}, {@code file:/data/aa}. */
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:/.*");
    private static final Configuration CONFIGURATION = configure(new Configuration());

    private Storage() {
    }

    /**
     * What every Hadoop client of the pipeline needs, the driver's and Spark's alike: the local disk's permissions
     * set without starting a process, and what is made owner-only.
     */
    public static Map<String, String> settings() {
        return Map.of("fs.file.impl", PosixLocalFileSystem.class.getName(), "fs.permissions.umask-mode", "077");
    }

    /**
     * The driver's own settings besides: scheme-less paths on the local disk, whatever default file system the class
     * path's Hadoop configuration names (Spark keeps that one, a YARN cluster's staging area say, and is handed
     * qualified paths: {@link #qualified}).
     */
    private static Configuration configure(Configuration conf) {
        settings().forEach(conf::set);
        conf.set("fs.defaultFS", "file:///");
        return conf;
    }

    public static Configuration configuration() {
        return CONFIGURATION;
    }

    /**
     * The location a user names: a URI with a scheme as it is, anything else a local path, made absolute and
     * normalised.
     */
    public static Path location(String text) {
        return URI.matcher(text).matches() ? new Path(text) : local(java.nio.file.Path.of(text));
    }

    /** A file or folder of {@code dir}; its name is a name, even with a colon in it ({@code "notes:1.csv"}). */
    public static Path child(Path dir, String name) {
        return new Path(dir, "./" + name);
    }

    /** A location as Spark is to read or write it: with its scheme, the local disk's included. */
    public static String qualified(Path path) {
        return (path.toUri().getScheme() == null ? new Path("file", null, path.toUri().getPath()) : path).toString();
    }

    /** The location of a local file or folder. */
    public static Path local(java.nio.file.Path path) {
        return new Path(path.toAbsolutePath().normalize().toString());
    }

    /** Whether a location is on the local disk. */
    public static boolean isLocal(Path path) {
        // without a scheme, the default file system: the local one (configure)
        String scheme = path.toUri().getScheme();
        return scheme == null || scheme.equals("file");
    }

    /** The local file of a location on the local disk. */
    public static java.nio.file.Path toLocal(Path path) {
        if (!isLocal(path)) {
            throw new IllegalArgumentException(path + " is not on the local disk");
        }
        return java.nio.file.Path.of(path.toUri().getPath());
    }

    /** The file system of a location; the local one without checksum files. */
    public static FileSystem fs(Path path) {
        try {
            FileSystem fs = path.getFileSystem(CONFIGURATION);
            return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the file system of " + path + ": " + e.getMessage(), e);
        }
    }

    /** A new file, or an old one emptied; its missing folders are made. */
    public static OutputStream create(Path file) {
        try {
            return fs(file).create(file, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static InputStream open(Path file) {
        try {
            return fs(file).open(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static String readString(Path file) {
        try (InputStream in = open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static void writeString(Path file, CharSequence text) {
        try (OutputStream out = create(file)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static boolean exists(Path path) {
        try {
            return fs(path).exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public static boolean isDirectory(Path path) {
        try {
            return fs(path).getFileStatus(path).isDirectory();
        } catch (FileNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The entries of a folder, by name, each a child of {@code dir} as given; none when it is missing. */
    public static List<Path> list(Path dir) {
        try {
            // "./": a name with a colon (a user's "copy 2:1.csv") is a name, not a URI scheme
            return Arrays.stream(fs(dir).listStatus(dir))
                    .map(status -> child(dir, status.getPath().getName()))
                    .sorted(Comparator.comparing(Path::getName)).toList();
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Every folder and file below {@code dir}, with its size. */
    public static List<FileStatus> walk(Path dir) {
        List<FileStatus> entries = new ArrayList<>();
        ArrayDeque<Path> pending = new ArrayDeque<>(List.of(dir));
        try {
            while (!pending.isEmpty()) {
                for (FileStatus entry : fs(dir).listStatus(pending.pop())) {
                    entries.add(entry);
                    if (entry.isDirectory()) {
                        pending.push(entry.getPath());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return entries;
    }

    /** Makes a folder and its missing parents. */
    public static void mkdirs(Path dir) {
        try {
            if (!fs(dir).mkdirs(dir)) {
                throw new IOException("the file system refused");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a file, or a folder with all it holds; nothing when it is missing. */
    public static void delete(Path path) {
        try {
            // the local file system says false, without a word, when it leaves a file it cannot delete
            if (!fs(path).delete(path, true) && exists(path)) {
                throw new IOException("the file system left some of it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    /** Copies a file, or a folder with all it holds, to a name that does not exist yet (or a file's, replaced). */
    public static void copy(Path from, Path to) {
        try {
            if (!FileUtil.copy(fs(from), from, fs(to), to, false, CONFIGURATION)) {
                throw new IOException("the file system refused");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renames a file or folder to a name that does not exist yet, as its file system renames: at once on a local
     * disk (never by a copy across file systems) and on HDFS, by copying on an object store. Never into a folder of
     * that name: elsewhere it fails when the name exists; on the local disk the system's rename replaces a file or an
     * empty folder of the name and fails on any other.
     */
    public static void rename(Path from, Path to) {
        try {
            if (isLocal(from) && isLocal(to)) {
                Files.move(toLocal(from), toLocal(to), StandardCopyOption.ATOMIC_MOVE);
            } else {
                FileContext.getFileContext(from.toUri(), CONFIGURATION).rename(from, to, Options.Rename.NONE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
