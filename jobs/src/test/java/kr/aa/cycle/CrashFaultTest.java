package kr.aa.cycle;

import static kr.aa.cycle.Restarts.ledger;
import static kr.aa.cycle.Restarts.published;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kr.aa.rules.RuleVersion;
import kr.aa.testing.Fixtures;
import kr.aa.testing.InProcess;
import kr.aa.testing.Launcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a statistician's run meets, through the {@code ./aa} launcher on the {@code pay-cases} bundle: runs
 * killed with SIGKILL inside every step and inside {@code publish}, each restarted with the same command,
 * ending with what an uninterrupted run publishes (the bundle's run in this JVM); a second start into a folder in
 * use; a lock left by a dead process; the permissions of what a run writes, whatever the umask; a full file system;
 * an identifier that is not one. (The same on PostgreSQL, its server gone in the middle of a run:
 * {@code CrashOnPostgresqlFaultTest}.)
 */
class CrashFaultTest {

    /** Where a chain of runs is killed, in the order the steps reach them: each run restarts where the last died. */
    private static final List<String> KILLS = List.of(
            "Executing step: [readRegistry]",
            "tables so far:",
            "Executing step: [readCompliance]",
            // ingestPayroll and assess run side by side: each restart runs the payroll's step again, and the
            // assessment until it completes
            "payroll rows so far:",
            "computed employer_status",
            "Step: [ingestPayroll] executed",
            "computed pay_figures",
            // writeDocuments, after its first PDF
            "printed letters/all.pdf",
            "written into the ledger; moving",
            "moved warehouse/non_submitters");

    @TempDir
    static Path shared;
    private static Path bundle;
    private static Path uninterrupted;
    private static Path killed;

    @TempDir
    Path dir;

    private static String[] cycle(Path out) {
        return Restarts.cycle(bundle, out);
    }

    /** The uninterrupted run, and the same run killed at every marker of {@link #KILLS} in turn and finished. */
    @BeforeAll
    static void runUninterruptedAndKilled() throws Exception {
        bundle = Fixtures.bundle("pay-cases", shared.resolve("bundle"));
        uninterrupted = Restarts.uninterrupted();
        killed = shared.resolve("killed");
        killAndFinish(shared, Map.of(), killed, KILLS);
    }

    @Test
    void aSecondStartIntoAFolderInUseIsRefusedAtOnceNamingTheFirstAndTheFirstGoesOn() throws Exception {
        Path out = dir.resolve("out");
        // from a shell whose umask lets all read and write: what the run makes is still its owner's alone
        Process first = Launcher.start(dir, "first", "000", Map.of(), cycle(out));
        try {
            waitFor(out.resolve(".work"));
            String holder = Files.readString(out.resolve("state/cycle.lock"));
            Launcher.Result second = Launcher.aa(dir, Map.of(), cycle(out));
            assertEquals(CycleLauncher.IN_USE, second.exit(), second.stdout() + second.stderr());
            assertTrue(second.stderr().contains("aa: " + out + " is in use by the cycle of 2025 (process "),
                    second.stderr());
            assertTrue(second.stderr().contains(", started 20")
                    && second.stderr().contains(": cycle --year 2025 --bundle " + bundle), second.stderr());
            assertTrue(first.isAlive(), "the first run ended");
            assertEquals(holder, Files.readString(out.resolve("state/cycle.lock")), "the first run's lock changed");
            for (String area : List.of("state", ".work")) {
                assertEquals("rwx------", permissions(out.resolve(area)), area);
            }
            assertEquals("rw-------", permissions(out.resolve("state/cycle.lock")));
        } finally {
            first.destroyForcibly().waitFor();
        }
    }

    private static void waitFor(Path path) throws InterruptedException {
        for (int i = 0; i < 600 && !Files.exists(path); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(path), path + " never appeared");
    }

    @Test
    void whatARunWritesIsOwnerOnlyButTheWarehouseAndReportsWhateverTheUmask() throws IOException {
        for (String area : List.of("state", "staging", "staging/payroll/reporting_year=2025")) {
            assertEquals("rwx------", permissions(killed.resolve(area)), area);
        }
        try (Stream<Path> files = Files.walk(killed.resolve("staging"))) {
            assertTrue(files.filter(Files::isRegularFile).allMatch(f -> permissions(f).equals("rw-------")));
        }
        try (Stream<Path> files = Files.walk(killed.resolve("state"))) {
            assertTrue(files.filter(Files::isRegularFile).allMatch(f -> permissions(f).equals("rw-------")));
        }
        for (String area : List.of("warehouse", "warehouse/pay_gap", "warehouse/pay_gap/reporting_year=2025",
                "reports", "reports/2025", "reports/2025/pay")) {
            assertEquals("rwxr-xr-x", permissions(killed.resolve(area)), area);
        }
        assertEquals("rw-r--r--", permissions(killed.resolve("reports/2025/pay_gap.csv")));
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRunKilledInsideEveryStepAndInsidePublishIsFinishedByTheSameCommand() throws Exception {
        assertEquals(published(uninterrupted), published(killed));
        assertEquals(ledger(uninterrupted), ledger(killed));
    }

    /**
     * Kills one run at each marker in turn, every run after the first the same command restarting the last; then
     * runs it once more to the end. The first restart takes over the dead run's lock.
     */
    private static void killAndFinish(Path dir, Map<String, String> environment, Path out, List<String> kills)
            throws Exception {
        for (int i = 0; i < kills.size(); i++) {
            String printed = Launcher.killAt(kills.get(i), environment, cycle(out));
            if (i > 0) {
                assertTrue(printed.contains("was interrupted") && printed.contains("restarting the failed run"),
                        kills.get(i) + ":\n" + printed);
            }
            if (i == 1) {
                assertTrue(printed.contains("took over the lock of " + out + " from the cycle of 2025 (process "),
                        printed);
            }
            if (kills.get(i).startsWith("written into the ledger")) {
                // restarted after the kill inside disclosePay: the payroll is staged again (its files are closed
                // after Spring Batch records the step complete), the completed assessment is not run again
                assertTrue(printed.contains("Executing step: [ingestPayroll]")
                        && !printed.contains("Executing step: [assess]"), printed);
            }
        }
        Restarts.finish(dir, environment, bundle, out);
    }

    @Test
    void aFullFileSystemFailsWithOneMessageAndTheSameCommandFinishesOnceThereIsRoom() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        String mounted = new String(mount.getInputStream().readAllBytes());
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0,
                "cannot mount a small file system here (it needs root and a kernel that lets it): " + mounted);
        try {
            // the manual example's 2025, as its run published it
            Path out = Fixtures.copy(InProcess.fixture("manual-example").out(), small.resolve("out"), "");
            Path manual = InProcess.fixture("manual-example").out().resolveSibling("bundle");
            String[] cycle = {"cycle", "--year", "2025", "--bundle", manual.toString(), "--out", out.toString()};
            Map<String, String> year = published(out);
            fill(small.resolve("ballast"));
            Launcher.Result full = Launcher.aa(dir, Map.of(), cycle);
            assertEquals(1, full.exit(), full.stdout());
            assertTrue(full.stderr().contains("aa: the cycle of 2025 failed: the file system of " + out
                    + " is full (No space left on device): ") && full.stderr().contains("make room for at least the size"
                    + " of the bundle (1 MB) and run the same command again"), full.stderr());
            assertEquals(year, published(out), "the published year changed");
            Files.delete(small.resolve("ballast"));
            // the same command, in this JVM: the launcher's part, the message and the exit code, is checked above
            InProcess.cycle(2025, manual, out, RuleVersion.DEFAULT);
            assertEquals(year, published(out));
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor();
        }
    }

    /** Writes zeros to {@code file} until its file system has less than 64 KiB left. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(file)) {
            while (Files.getFileStore(file).getUsableSpace() >= block.length) {
                out.write(block);
            }
        } catch (IOException full) {
            // the last block did not fit: the file system is as full as it gets
            assertTrue(String.valueOf(full.getMessage()).contains("No space left"), full.toString());
        }
    }

    @Test
    void anEmployerIdThatIsNoBusinessRegistrationNumberStopsTheRunNamingItsLine() throws Exception {
        Path hostile = Fixtures.bundle("manual-example", dir.resolve("bundle"));
        Fixtures.replaceAll(hostile, "employers.csv", "101-81-00001", "../../../../tmp/x");
        Path out = dir.resolve("out");
        Launcher.Result run = Launcher.aa(dir, Map.of(), "cycle", "--year", "2025", "--bundle", hostile.toString(),
                "--out", out.toString());
        assertEquals(1, run.exit(), run.stdout());
        assertTrue(run.stderr().contains("employers.csv line 2: employer_id '../../../../tmp/x' is not a business"
                + " registration number (NNN-NN-NNNNN, ten digits)"), run.stderr());
        assertFalse(Files.exists(out.resolve("reports")));
        assertFalse(Files.exists(Path.of("/tmp/x.html")));
    }
}
