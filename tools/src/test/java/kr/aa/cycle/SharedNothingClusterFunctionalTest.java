package kr.aa.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kr.aa.generate.BundleGenerator;
import kr.aa.rules.RuleVersion;
import kr.aa.testing.InProcess;
import kr.aa.testing.Launcher;
import kr.aa.testing.PostgresServer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cycle on a cluster that shares no disk with its driver, through {@code ./aa} as a statistician runs it there:
 * the output folder on HDFS (Hadoop's mini cluster, in this JVM), the job repository and the ledger in PostgreSQL,
 * Spark's standalone master and two workers in JVMs of their own, each worker and its executors in a private mount
 * namespace where this test's folder (the bundles, the driver's logs, the local run) is an empty file system. Three
 * years with pay give the files the same years publish on the local disk, and a worker killed with SIGKILL inside
 * the last year's assessment is survived through Spark's own retry of its tasks on the other.
 */
class SharedNothingClusterFunctionalTest {

    private static final int EMPLOYERS = 40;

    @TempDir
    Path dir;
    /** The cluster's own files: HDFS's, the Spark processes' logs and work folders. */
    @TempDir
    Path outside;

    @Test
    void threeYearsOnHdfsAndTwoWorkersThatSeeNoneOfTheDriversFilesPublishWhatTheyPublishLocally() throws Exception {
        String cannot = StandaloneCluster.cannotIsolate(Files.createDirectories(dir.resolve("probe")));
        Assumptions.assumeTrue(cannot == null, cannot);
        List<Path> bundles = BundleGenerator.writeYears(2025, 3, EMPLOYERS, 7, dir.resolve("bundles"));
        Path local = dir.resolve("local");
        for (int i = 0; i < bundles.size(); i++) {
            InProcess.cycle(2023 + i, bundles.get(i), local, RuleVersion.DEFAULT);
        }
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(new Configuration(), outside.resolve("hdfs").toFile())
                .numDataNodes(1).build();
        try (StandaloneCluster cluster = new StandaloneCluster(outside)) {
            hdfs.waitActive();
            String out = "hdfs://127.0.0.1:" + hdfs.getNameNodePort() + "/aa";
            Process worker = cluster.startWorker(dir);
            cluster.startWorker(dir);
            // what the worker sees of this test's folder: an empty file system of its own
            try (Stream<Path> seen = Files.list(Path.of("/proc", Long.toString(worker.pid()), "root")
                    .resolve(dir.toString().substring(1)))) {
                assertEquals(List.of(), seen.toList());
            }
            Map<String, String> environment = new HashMap<>(PostgresServer.shared().newDatabase("cluster"));
            environment.put("AA_SPARK_MASTER", cluster.masterUrl());
            for (int i = 0; i < 2; i++) {
                Launcher.Result run = Launcher.aa(dir, environment, cycle(2023 + i, bundles.get(i), out));
                assertEquals(0, run.exit(), run.stdout() + run.stderr());
            }
            Launcher.Result killed = Launcher.onLine("computed employer_status", process -> StandaloneCluster.kill(worker),
                    environment, cycle(2025, bundles.get(2), out));
            assertEquals(0, killed.exit(), killed.stdout());
            assertTrue(killed.stdout().contains("Lost executor"), killed.stdout());
            assertTrue(killed.stdout().contains("cycle 2025 completed"), killed.stdout());

            FileSystem fs = FileSystem.get(URI.create(out), new Configuration());
            Path copied = dir.resolve("copied");
            fs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(out), new org.apache.hadoop.fs.Path(
                    copied.toUri()), true);
            assertEquals(Restarts.published(local), Restarts.published(copied));
            assertEquals(0, fs.listStatus(new org.apache.hadoop.fs.Path(out + "/.work")).length,
                    "a work folder outlived its run");
            // a rerun of 2025 (its Spark local: what is tried here is the file system) killed in the middle of its
            // publication on HDFS, and finished by the same command: the same files again
            String[] rerun = Stream.concat(Stream.of(cycle(2025, bundles.get(2), out)),
                    Stream.of("--spark-master", "local[2]")).toArray(String[]::new);
            String printed = Launcher.killAt("moved warehouse/units", environment, rerun);
            assertTrue(printed.contains("rerunning 2025 on the same inputs"), printed);
            assertTrue(succeeded(Launcher.aa(dir, environment, rerun)).contains("restarting the failed run"));
            Path again = dir.resolve("again");
            fs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(out), new org.apache.hadoop.fs.Path(
                    again.toUri()), true);
            assertEquals(Restarts.published(local), Restarts.published(again));

            // the commands that read a published folder read it on HDFS too (their Spark local: what is new here is
            // the file system)
            String employer = Files.readAllLines(local.resolve("reports/2025/pay_indicators.csv")).get(1).split(",")[1];
            // the same explanation, but for the folder it names
            assertEquals(succeeded(Launcher.aa(dir, environment, "explain", "--year", "2025", "--employer", employer,
                    "--out", local.toString())), succeeded(Launcher.aa(dir, environment, "explain", "--year", "2025",
                    "--employer", employer, "--out", out)).replace(out, local.toString()));
            String query = "SELECT COUNT(*) AS units, SUM(workers) AS workers FROM units GROUP BY reporting_year"
                    + " ORDER BY reporting_year";
            assertEquals(succeeded(Launcher.aa(dir, environment, "sql", "--out", local.toString(), "--spark-master",
                    "local[2]", query)), succeeded(Launcher.aa(dir, environment, "sql", "--out", out, "--spark-master",
                    "local[2]", query)));
            succeeded(Launcher.aa(dir, environment, "whatif", "--year", "2025", "--out", out, "--set", "factor=0.7",
                    "--spark-master", "local[2]"));
            assertEquals(3, new String(fs.open(new org.apache.hadoop.fs.Path(out + "/whatif/2025/totals.csv"))
                    .readAllBytes()).lines().count());
            assertEquals("rwx------", fs.getFileStatus(new org.apache.hadoop.fs.Path(out + "/staging"))
                    .getPermission().toString());
            assertEquals("rwxr-xr-x", fs.getFileStatus(new org.apache.hadoop.fs.Path(out + "/warehouse"))
                    .getPermission().toString());
        } finally {
            hdfs.shutdown();
        }
    }

    private static String[] cycle(int year, Path bundle, String out) {
        return new String[] {"cycle", "--year", Integer.toString(year), "--bundle", bundle.toString(), "--out", out};
    }

    private static String succeeded(Launcher.Result result) {
        assertEquals(0, result.exit(), result.stdout() + result.stderr());
        return result.stdout();
    }
}
