package kr.aa.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.aa.io.DatasetSchema;
import org.junit.jupiter.api.Test;

/** The SQL models as their contracts declare them, found on the class path as the runner finds them. */
class ModelTest {

    @Test
    void theModelsOfEachStepAreFoundInTheOrderOfTheirNumbers() {
        assertEquals(List.of("employer_status", "units_counted", "comparison_averages", "units", "benchmarks",
                "notifications", "employer_names", "latest_plans", "plan_reviews", "performance_evaluations",
                "non_submitters", "naming_candidates", "press_list", "registry_gaps", "national_statistics",
                "ratio_distribution"),
                Model.of("assess").stream().map(Model::name).toList());
        assertEquals(List.of("pay_figures", "payroll_rejections", "pay_comparisons", "pay_gap", "pay_indicators",
                "pay_context", "pay_gap_distribution"),
                Model.of("pay").stream().map(Model::name).toList());
    }

    @Test
    void aPublishedModelHasAWarehouseContractAndEveryOtherColumnAMeaning() {
        Map<String, String> glossary = DatasetSchema.Glossary.load().columns();
        Set<String> problems = new TreeSet<>();
        for (String step : List.of("assess", "pay")) {
            for (Model model : Model.of(step)) {
                assertTrue(!model.contract().grain().isBlank(), model.name());
                if (model.contract().published()) {
                    if (!DatasetSchema.exists("warehouse", model.name())) {
                        problems.add(model.name() + ": no warehouse contract");
                    }
                    continue;
                }
                model.contract().columns().stream()
                        .filter(c -> (c.description() == null || c.description().isBlank())
                                && !glossary.containsKey(c.name()))
                        .forEach(c -> problems.add(model.name() + "." + c.name() + ": no meaning"));
            }
        }
        assertEquals(Set.of(), problems);
    }

    @Test
    void aModelWhoseColumnsAreNotItsContractsIsNamed() {
        Model model = new Model("latest", "SELECT 1", new Model.Contract("one row", true, false,
                List.of(new Model.Column("employer_id", ""), new Model.Column("plan_year", ""))));
        model.check(List.of("employer_id", "plan_year"));
        IllegalStateException drift = assertThrows(IllegalStateException.class,
                () -> model.check(List.of("employer_id", "year")));
        assertEquals("the model latest gives the columns [employer_id, year], its contract names [employer_id,"
                + " plan_year]", drift.getMessage());
    }
}
