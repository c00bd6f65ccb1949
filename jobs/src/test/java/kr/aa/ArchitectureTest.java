package kr.aa;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages point one way: {@code rules} and {@code io} at the bottom, then {@code ingest}, {@code comply},
 * {@code run} (the run's identity and folders), {@code spark} (the session and the model runner), {@code report}
 * (every page), the steps {@code assess} and {@code pay}, and {@code cycle} (the job) above them all.
 */
class ArchitectureTest {

    private static final JavaClasses PIPELINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kr.aa");

    @Test
    void packagesHaveNoCycle() {
        slices().matching("kr.aa.(*)..").should().beFreeOfCycles().check(PIPELINE);
    }
}
