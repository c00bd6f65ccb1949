package kr.aa.comply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import kr.aa.comply.ComplianceRecords.Action;
import kr.aa.comply.ComplianceRecords.PerformanceReport;
import kr.aa.comply.ComplianceRecords.Plan;
import kr.aa.io.DatasetSchema;
import kr.aa.io.ParquetDatasetWriter;
import kr.aa.rules.Latest;
import kr.aa.rules.RuleVersion;
import org.apache.hadoop.fs.Path;

/**
 * Writes what the year's assessment reads of the compliance history as Parquet (the contracts of
 * {@code schemas/ledger/}): the ledger's snapshot with the bundle's own records added, each record once, in a fixed order,
 * with what the rule version says of it (whether it came by the due date of its plan year). The bundle's rejected
 * records go to the warehouse dataset {@code compliance_rejections}.
 */
public final class ComplianceStaging {

    private final RuleVersion rules;

    public ComplianceStaging(RuleVersion rules) {
        this.rules = rules;
    }

    public void write(Path ledgerDir, Path warehouseDir, Ledger.Snapshot snapshot, ComplianceRecords bundle,
            String runId) {
        try (var out = writer(ledgerDir, "assessed_units")) {
            snapshot.units().forEach(u -> out.write(Arrays.asList(u.reportingYear(), u.employerId(), u.industryGroup(),
                    u.employerName(), u.workers(), u.women(), u.managers(), u.womenManagers(), u.notified())));
        }
        try (var out = writer(ledgerDir, "plans")) {
            List<Plan> plans = merged(snapshot.plans(), bundle.plans(), Plan::toString);
            // at the same instant, the smaller figures: the same choice whatever the order of the input
            Set<Plan> latest = Latest.of(plans, p -> p.employerId() + '\u0000' + p.planYear(),
                    Latest.order(Plan::submittedAt, Comparator.comparingLong(Plan::currentWomen)
                            .thenComparingLong(Plan::currentWomenManagers).thenComparingLong(Plan::targetWomen)
                            .thenComparingLong(Plan::targetWomenManagers).reversed()));
            for (Plan p : plans) {
                Instant submitted = Latest.instant(p.submittedAt());
                out.write(Arrays.asList(p.employerId(), p.planYear(), p.submittedAt(), submitted.toEpochMilli(),
                        submitted.isBefore(rules.lateFrom(rules.dates().planDue(), p.planYear()).toInstant()),
                        p.currentWomen(), p.currentWomenManagers(), p.targetWomen(), p.targetWomenManagers(),
                        latest.contains(p)));
            }
        }
        try (var out = writer(ledgerDir, "performance_reports")) {
            List<PerformanceReport> reports = merged(snapshot.reports(), bundle.reports(), PerformanceReport::toString);
            Set<PerformanceReport> latest = Latest.of(reports, r -> r.employerId() + '\u0000' + r.planYear(),
                    Latest.order(PerformanceReport::submittedAt, Comparator.comparingLong(PerformanceReport::actualWomen)
                            .thenComparingLong(PerformanceReport::actualWomenManagers).reversed()));
            for (PerformanceReport r : reports) {
                Instant submitted = Latest.instant(r.submittedAt());
                out.write(Arrays.asList(r.employerId(), r.planYear(), r.submittedAt(), submitted.toEpochMilli(),
                        submitted.isBefore(rules.lateFrom(rules.dates().performanceDue(), r.planYear()).toInstant()),
                        r.actualWomen(), r.actualWomenManagers(), latest.contains(r)));
            }
        }
        try (var out = writer(ledgerDir, "actions")) {
            merged(snapshot.actions(), bundle.actions(), Action::toString).forEach(a -> out.write(Arrays.asList(
                    a.employerId(), a.year(), a.action(), a.decidedOn(), a.note())));
        }
        try (var out = new ParquetDatasetWriter(DatasetSchema.load("warehouse", "compliance_rejections"),
                ParquetDatasetWriter.part(new Path(warehouseDir, "compliance_rejections")))) {
            bundle.rejections().forEach(r -> out.write(Arrays.asList(r.sourceFile(), r.line(), r.employerId(),
                    r.rule(), r.message(), rules.id(), runId)));
        }
    }

    private static ParquetDatasetWriter writer(Path ledgerDir, String dataset) {
        return new ParquetDatasetWriter(DatasetSchema.load("ledger", dataset),
                ParquetDatasetWriter.part(new Path(ledgerDir, dataset)));
    }

    /** The ledger's records and the bundle's, each once, in the order of their text. */
    private static <T> List<T> merged(List<T> ledger, List<T> bundle, Function<T, String> text) {
        TreeSet<T> records = new TreeSet<>(Comparator.comparing(text));
        records.addAll(ledger);
        records.addAll(bundle);
        return new ArrayList<>(records);
    }
}
