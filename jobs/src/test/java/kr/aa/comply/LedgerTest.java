package kr.aa.comply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import kr.aa.comply.ComplianceRecords.Action;
import kr.aa.comply.ComplianceRecords.Plan;
import kr.aa.cycle.JobDatabase;
import kr.aa.testing.Fixtures;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compliance ledger on a real (embedded H2) database: its migrations, and what each run replaces. */
class LedgerTest {

    @TempDir
    Path dir;

    private static Ledger.Unit unit(int year, String employerId, boolean notified) {
        return unit(year, employerId, "(주)가나유통", notified);
    }

    private static Ledger.Unit unit(int year, String employerId, String name, boolean notified) {
        return new Ledger.Unit(year, employerId, "G08", name, "under-1000", 600, 60, 20, 1,
                new BigDecimal("0.100000"), new BigDecimal("0.050000"), new BigDecimal("0.150000"),
                new BigDecimal("0.131250"), true, notified, notified ? "BOTH" : null, "manual-2006-act-2022", "run-" + year);
    }

    private static ComplianceRecords plans(Plan... plans) {
        return new ComplianceRecords(List.of(plans), List.of(), List.of(), List.of());
    }

    private static Plan plan(int year, long target) {
        return new Plan("201-81-00011", year, year + "-10-01T09:00:00+09:00", 60, 1, target, 2);
    }

    /**
     * The versions and scripts of the ledger's migrations, and the baseline, that Flyway's history records (its
     * names are quoted).
     */
    private static List<String> history(DataSource database) {
        return Jdbi.create(database).withHandle(h -> h.createQuery("SELECT \"version\", \"script\" FROM"
                + " \"flyway_schema_history\" WHERE \"success\" AND \"type\" IN ('BASELINE', 'SQL') ORDER BY \"installed_rank\"")
                .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2)).list());
    }

    @Test
    void theMigrationsAreAppliedOnceAndRecorded() {
        DataSource database = JobDatabase.embedded(dir).dataSource();
        new Ledger(database);
        new Ledger(database);
        assertEquals(List.of("0 << Flyway Baseline >>", "1 V1__compliance_ledger.sql", "2 V2__cycle_locks.sql",
                "3 V3__unbounded_names_and_notes.sql"), history(database));
    }

    @Test
    void aLedgerMigratedBeforeFlywayKeepsItsHistoryAndTakesOnlyTheLaterMigrations() throws Exception {
        DataSource database = JobDatabase.embedded(dir).dataSource();
        Jdbi.create(database).useHandle(h -> {
            h.createScript(Files.readString(Path.of("../schemas/ledger/V1__compliance_ledger.sql"))).execute();
            h.execute("CREATE TABLE ledger_migrations (version INTEGER PRIMARY KEY, script VARCHAR(200) NOT NULL)");
            h.execute("INSERT INTO ledger_migrations VALUES (1, 'V1__compliance_ledger.sql')");
            h.execute("INSERT INTO plans (employer_id, plan_year, submitted_at, current_women, current_women_managers,"
                    + " target_women, target_women_managers, source) VALUES ('201-81-00011', 2024,"
                    + " '2024-10-01T09:00:00+09:00', 60, 1, 70, 2, 'bundle 2025')");
        });
        Ledger ledger = new Ledger(database);
        assertEquals(List.of("1 << Flyway Baseline >>", "2 V2__cycle_locks.sql", "3 V3__unbounded_names_and_notes.sql"),
                history(database));
        assertEquals(List.of("1 V1__compliance_ledger.sql"), Jdbi.create(database).withHandle(h -> h
                .createQuery("SELECT version, script FROM ledger_migrations").map((rs, ctx) -> rs.getInt(1) + " "
                        + rs.getString(2)).list()));
        assertEquals(1, ledger.snapshot(2026).plans().size(), "the ledger's records were lost");
    }

    @Test
    void aYearsPublicationReplacesItsUnitsAndWhatItsBundleBroughtAndNothingElse() {
        Ledger ledger = new Ledger(JobDatabase.embedded(dir).dataSource());
        ledger.publish(2024, List.of(unit(2024, "201-81-00011", true)), plans(plan(2023, 70)));
        ledger.publish(2025, List.of(unit(2025, "201-81-00011", true), unit(2025, "201-81-00012", false)),
                plans(plan(2024, 70)));
        ledger.record(new Action("201-81-00011", 2025, "PUBLISH", LocalDate.of(2025, 7, 1), ""));
        // 2025 run again on a corrected bundle: its plan and units are replaced, 2024's and the recorded decision stay
        ledger.publish(2025, List.of(unit(2025, "201-81-00011", true)), plans(plan(2024, 80)));
        Ledger.Snapshot of2026 = ledger.snapshot(2026);
        assertEquals(List.of("2024 201-81-00011", "2025 201-81-00011"), of2026.units().stream()
                .map(u -> u.reportingYear() + " " + u.employerId()).toList());
        assertEquals(List.of(plan(2023, 70), plan(2024, 80)), of2026.plans());
        assertEquals(1, of2026.actions().size());
        // what a run of 2025 reads: the years before it, without what 2025's own bundle brought
        Ledger.Snapshot of2025 = ledger.snapshot(2025);
        assertEquals(List.of(2024), of2025.units().stream().map(Ledger.Unit::reportingYear).toList());
        assertEquals(List.of(plan(2023, 70)), of2025.plans());
    }

    @Test
    void aYearReadsTheUnitsOfEveryEarlierYearForTheTrend() {
        Ledger ledger = new Ledger(JobDatabase.embedded(dir).dataSource());
        for (int year : List.of(2015, 2020, 2024, 2026)) {
            ledger.publish(year, List.of(unit(year, "201-81-00011", false)), plans());
        }
        assertEquals(List.of(2015, 2020, 2024), ledger.snapshot(2025).units().stream().map(Ledger.Unit::reportingYear)
                .toList());
    }

    @Test
    void aNameOrANoteOfAnyLengthIsKeptAsItIs() {
        Ledger ledger = new Ledger(JobDatabase.embedded(dir).dataSource());
        String name = Fixtures.HOSTILE_TEXT;
        ledger.publish(2025, List.of(unit(2025, "201-81-00011", name, true)), plans());
        ledger.record(new Action("201-81-00011", 2025, "URGED", LocalDate.of(2025, 9, 1), name));
        Ledger.Snapshot of2026 = ledger.snapshot(2026);
        assertEquals(name, of2026.units().get(0).employerName());
        assertEquals(name, of2026.actions().get(0).note());
    }
}
