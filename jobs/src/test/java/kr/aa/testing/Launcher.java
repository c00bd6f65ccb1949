package kr.aa.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code ./aa} launcher run in its own JVM, as a statistician runs it, from the project's root. */
public final class Launcher {

    private static final long MINUTES = 5;
    /**
     * The JVM the tests launch: the bundles are tiny, so a run is mostly the JVM warming up; the quick compiler
     * alone and the serial collector take a third off each launch, and a small heap (the least Spark accepts, and a
     * small young generation) another sixth, most of it the kernel's time touching memory; not verifying the
     * bytecode of the class path, which the test JVMs load verified, another 5 % (the pipeline's own options stay as
     * they are).
     */
    private static final Map<String, String> LEAN_JVM = Map.of("AA_JAVA_OPTS", "-XX:TieredStopAtLevel=1"
            + " -XX:+UseSerialGC -Xmx512m -Xmn64m -XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote");

    /** How a command ended: its exit code and what it wrote. */
    public record Result(int exit, String stdout, String stderr) {
    }

    private Launcher() {
    }

    /**
     * Starts {@code ./aa args} with more environment and kills it with SIGKILL as soon as it prints a line
     * holding {@code marker} (its log included); returns what it printed until then. Fails when it ends first.
     */
    public static String killAt(String marker, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return onLine(marker, Process::destroyForcibly, environment, args).stdout();
    }

    /**
     * Starts {@code ./aa args} with more environment, does {@code action} as soon as it prints a line holding
     * {@code marker} (its log included), and returns how it ended and all it printed (standard error merged).
     * Fails when it ends before the marker.
     */
    public static Result onLine(String marker, java.util.function.Consumer<Process> action,
            Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Process process = launcher(List.of(), environment, args).redirectErrorStream(true).start();
        StringBuilder printed = new StringBuilder();
        boolean seen = false;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                printed.append(line).append('\n');
                if (!seen && line.contains(marker)) {
                    seen = true;
                    action.accept(process);
                }
            }
        } catch (IOException closed) {
            // killing the process closes the stream being read: what it printed before is all there is
            if (!seen) {
                throw closed;
            }
        }
        process.waitFor();
        if (!seen) {
            throw new AssertionError("./aa " + String.join(" ", args) + " ended (exit " + process.exitValue()
                    + ") before printing '" + marker + "':\n" + printed);
        }
        return new Result(process.exitValue(), printed.toString(), printed.toString());
    }

    /**
     * Starts {@code ./aa args} in the background from a shell whose umask is {@code umask}, its output kept in
     * {@code dir/<name>.txt}.
     */
    public static Process start(Path dir, String name, String umask, Map<String, String> environment,
            String... args) throws IOException {
        return launcher(List.of("sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""), environment, args)
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".txt").toFile()).start();
    }

    /** Runs {@code ./aa args} with more environment, keeping its output in {@code dir}. */
    public static Result aa(Path dir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process process = launcher(List.of(), environment, args).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        if (!process.waitFor(MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./aa " + String.join(" ", args) + " ran over " + MINUTES + " minutes");
        }
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** {@code ./aa args} from the project's root, behind {@code prefix}, with the lean JVM and more environment. */
    private static ProcessBuilder launcher(List<String> prefix, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(Fixtures.ROOT.resolve("aa").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Fixtures.ROOT.toFile());
        builder.environment().putAll(LEAN_JVM);
        builder.environment().putAll(environment);
        return builder;
    }
}
