package kr.aa;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kr.aa.comply.ComplianceRecords;
import kr.aa.comply.Ledger;
import kr.aa.cycle.CycleLauncher;
import kr.aa.cycle.JobDatabase;
import kr.aa.cycle.OutputLock;
import kr.aa.explain.Explanation;
import kr.aa.io.BundleException;
import kr.aa.io.Storage;
import kr.aa.query.WarehouseSql;
import kr.aa.rules.RuleVersion;
import kr.aa.run.Folders;
import kr.aa.run.Refused;
import kr.aa.spark.SparkSessions;
import kr.aa.whatif.WhatIf;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The command line of the pipeline, {@code ./aa}, with picocli: one subcommand per task, {@code --help} on each,
 * a usage error naming the option that is missing or wrong, and the exit codes in every help.
 */
@Command(name = "aa", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, version = "aa 1.0",
        description = "The annual affirmative-action cycle: ingest the bundles, assess, disclose pay, publish.",
        subcommands = {Aa.Cycle.class, Aa.Record.class, Aa.ImportHistory.class, Aa.Explain.class, Aa.WhatIfCommand.class,
                Aa.Sql.class},
        sortOptions = false,
        footerHeading = "%nEnvironment:%n",
        footer = {"  AA_DB_URL        the operational database (job repository and ledger), with",
                "                   AA_DB_USER and AA_DB_PASSWORD; if unset, an H2 file in a local --out",
                "  AA_SPARK_MASTER  a Spark cluster's master URL; local[2] if unset"},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:the command succeeded",
                "1:the cycle failed: its reason on standard error, nothing published (explain: nothing to explain;"
                        + " whatif: no published year to assess again; sql: a query refused)",
                "2:a usage error",
                "3:the output folder (or the year, in a shared database) is in use"})
