package kr.aa.comply;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import kr.aa.comply.ComplianceRecords.Action;
import kr.aa.comply.ComplianceRecords.PerformanceReport;
import kr.aa.comply.ComplianceRecords.Plan;
import kr.aa.rules.RuleVersion;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The compliance ledger in the operational database (H2 by default, PostgreSQL in production), through
 * Jdbi: each year's assessed units and the plans, performance reports and decisions, kept across runs. Its
 * schema is the versioned migrations {@code schemas/ledger/V<n>__<name>.sql}, applied in order by Flyway on
 * first use. Every plan, report and decision keeps its source, so that a
 * rerun of a year replaces what that year's bundle brought and nothing else.
 */
public final class Ledger {

    /** What imported history carries as its run id and rule version. */
    public static final String IMPORT = "import";
    /** The source of a decision recorded from the command line. */
    public static final String RECORDED = "recorded";

    /** Where the migrations are on the class path: {@code V<n>__<name>.sql}. */
    private static final String MIGRATIONS = "schemas/ledger";
    /** The table in which the ledger recorded its migrations before it used Flyway. */
    private static final String BEFORE_FLYWAY = "ledger_migrations";
    /** Flyway's record of the migrations. */
    private static final String HISTORY = "flyway_schema_history";

    /** An assessed unit of a year, as the cycle decided it (or as imported history says). */
    public record Unit(int reportingYear, String employerId, String industryGroup, String employerName,
            String sizeClass, long workers, long women, long managers, long womenManagers, BigDecimal femaleRatio,
            BigDecimal managerFemaleRatio, BigDecimal standardFemaleRatio, BigDecimal standardManagerFemaleRatio,
            boolean obligated, boolean notified, String selectedOn, String ruleVersion, String runId) {
    }

    /**
     * What a year's cycle reads of the ledger: the units of the years before it that naming looks back on,
     * and every plan, report and decision except those its own bundle brought (the bundle gives them anew).
     */
    public record Snapshot(List<Unit> units, List<Plan> plans, List<PerformanceReport> reports, List<Action> actions) {
    }

    private final Jdbi jdbi;

    public Ledger(DataSource dataSource) {
        migrate(dataSource);
        this.jdbi = Jdbi.create(dataSource);
    }

    /** The source of the records a bundle brings. */
    public static String bundleSource(int reportingYear) {
        return "bundle " + reportingYear;
    }

