package kr.aa.assess;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kr.aa.comply.ComplianceRecords;
import kr.aa.comply.Ledger;
import kr.aa.cycle.JobDatabase;
import kr.aa.io.Storage;
import kr.aa.rules.RuleVersion;
import kr.aa.run.CycleRun;
import kr.aa.run.Folders;
import kr.aa.testing.Fixtures;
import kr.aa.testing.InProcess;
import kr.aa.testing.ModelFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each model of {@code sql/assess/} alone on the views of the {@code compliance-cases} run (its history of 2023
 * and 2024 imported), frozen in {@code models/assess/}: see {@link ModelFixtures}.
 */
class AssessModelsIntegrationTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> eachModelGivesItsFrozenResultOnTheFrozenViewsItReads() {
        if (ModelFixtures.capturing()) {
            Path out = dir.resolve("out");
            ComplianceRecords.History history = ComplianceRecords.readHistory(
                    Storage.local(Fixtures.resource("bundles/compliance-cases/history")));
            new Ledger(JobDatabase.embedded(out).dataSource()).importHistory(history.units(), history.records());
            Path bundle = Fixtures.bundle("compliance-cases", dir.resolve("bundle"));
            InProcess.cycle(2025, bundle, out, RuleVersion.DEFAULT);
            CycleRun run = ModelFixtures.rerunOf(out, bundle, List.of("employers", "workplaces", "monthly_workforce",
                    "submitted_tables"), List.of("submissions", "rejections"));
            new Assessment(InProcess.spark(), run).run();
            ModelFixtures.capture("assess");
            Folders.delete(run.workDir());
        }
        return ModelFixtures.tests("assess", Assessment.parameters(RuleVersion.load(RuleVersion.DEFAULT), 2025,
                ModelFixtures.RUN_ID), Assessment.EVALUATION);
    }
}
