package kr.aa.cycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.aa.testing.Fixtures;

/**
 * A Spark standalone master and its workers, each in its own JVM on loopback, every port the kernel's choice. Their
 * class path is Spark's alone (the pipeline's library folder, {@code jobs/target/lib}): the pipeline's jar reaches
 * the executors through the driver ({@code spark.jars}). Each worker, and every executor it starts, runs in a private
 * mount namespace where one folder of the driver's machine is an empty file system of its own.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final Pattern MASTER = Pattern.compile("Starting Spark master at (spark://\\S+)");
    private static final Pattern REGISTERED = Pattern.compile("Successfully registered with master");
    private static final Duration START = Duration.ofMinutes(1);

    private final Path dir;
    private final Path sparkHome;
    private final List<Process> processes = new ArrayList<>();
    private final String masterUrl;

    /** Starts the master, its files (logs, the workers' folders, a Spark home) in {@code dir}. */
    StandaloneCluster(Path dir) throws Exception {
        this.dir = dir;
        // the worker builds an executor's class path from SPARK_HOME/jars
        sparkHome = Files.createDirectories(dir.resolve("spark-home"));
        Files.createSymbolicLink(sparkHome.resolve("jars"), Fixtures.ROOT.resolve("jobs/target/lib"));
        // Spark's REST submission server would take the fixed port 6066
        Process master = start("master", List.of(), "-Dspark.master.rest.enabled=false",
                "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "0", "--webui-port", "0");
        try {
            masterUrl = waitFor(master, "master", MASTER).group(1);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    String masterUrl() {
        return masterUrl;
    }

    /**
     * Starts a worker of one core whose view of {@code hidden}, and its executors', is an empty file system; returns
     * its process once the master has it.
     */
    Process startWorker(Path hidden) throws Exception {
        String name = "worker" + processes.size();
        Path work = Files.createDirectories(dir.resolve(name));
        // sh replaces itself with the worker's JVM: the process held is the worker, inside the namespace
        Process worker = start(name, List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                        "mount -t tmpfs -o size=1m,mode=700 tmpfs \"$0\" && exec \"$@\"", hidden.toString()),
                "-Dspark.worker.cleanup.enabled=false", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1g", "--work-dir", work.toString(),
                masterUrl);
        waitFor(worker, name, REGISTERED);
        return worker;
    }

    /** Whether this machine lets a process mount a file system of its own in a private namespace. */
    static String cannotIsolate(Path dir) throws Exception {
        Process probe = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs -o size=1m tmpfs \"$0\"", dir.toString()).redirectErrorStream(true).start();
        String printed = new String(probe.getInputStream().readAllBytes());
        return probe.waitFor() == 0 ? null : "a worker cannot be kept from the driver's folders here: unshare"
                + " --mount needs root or a kernel that lets it (" + printed.strip() + ")";
    }

    /** Kills a worker and the executors it started with SIGKILL, all at once. */
    static void kill(Process worker) {
        List<ProcessHandle> all = new ArrayList<>(worker.descendants().toList());
        all.add(worker.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
    }

    private Process start(String name, List<String> prefix, String... javaArgs) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Fixtures.ROOT.resolve("jobs/target/jvm.options"), "-Xmx256m", "-cp", sparkHome.resolve("jars")
                        + "/*"));
        command.addAll(List.of(javaArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private Matcher waitFor(Process process, String name, Pattern line) throws Exception {
        Path log = dir.resolve(name + ".log");
        for (long deadline = System.nanoTime() + START.toNanos(); System.nanoTime() < deadline; Thread.sleep(100)) {
            Matcher matcher = line.matcher(Files.readString(log));
            if (matcher.find()) {
                return matcher;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the Spark " + name + " ended (exit " + process.exitValue() + "):\n"
                        + Files.readString(log));
            }
        }
        throw new IllegalStateException("the Spark " + name + " did not start in " + START + ":\n"
                + Files.readString(log));
    }

    /** Stops the workers (their executors with them) and the master, and waits until they are gone. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        processes.forEach(process -> {
            all.addAll(process.descendants().toList());
            all.add(process.toHandle());
        });
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(process -> process.onExit().join());
    }
}