    /**
     * Brings the ledger's schema to the last of its migrations with Flyway, which records them in
     * {@code flyway_schema_history} and lets one process at a time migrate. A database without that history
     * gets a baseline first: version 0 (the schema is not empty there, as it holds the job repository), or, for
     * a ledger migrated before Flyway, the last version its own table {@code ledger_migrations} records. That
     * table stays as it is, and only the migrations after its last version are applied.
     */
    private static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .defaultSchema(connection.getSchema())
                    .locations("classpath:" + MIGRATIONS)
                    .baselineVersion(Integer.toString(hasTable(metaData, BEFORE_FLYWAY)
                            ? Jdbi.create(connection).withHandle(handle -> handle
                                    .createQuery("SELECT COALESCE(MAX(version), 0) FROM " + BEFORE_FLYWAY)
                                    .mapTo(Integer.class).one())
                            : 0))
                    .load();
            if (!hasTable(metaData, HISTORY)) {
                flyway.baseline();
            }
            flyway.migrate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate the ledger: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the operational database has the table, its name in lower case (as PostgreSQL keeps unquoted
     * names) or in capitals (as H2 does).
     */
    public static boolean hasTable(DatabaseMetaData metaData, String table) throws SQLException {
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet tables = metaData.getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What a year's cycle reads: the units of every earlier year (the compliance rules look back on some, the
     * annual report's trend on all), and every record but those this year's bundle brought before (it brings them
     * anew).
     */
    public Snapshot snapshot(int reportingYear) {
        String excludedSource = bundleSource(reportingYear);
        return jdbi.withHandle(handle -> new Snapshot(
                handle.createQuery("SELECT * FROM assessed_units WHERE reporting_year < :year"
                                + " ORDER BY reporting_year, employer_id, industry_group")
                        .bind("year", reportingYear)
                        .map((rs, ctx) -> new Unit(rs.getInt("reporting_year"), rs.getString("employer_id"),
                                rs.getString("industry_group"), rs.getString("employer_name"), rs.getString("size_class"),
                                rs.getLong("workers"), rs.getLong("women"), rs.getLong("managers"),
                                rs.getLong("women_managers"), rs.getBigDecimal("female_ratio"),
                                rs.getBigDecimal("manager_female_ratio"), rs.getBigDecimal("standard_female_ratio"),
                                rs.getBigDecimal("standard_manager_female_ratio"), rs.getBoolean("obligated"),
                                rs.getBoolean("notified"), rs.getString("selected_on"), rs.getString("rule_version"),
                                rs.getString("run_id")))
                        .list(),
                handle.createQuery("SELECT DISTINCT employer_id, plan_year, submitted_at, current_women,"
                                + " current_women_managers, target_women, target_women_managers FROM plans"
                                + " WHERE source <> :excluded ORDER BY 1, 2, 3, 4, 5, 6, 7")
                        .bind("excluded", excludedSource)
                        .map((rs, ctx) -> new Plan(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                        .list(),
                handle.createQuery("SELECT DISTINCT employer_id, plan_year, submitted_at, actual_women,"
                                + " actual_women_managers FROM performance_reports WHERE source <> :excluded"
                                + " ORDER BY 1, 2, 3, 4, 5")
                        .bind("excluded", excludedSource)
                        .map((rs, ctx) -> new PerformanceReport(rs.getString(1), rs.getInt(2), rs.getString(3),
                                rs.getLong(4), rs.getLong(5)))
                        .list(),
                // a decision's year (the bundle's column "year") is action_year in the ledger: YEAR is a keyword of H2
                handle.createQuery("SELECT DISTINCT employer_id, action_year, action, decided_on, note FROM actions"
                                + " WHERE source <> :excluded ORDER BY 1, 2, 3, 4, 5")
                        .bind("excluded", excludedSource)
                        .map((rs, ctx) -> new Action(rs.getString(1), rs.getInt(2), rs.getString(3),
                                rs.getDate(4).toLocalDate(), rs.getString(5)))
                        .list()));
    }

    /**
     * Writes a year's cycle into the ledger in one transaction: its assessed units in place of the year's,
     * and its bundle's records in place of those the year's bundle brought before.
     */
    public void publish(int reportingYear, List<Unit> units, ComplianceRecords records) {
        jdbi.useTransaction(handle -> {
            handle.execute("DELETE FROM assessed_units WHERE reporting_year = ?", reportingYear);
            insertUnits(handle, units);
            String source = bundleSource(reportingYear);
            for (String table : List.of("plans", "performance_reports", "actions")) {
                handle.execute("DELETE FROM " + table + " WHERE source = ?", source);
            }
            insert(handle, records, source);
        });
    }

    /**
     * Adds history: units of years before the pipeline (in place of the same units imported before), and their
     * plans, reports and decisions (a record imported twice counts once).
     */
    public void importHistory(List<Unit> units, ComplianceRecords records) {
        jdbi.useTransaction(handle -> {
            PreparedBatch replaced = handle.prepareBatch("DELETE FROM assessed_units WHERE reporting_year ="
                    + " :reportingYear AND employer_id = :employerId AND industry_group = :industryGroup");
            units.forEach(unit -> replaced.bindMethods(unit).add());
            execute(replaced);
            insertUnits(handle, units);
            insert(handle, records, IMPORT);
        });
    }

    /** Records one decision taken outside any bundle. */
    public void record(Action action) {
        jdbi.useTransaction(handle -> insert(handle, new ComplianceRecords(List.of(), List.of(), List.of(action),
                List.of()), RECORDED));
    }

    private static void insertUnits(Handle handle, List<Unit> units) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO assessed_units (reporting_year, employer_id,"
                + " industry_group, employer_name, size_class, workers, women, managers, women_managers, female_ratio,"
                + " manager_female_ratio, standard_female_ratio, standard_manager_female_ratio, obligated, notified,"
                + " selected_on, rule_version, run_id) VALUES (:reportingYear, :employerId, :industryGroup,"
                + " :employerName, :sizeClass, :workers, :women, :managers, :womenManagers, :femaleRatio,"
                + " :managerFemaleRatio, :standardFemaleRatio, :standardManagerFemaleRatio, :obligated, :notified,"
                + " :selectedOn, :ruleVersion, :runId)");
        units.forEach(unit -> batch.bindMethods(unit).add());
        execute(batch);
    }

    private static void insert(Handle handle, ComplianceRecords records, String source) {
        PreparedBatch plans = handle.prepareBatch("INSERT INTO plans (employer_id, plan_year, submitted_at,"
                + " current_women, current_women_managers, target_women, target_women_managers, source) VALUES"
                + " (:employerId, :planYear, :submittedAt, :currentWomen, :currentWomenManagers, :targetWomen,"
                + " :targetWomenManagers, :source)");
        records.plans().forEach(plan -> plans.bindMethods(plan).bind("source", source).add());
        execute(plans);
        PreparedBatch reports = handle.prepareBatch("INSERT INTO performance_reports (employer_id, plan_year,"
                + " submitted_at, actual_women, actual_women_managers, source) VALUES (:employerId, :planYear,"
                + " :submittedAt, :actualWomen, :actualWomenManagers, :source)");
        records.reports().forEach(report -> reports.bindMethods(report).bind("source", source).add());
        execute(reports);
        PreparedBatch actions = handle.prepareBatch("INSERT INTO actions (employer_id, action_year, action,"
                + " decided_on, note, source) VALUES (:employerId, :year, :action, :decidedOn, :note, :source)");
        records.actions().forEach(action -> actions.bindMethods(action).bind("source", source).add());
        execute(actions);
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }
}
