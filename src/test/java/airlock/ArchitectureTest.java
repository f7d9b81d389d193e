package airlock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules, checked on the production classes. Each rule is also evaluated against a
 * deliberately bad fixture package ({@code airlock.archfixture.bad}) and must report it, so a rule
 * that silently matches nothing cannot pass.
 */
class ArchitectureTest {
    private static final String FIXTURE = "airlock.archfixture.bad";
    private static JavaClasses production;
    private static JavaClasses fixture;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("airlock");
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    /** The UI-free root (airlock.core.. in production, the fixture package in the proof). */
    static ArchRule coreIsUiFree(String corePackage) {
        return noClasses().that().resideInAPackage(corePackage)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..", "airlock.ui..")
                .as("core imports no javafx, org.fxmisc or airlock.ui");
    }

    static ArchRule noNetwork() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "javax.naming..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().callMethodWhere(calls("java.net.URL", Set.of("openConnection", "openStream")))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.MulticastSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.InetSocketAddress")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.DatagramChannel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.AsynchronousSocketChannel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.AsynchronousServerSocketChannel")
                .orShould().accessField(java.net.StandardProtocolFamily.class, "INET")
                .orShould().accessField(java.net.StandardProtocolFamily.class, "INET6")
                .orShould().callMethodWhere(opensAnInternetChannel())
                .as("the air gap: no network sockets (AF_UNIX channels only), URL connections, HTTP clients or JNDI");
    }

    /**
     * {@code SocketChannel.open()} and {@code ServerSocketChannel.open()} without a protocol family make
     * TCP sockets, {@code SocketChannel.open(SocketAddress)} connects to any address: only
     * {@code open(ProtocolFamily)} is allowed, and the family cannot be INET (field access above).
     */
    private static DescribedPredicate<JavaCall<?>> opensAnInternetChannel() {
        return DescribedPredicate.describe("SocketChannel/ServerSocketChannel.open other than open(ProtocolFamily)",
                call -> call.getName().equals("open")
                        && (call.getTargetOwner().isAssignableTo("java.nio.channels.SocketChannel")
                            || call.getTargetOwner().isAssignableTo("java.nio.channels.ServerSocketChannel"))
                        && !(call.getTarget().getRawParameterTypes().size() == 1
                            && call.getTarget().getRawParameterTypes().get(0).getName().equals("java.net.ProtocolFamily")));
    }

    /** The one channel: only the keeper and its client touch sockets at all. */
    static ArchRule socketsOnlyInTheKeeper(String keeperPackage) {
        return noClasses().that().resideOutsideOfPackage(keeperPackage)
                .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.SocketChannel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.ServerSocketChannel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.UnixDomainSocketAddress")
                .as("sockets (AF_UNIX) only in " + keeperPackage);
    }

    static ArchRule noProcesses() {
        return noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
                .orShould().callMethodWhere(calls("java.lang.Runtime", Set.of("exec")))
                .as("no process is started");
    }

    static ArchRule consoleOnlyInCli() {
        return noClasses().that().resideOutsideOfPackage("airlock.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .as("System.out and System.err only in airlock.cli");
    }

    static ArchRule noPrintStackTrace() {
        return noClasses().should().callMethodWhere(calls("java.lang.Throwable", Set.of("printStackTrace"))
                        .or(named("printStackTrace")))
                .as("no printStackTrace: log through SLF4J");
    }

    static ArchRule slf4jOnly() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..",
                        "org.apache.logging.log4j..")
                .as("SLF4J is the only logging API");
    }

    private static DescribedPredicate<JavaCall<?>> calls(String owner, Set<String> names) {
        return DescribedPredicate.describe(owner + "." + names, call -> names.contains(call.getName())
                && call.getTargetOwner().isAssignableTo(owner));
    }

    private static DescribedPredicate<JavaCall<?>> named(String name) {
        return DescribedPredicate.describe("any " + name, call -> call.getName().equals(name)
                && call.getTargetOwner().isAssignableTo(Throwable.class));
    }

    private static List<ArchRule> productionRules() {
        return List.of(coreIsUiFree("airlock.core.."), noNetwork(), noProcesses(), consoleOnlyInCli(),
                noPrintStackTrace(), slf4jOnly(), socketsOnlyInTheKeeper("airlock.keeper.."));
    }

    @Test
    void productionCodeKeepsTheRules() {
        for (ArchRule rule : productionRules()) {
            rule.check(production);
        }
    }

    @Test
    void theRulesSeeTheProductionCode() {
        assertTrue(production.contain("airlock.core.git.GitSource"));
        assertTrue(production.contain("airlock.ui.main.MainView"));
        assertFalse(production.contain(FIXTURE + ".BadCoreClass"), "test classes are not production");
    }

    @Test
    void everyRuleFailsOnTheDeliberatelyBadClass() {
        List<ArchRule> rules = List.of(coreIsUiFree(FIXTURE + ".."), noNetwork(), noProcesses(), consoleOnlyInCli(),
                noPrintStackTrace(), slf4jOnly(), socketsOnlyInTheKeeper("airlock.keeper.."));
        for (ArchRule rule : rules) {
            EvaluationResult result = rule.evaluate(fixture);
            assertTrue(result.hasViolation(), "rule did not bite: " + rule.getDescription());
        }
    }

    @Test
    void theUnixSocketOfTheKeeperIsAllowedAndOnlyThere() {
        assertTrue(production.contain("airlock.keeper.KeeperServer"));
        assertFalse(noNetwork().evaluate(production.that(com.tngtech.archunit.base.DescribedPredicate.describe("keeper",
                c -> c.getPackageName().startsWith("airlock.keeper")))).hasViolation(), "AF_UNIX channels pass the air-gap rule");
    }

    @Test
    void theNetworkRuleNamesEachKindOfViolation() {
        String report = String.join("\n", noNetwork().evaluate(fixture).getFailureReport().getDetails());
        for (String expected : List.of("java.net.Socket", "java.net.ServerSocket", "openConnection", "openStream",
                "java.net.http.HttpClient", "javax.naming.InitialContext", "SocketChannel.open()", "ServerSocketChannel.open()",
                "StandardProtocolFamily.INET", "java.net.InetSocketAddress")) {
            assertTrue(report.contains(expected), "network rule misses " + expected + ":\n" + report);
        }
        String processes = String.join("\n", noProcesses().evaluate(fixture).getFailureReport().getDetails());
        assertTrue(processes.contains("ProcessBuilder") && processes.contains("Runtime.exec"), processes);
    }
}
