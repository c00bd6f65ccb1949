package kr.aa.comply;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A year's assessed units as the ledger keeps them, from the warehouse dataset {@code units} of a run. */
public final class AssessedUnits {

    private AssessedUnits() {
    }

    public static List<Ledger.Unit> read(SparkSession spark, Path unitsDataset, int reportingYear) {
        List<Ledger.Unit> units = new ArrayList<>();
        Iterator<Row> rows = spark.read().parquet(unitsDataset.toString())
                .orderBy("employer_id", "industry_group").toLocalIterator();
        while (rows.hasNext()) {
            Row u = rows.next();
            units.add(new Ledger.Unit(reportingYear, u.getAs("employer_id"), u.getAs("industry_group"),
                    u.getAs("employer_name"), u.getAs("size_class"), u.<Long>getAs("workers"), u.<Long>getAs("women"),
                    u.<Long>getAs("managers"), u.<Long>getAs("women_managers"), u.<BigDecimal>getAs("female_ratio"),
                    u.<BigDecimal>getAs("manager_female_ratio"), u.<BigDecimal>getAs("standard_female_ratio"),
                    u.<BigDecimal>getAs("standard_manager_female_ratio"), u.<Boolean>getAs("obligated"),
                    u.<Boolean>getAs("notified"), u.getAs("selected_on"), u.getAs("rule_version"), u.getAs("run_id")));
        }
        return units;
    }
}