public final class Aa implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line, ready to {@code execute}: a value the pipeline refuses (a rule version, a decision's
     * field) is a usage error like a missing option, printed with the command's usage; a request it cannot carry
     * out ({@link Refused}) exits with 1 and a folder in use with 3, each with its one sentence.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Aa());
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof Refused || e instanceof OutputLock.InUse) {
                command.getErr().println("aa: " + e.getMessage());
                return e instanceof Refused ? CycleLauncher.FAILED : CycleLauncher.IN_USE;
            }
            if (!(e instanceof IllegalArgumentException)) {
                throw e;
            }
            command.getErr().println("aa: " + e.getMessage());
            command.usage(command.getErr());
            return CommandLine.ExitCode.USAGE;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    /** The output folder: a local folder, or a folder of a Hadoop file system. */
    public static final class OutputFolder {

        @Option(names = "--out", required = true, paramLabel = "DIR|URI",
                description = "the output folder: a local folder, or a Hadoop file system's (hdfs://..., s3a://...)")
        String folder;

        Path location() {
            return Storage.location(folder);
        }
    }

    /** Where Spark runs: {@code --spark-master}, else {@code AA_SPARK_MASTER}, else two local cores. */
    public static final class SparkMaster {

        @Option(names = "--spark-master", paramLabel = "URL",
                description = "a Spark cluster's master URL (default: AA_SPARK_MASTER, else local[2])")
        String url;

        public String master() {
            if (url != null) {
                return url;
            }
            String fromEnvironment = System.getenv("AA_SPARK_MASTER");
            return fromEnvironment == null || fromEnvironment.isBlank() ? "local[2]" : fromEnvironment;
        }
    }

    @Command(name = "cycle", description = "Runs the annual cycle of a year on its bundle into an output folder;"
            + " after a failure or a kill, the same command restarts it, and after a success it reruns the year.")
    static final class Cycle implements Callable<Integer> {

        @Option(names = "--year", required = true, paramLabel = "YEAR", description = "the reporting year")
        int year;

        @Option(names = "--bundle", required = true, paramLabel = "DIR|JDBC-URL",
                description = "the bundle: a folder of CSV files, or a database of tables of the same names")
        String bundle;

        @Mixin
        OutputFolder out;

        @Option(names = "--rules", paramLabel = "VERSION|FILE.json", defaultValue = RuleVersion.DEFAULT,
                description = "the rule version: manual-2006-act-2022, kr-2006, kr-2014, kr-2020 or a file"
                        + " (default: ${DEFAULT-VALUE})")
        String rules;

        @Mixin
        SparkMaster spark;

        @Override
        public Integer call() {
            return new CycleLauncher(System.out, System.err, System.getenv()).run(year, bundle, out.location(), rules,
                    spark.master());
        }
    }

    @Command(name = "record", description = "Records a decision in the compliance ledger; the next run of its"
            + " year takes it into account.")
    static final class Record implements Callable<Integer> {

        @Mixin
        OutputFolder out;

        @Option(names = "--employer", required = true, paramLabel = "NNN-NN-NNNNN", description = "the employer")
        String employer;

        @Option(names = "--year", required = true, paramLabel = "YEAR", description = "the reporting year")
        int year;

        @Option(names = "--action", required = true, paramLabel = "ACTION", description = "URGED, URGE_FOLLOWED,"
                + " NOTICE_SENT, EXCEPTION_DEATH, EXCEPTION_CLOSURE, EXCEPTION_INSOLVENCY, EXCEPTION_EFFORT or PUBLISH")
        String action;

        @Option(names = "--decided-on", required = true, paramLabel = "YYYY-MM-DD", description = "the decision's date")
        String decidedOn;

        @Option(names = "--note", paramLabel = "TEXT", defaultValue = "", description = "a note kept with it")
        String note;

        @Override
        public Integer call() {
            ComplianceRecords.Action decision = ComplianceRecords.parseAction(Map.of("employer_id", employer,
                    "year", Integer.toString(year), "action", action, "decided_on", decidedOn, "note", note));
            JobDatabase database = JobDatabase.from(System.getenv(), out.location());
            new Ledger(database.dataSource()).record(decision);
            System.out.println("recorded " + decision.action() + " of " + decision.decidedOn() + " for "
                    + decision.employerId() + " (year " + decision.year() + ") in " + database + "; the next run of "
                    + decision.year() + " takes it into account");
            return CommandLine.ExitCode.OK;
        }
    }

    @Command(name = "import-history", description = "Imports the years before the pipeline: assessed_units.csv"
            + " and any of plans.csv, performance.csv, actions.csv; a bad row imports nothing and is named.")
    static final class ImportHistory implements Callable<Integer> {

        @Option(names = "--from", required = true, paramLabel = "DIR", description = "the folder of the history")
        String from;

        @Mixin
        OutputFolder out;

        @Override
        public Integer call() {
            ComplianceRecords.History history;
            try {
                history = ComplianceRecords.readHistory(Storage.location(from));
            } catch (BundleException e) {
                System.err.println("aa: " + e.getMessage());
                return CycleLauncher.FAILED;
            }
            JobDatabase database = JobDatabase.from(System.getenv(), out.location());
            new Ledger(database.dataSource()).importHistory(history.units(), history.records());
            System.out.println("imported " + history.units().size() + " assessed units, "
                    + history.records().plans().size() + " plans, " + history.records().reports().size()
                    + " performance reports and " + history.records().actions().size() + " decisions into "
                    + database);
            return CommandLine.ExitCode.OK;
        }
    }

    @Command(name = "explain", description = "Prints the chain behind every decision of a published year about one"
            + " employer, from the warehouse alone, with the entries of docs/rules.md that rule each step.")
    static final class Explain implements Callable<Integer> {

        @Option(names = "--year", required = true, paramLabel = "YEAR", description = "the reporting year")
        int year;

        @Option(names = "--employer", required = true, paramLabel = "NNN-NN-NNNNN", description = "the employer")
        String employer;

        @Mixin
        OutputFolder out;

        @Override
        public Integer call() {
            new Explanation(out.location(), year, employer).print(System.out);
            return CommandLine.ExitCode.OK;
        }
    }

    @Command(name = "whatif", description = "Assesses a published year again under other rule versions or settings, side"
            + " by side with the published run, into <out>/whatif/<name>/; the published year, the warehouse and the"
            + " ledger stay as they are.")
    static final class WhatIfCommand implements Callable<Integer> {

        @Option(names = "--year", required = true, paramLabel = "YEAR", description = "the reporting year")
        int year;

        @Mixin
        OutputFolder out;

        @Option(names = "--rules", paramLabel = "VERSION|FILE.json",
                description = "a scenario: the year under this rule version (repeatable)")
        List<String> rules = new ArrayList<>();

        @Option(names = "--set", paramLabel = "KEY=VALUE[,KEY=VALUE...]", description = "a scenario: the published"
                + " run's rule version with these settings changed, such as factor=0.7, average=POOLED,"
                + " female_ratio_proviso=none or size_classes.1.min_workforce=800 (repeatable)")
        List<String> settings = new ArrayList<>();

        @Option(names = "--name", paramLabel = "NAME", description = "the what-if's folder under <out>/whatif/"
                + " (default: the year)")
        String name;

        @Mixin
        SparkMaster spark;

        @Spec
        CommandSpec command;

        @Override
        public Integer call() {
            if (rules.isEmpty() && settings.isEmpty()) {
                throw new ParameterException(command.commandLine(), "name a scenario: --rules VERSION or --set KEY=VALUE");
            }
            Path output = out.location();
            WhatIf whatIf = new WhatIf(output, year, name == null ? Integer.toString(year) : name);
            List<WhatIf.Scenario> scenarios = new ArrayList<>();
            rules.forEach(version -> scenarios.add(scenario(RuleVersion.load(version))));
            String published = whatIf.publishedRuleVersion();
            settings.forEach(changed -> scenarios.add(scenario(RuleVersion.load(published,
                    List.of(changed.split(","))))));
            try (OutputLock lock = OutputLock.take(output, year, "whatif --year " + year + " --out " + output,
                    JobDatabase.from(System.getenv(), output))) {
                SparkSession session = SparkSessions.start(spark.master());
                try {
                    Path page = whatIf.run(session, scenarios, spark.master());
                    System.out.println("the what-if of " + year + " (totals.csv, groups.csv, changes.csv): "
                            + page.toUri());
                } finally {
                    session.stop();
                }
            }
            return CommandLine.ExitCode.OK;
        }

        private static WhatIf.Scenario scenario(RuleVersion rules) {
            return new WhatIf.Scenario(rules.id(), rules);
        }
    }

    @Command(name = "sql", description = "Spark SQL over the warehouse of an output folder, every dataset a table of"
            + " all its years: prints a query's rows or writes them to a file; without a query, a shell with history.")
    static final class Sql implements Callable<Integer> {

        @Mixin
        OutputFolder out;

        @Option(names = "--to", paramLabel = "FILE.csv|FILE.parquet", description = "write every row into this file"
                + " (or a file of a Hadoop file system)")
        String to;

        @CommandLine.Parameters(arity = "0..1", paramLabel = "QUERY", description = "a query, such as"
                + " \"SELECT reporting_year, COUNT(*) FROM notifications GROUP BY 1\"")
        String query;

        @Mixin
        SparkMaster spark;

        @Override
        public Integer call() throws IOException {
            Path output = out.location();
            SparkSession session = SparkSessions.start(spark.master());
            session.sparkContext().setLogLevel("WARN");
            try {
                WarehouseSql warehouse = new WarehouseSql(session, output);
                if (query == null) {
                    try (Terminal terminal = TerminalBuilder.terminal()) {
                        warehouse.shell(terminal, history(output), System.out);
                    }
                } else if (to == null) {
                    warehouse.print(query, System.out);
                } else {
                    System.out.println(warehouse.write(query, Storage.location(to)) + " rows written to " + to);
                }
                return CommandLine.ExitCode.OK;
            } finally {
                session.stop();
            }
        }

        /**
         * Where the shell keeps its history: in the state of a local output folder, owner-only; for a folder of
         * another file system, in the user's home.
         */
        private static java.nio.file.Path history(Path output) {
            Path state = Storage.isLocal(output) ? new Path(output, "state")
                    : Storage.local(java.nio.file.Path.of(System.getProperty("user.home"), ".aa"));
            return Storage.toLocal(Folders.createPrivate(state)).resolve("sql_history");
        }
    }
}
