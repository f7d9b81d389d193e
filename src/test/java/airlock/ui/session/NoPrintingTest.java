package airlock.ui.session;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No way to print code out of the room: no class uses JavaFX printing ({@code javafx.print}:
 * PrinterJob, Printer), AWT printing ({@code java.awt.print}) or the print service API
 * ({@code javax.print}), so no menu, key or context menu can reach a printer.
 */
class NoPrintingTest {
    @Test
    void noCodePathCanPrint() {
        JavaClasses production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("airlock");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx.print..", "java.awt.print..", "javax.print..")
                .because("printing would take code out of the room (THREATS.md, exfiltration)")
                .check(production);
    }
}
