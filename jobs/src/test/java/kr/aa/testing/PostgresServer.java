package kr.aa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kr.aa.io.Storage;
import kr.aa.run.Folders;

/**
 * A real PostgreSQL server for the tests that need one, started from Debian's packages (which
 * {@code .ci/run} installs) in a temporary folder, on loopback and a free port, with trust authentication
 * for the user {@code aa}. PostgreSQL refuses to run as root: as root, the server runs as the
 * {@code postgres} user the packages create.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final String USER = "aa";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asRoot = "root".equals(System.getProperty("user.name"));

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    private static PostgresServer shared;

    /**
     * The server the tests of this JVM share (each in databases of its own), started on first use and
     * stopped when the JVM exits.
     */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A server of the caller's own, to stop and start again; the caller closes it. */
    public static PostgresServer startOwn() {
        return start();
    }

    /** Stops the server at once, as a crash or a network cut would take it away from its clients. */
    public void stop() {
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "stop");
    }

    /** Starts the stopped server again, on the same port, with the same data. */
    public void restart() {
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
    }

    /** Initialises and starts a server; fails with what to install when PostgreSQL is not there. */
    private static PostgresServer start() {
        try {
            Path bin = binaries();
            Path dir = Files.createTempDirectory("aa-postgres");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            PostgresServer server = new PostgresServer(bin, dir, freePort());
            server.run("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                    "--no-locale");
            server.restart();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path binaries() throws IOException {
        if (Files.isDirectory(INSTALLATIONS)) {
            try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
                var found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException("no PostgreSQL server under " + INSTALLATIONS
                + ": install Debian's postgresql package (.ci/run does) to run the tests against PostgreSQL");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void run(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(program + ".out").toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " failed: " + Files.readString(dir.resolve(program + ".out")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates an empty database, and returns the environment that points the pipeline's operational
     * database at it ({@code AA_DB_URL}, {@code AA_DB_USER}, {@code AA_DB_PASSWORD}).
     */
    public Map<String, String> newDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            return Map.of("AA_DB_URL", url(name), "AA_DB_USER", USER, "AA_DB_PASSWORD", "");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
        Folders.delete(Storage.local(dir));
    }
}
