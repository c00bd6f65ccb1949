package kr.aa.pay;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kr.aa.rules.RuleVersion;
import kr.aa.run.CycleRun;
import kr.aa.run.Folders;
import kr.aa.spark.SparkOutputs;
import kr.aa.testing.InProcess;
import kr.aa.testing.ModelFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each model of {@code sql/pay/} alone on the views of the {@code pay-cases} run, frozen in {@code models/pay/}:
 * see {@link ModelFixtures}; compiled, as over a national payroll, and interpreted, as over a small one.
 */
class PayModelsIntegrationTest {

    @TestFactory
    Stream<DynamicTest> eachModelGivesItsFrozenResultOnTheFrozenViewsItReads() {
        if (ModelFixtures.capturing()) {
            InProcess.Run fixture = InProcess.fixture("pay-cases");
            CycleRun run = ModelFixtures.rerunOf(fixture.out(), fixture.out().resolveSibling("bundle"),
                    List.of("employers", "payroll", "payroll_row_rejections"), List.of());
            new PayAnalysis(InProcess.spark(), run).run();
            ModelFixtures.capture("pay");
            Folders.delete(run.workDir());
        }
        EmployerPay.register(InProcess.spark());
        return ModelFixtures.tests("pay", PayAnalysis.parameters(RuleVersion.load(RuleVersion.DEFAULT), 2025,
                ModelFixtures.RUN_ID), SparkOutputs.Evaluation.values());
    }
}
