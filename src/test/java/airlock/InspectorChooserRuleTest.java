package airlock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: no general file chooser is reachable by the inspector. The in-app {@code PathChooser}
 * may be used only by the room administrator's set-up screens ({@code airlock.ui.room}) and, until
 * it moves to the media chooser (kexport), the findings import ({@code airlock.ui.annotate},
 * confined to the mounted removable devices); every other screen - the session-start dialog, the
 * verify screen and the supervisor's seal screen (their key from their stick) - chooses with the
 * {@code MediaChooser}. The rule must bite on a deliberately bad class, so it cannot pass by matching nothing.
 */
class InspectorChooserRuleTest {
    static ArchRule noGeneralChooserForTheInspector() {
        return noClasses().that().resideOutsideOfPackages("airlock.ui.choose..", "airlock.ui.room..", "airlock.ui.annotate..")
                .should().dependOnClassesThat().haveFullyQualifiedName("airlock.ui.choose.PathChooser")
                .as("the general file chooser only on the administrator's set-up screens");
    }

    @Test
    void theInspectorsScreensReachNoGeneralFileChooser() {
        JavaClasses production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("airlock");
        assertTrue(production.contain("airlock.ui.session.SessionFeature") && production.contain("airlock.ui.verify.VerifyLogView")
                && production.contain("airlock.ui.seal.SealView"));
        noGeneralChooserForTheInspector().check(production);
    }

    @Test
    void theRuleBitesOnABadClass() {
        JavaClasses bad = new ClassFileImporter().importPackages("airlock.archfixture.bad");
        EvaluationResult result = noGeneralChooserForTheInspector().evaluate(bad);
        assertTrue(result.hasViolation(), "the rule did not bite");
        assertTrue(String.join("\n", result.getFailureReport().getDetails()).contains("BadInspectorScreen"));
    }
}
