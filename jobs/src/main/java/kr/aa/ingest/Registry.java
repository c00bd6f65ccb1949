package kr.aa.ingest;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kr.aa.io.BundleException;
import kr.aa.io.CsvTable;
import kr.aa.io.DatasetSchema;
import kr.aa.io.ParquetDatasetWriter;
import kr.aa.io.RecordTable;
import kr.aa.rules.IndustryClassification;
import kr.aa.rules.RuleVersion;
import org.apache.hadoop.fs.Path;

/**
 * The bundle's registry: employers, their workplaces (with the industry group of each KSIC code) and the
 * monthly employee counts of Y-1. It is the ministry's own reference data, so a record that breaks its
 * contract (a bad code, a duplicate, a month that is not a month) stops the run with the file and line
 * rather than rejecting tables in its name. Records that name an employer missing from {@code employers.csv}
 * are kept and counted: a table naming that employer is rejected as {@code UNKNOWN_EMPLOYER}, and its
 * monthly counts count for no one.
 */
public final class Registry {

    public record Employer(String id, String name, String representative, String address, String kind,
            boolean disclosureGroup, boolean corporation) {
    }

    /** A workplace; {@code industryGroup} is null where its KSIC code maps to no group. */
    public record Workplace(String employerId, String id, String name, String address, String ksicCode,
            String industryGroup, long line) {
    }

    public record MonthlyCount(String employerId, String month, int employees) {
    }

    /** An employer is known by its business registration number, which also names its pages. */
    private static final Pattern BUSINESS_REGISTRATION_NUMBER = Pattern.compile("\\d{3}-\\d{2}-\\d{5}");

    private final Map<String, Employer> employers = new LinkedHashMap<>();
    private final Map<String, Workplace> workplaces = new LinkedHashMap<>();
    private final List<MonthlyCount> monthly = new ArrayList<>();

    public static Registry read(Bundle bundle, IndustryClassification classification) {
        Registry registry = new Registry();
        registry.readEmployers(bundle);
        registry.readWorkplaces(bundle, classification);
        registry.readMonthly(bundle);
        return registry;
    }

    public Employer employer(String employerId) {
        return employers.get(employerId);
    }

    public Workplace workplace(String employerId, String workplaceId) {
        return workplaces.get(employerId + '\u0000' + workplaceId);
    }

    private void readEmployers(Bundle bundle) {
        try (RecordTable table = bundle.open(Bundle.EMPLOYERS)) {
            for (CsvTable.Row row : table) {
                String id = required(row, "employer_id");
                if (!BUSINESS_REGISTRATION_NUMBER.matcher(id).matches()) {
                    throw invalid(row, "employer_id '" + id + "' is not a business registration number (NNN-NN-NNNNN,"
                            + " ten digits)");
                }
                String kind = row.get("kind");
                if (!RuleVersion.KINDS.contains(kind)) {
                    throw invalid(row, "kind '" + kind + "' is not one of PRIVATE, PUBLIC_INSTITUTION, LOCAL_PUBLIC");
                }
                Employer employer = new Employer(id, required(row, "name"), emptyToNull(row.get("representative")),
                        emptyToNull(row.get("address")), kind, bool(row, "disclosure_group"), bool(row, "corporation"));
                if (employers.putIfAbsent(id, employer) != null) {
                    throw invalid(row, "employer " + id + " appears twice");
                }
            }
        }
    }

    private void readWorkplaces(Bundle bundle, IndustryClassification classification) {
        try (RecordTable table = bundle.open(Bundle.WORKPLACES)) {
            for (CsvTable.Row row : table) {
                String employerId = required(row, "employer_id");
                String id = required(row, "workplace_id");
                String ksic = row.get("ksic_code").trim();
                Workplace workplace = new Workplace(employerId, id, required(row, "name"),
                        emptyToNull(row.get("address")), ksic, classification.groupOf(ksic).orElse(null), row.line());
                if (workplaces.putIfAbsent(employerId + '\u0000' + id, workplace) != null) {
                    throw invalid(row, "workplace " + id + " of employer " + employerId + " appears twice");
                }
            }
        }
    }

    private void readMonthly(Bundle bundle) {
        Set<String> seen = new HashSet<>();
        try (RecordTable table = bundle.open(Bundle.MONTHLY_WORKFORCE)) {
            for (CsvTable.Row row : table) {
                String employerId = required(row, "employer_id");
                String month = row.get("month");
                try {
                    YearMonth.parse(month);
                } catch (DateTimeParseException e) {
                    throw invalid(row, "month '" + month + "' is not YYYY-MM");
                }
                int employees = Counts.parse(row.get("employees"))
                        .orElseThrow(() -> invalid(row, "employees '" + row.get("employees")
                                + "' is not a whole number >= 0"));
                if (!seen.add(employerId + '\u0000' + month)) {
                    throw invalid(row, "employer " + employerId + " has month " + month + " twice");
                }
                monthly.add(new MonthlyCount(employerId, month, employees));
            }
        }
    }

    /** Writes the registry as the assessment reads it: {@code staging/<dataset>/part-00000.parquet}. */
    public void writeStaging(Path stagingDir) {
        try (var out = new ParquetDatasetWriter(DatasetSchema.load("staging", Bundle.EMPLOYERS),
                ParquetDatasetWriter.part(new Path(stagingDir, Bundle.EMPLOYERS)))) {
            employers.values().forEach(e -> out.write(Arrays.asList(e.id(), e.name(), e.representative(),
                    e.address(), e.kind(), e.disclosureGroup(), e.corporation())));
        }
        try (var out = new ParquetDatasetWriter(DatasetSchema.load("staging", Bundle.WORKPLACES),
                ParquetDatasetWriter.part(new Path(stagingDir, Bundle.WORKPLACES)))) {
            workplaces.values().forEach(w -> out.write(Arrays.asList(w.employerId(), w.id(), w.name(),
                    w.address(), w.ksicCode(), w.industryGroup())));
        }
        try (var out = new ParquetDatasetWriter(DatasetSchema.load("staging", Bundle.MONTHLY_WORKFORCE),
                ParquetDatasetWriter.part(new Path(stagingDir, Bundle.MONTHLY_WORKFORCE)))) {
            monthly.forEach(m -> out.write(List.of(m.employerId(), m.month(), m.employees())));
        }
    }

    public int employerCount() {
        return employers.size();
    }

    public int workplaceCount() {
        return workplaces.size();
    }

    public int monthlyCount() {
        return monthly.size();
    }

    /** Workplaces and monthly counts naming an employer missing from employers.csv. */
    public long unregisteredRecords() {
        return workplaces.values().stream().filter(w -> !employers.containsKey(w.employerId())).count()
                + monthly.stream().filter(m -> !employers.containsKey(m.employerId())).count();
    }

    /** Monthly counts of another year than Y-1: kept, and not counted in the regular workforce. */
    public long monthsOutside(int workforceYear) {
        String prefix = workforceYear + "-";
        return monthly.stream().filter(m -> !m.month().startsWith(prefix)).count();
    }

    private static String required(CsvTable.Row row, String column) {
        String value = row.get(column).trim();
        if (value.isEmpty()) {
            throw invalid(row, column + " is empty");
        }
        return value;
    }

    private static boolean bool(CsvTable.Row row, String column) {
        String value = row.get(column).trim();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid(row, column + " '" + value + "' is not true or false");
    }

    private static String emptyToNull(String value) {
        return value.isBlank() ? null : value;
    }

    static BundleException invalid(CsvTable.Row row, String problem) {
        return new BundleException(row.file() + " line " + row.line() + ": " + problem);
    }
}
