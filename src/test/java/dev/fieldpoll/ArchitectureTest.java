package dev.fieldpoll;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arrows of DESIGN.md: tally ← report ← summary ← bot ← adapters; poll below all; store implements ports. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.fieldpoll");
    }

    @Test
    void layers_point_one_way() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("poll")
                .definedBy("dev.fieldpoll.poll..")
                .layer("tally")
                .definedBy("dev.fieldpoll.tally..")
                .layer("report")
                .definedBy("dev.fieldpoll.report..")
                .layer("summary")
                .definedBy("dev.fieldpoll.summary..")
                .layer("bot")
                .definedBy("dev.fieldpoll.bot..")
                .layer("adapters")
                .definedBy(
                        "dev.fieldpoll.discord..",
                        "dev.fieldpoll.slack..",
                        "dev.fieldpoll.console..",
                        "dev.fieldpoll.web..")
                .layer("store")
                .definedBy("dev.fieldpoll.store..")
                .layer("ops")
                .definedBy("dev.fieldpoll.ops..")
                .layer("wiring")
                .definedBy("dev.fieldpoll.app..", "dev.fieldpoll.cli..", "dev.fieldpoll")
                .whereLayer("wiring")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("ops")
                .mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("adapters")
                .mayOnlyBeAccessedByLayers("ops", "wiring")
                .whereLayer("store")
                .mayOnlyBeAccessedByLayers("ops", "wiring")
                .whereLayer("bot")
                .mayOnlyBeAccessedByLayers("adapters", "ops", "wiring")
                .whereLayer("summary")
                .mayOnlyBeAccessedByLayers("bot", "adapters", "store", "wiring")
                .whereLayer("report")
                .mayOnlyBeAccessedByLayers("summary", "bot", "adapters", "wiring")
                .whereLayer("tally")
                .mayOnlyBeAccessedByLayers("report", "summary", "bot", "adapters", "wiring")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void tally_is_pure_statistics() {
        noClasses()
                .that()
                .resideInAPackage("dev.fieldpoll.tally..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.fieldpoll.poll..", "java.io..", "java.nio..", "java.sql..", "java.time..", "java.net..")
                .check(classes);
    }

    @Test
    void only_the_store_speaks_sql() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.fieldpoll.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "org.sqlite..", "org.flywaydb..")
                .check(classes);
    }

    /** Metrics are the operations package's: the core and the adapters count through ports (InteractionMeter, CommitMeter). */
    @Test
    void only_the_ops_package_speaks_micrometer() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.fieldpoll.ops..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.micrometer..", "io.prometheus..")
                .check(classes);
    }

    @Test
    void only_the_discord_adapter_speaks_discord() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.fieldpoll.discord..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("net.dv8tion..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void only_the_slack_adapter_speaks_slack() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.fieldpoll.slack..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.slack..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * Discord, Slack, the console and the web pages reach the core only through PollBot and the ports
     * made for them (the publishers they implement, the values they render): never a use case, a
     * store, a job, the refresher or the rate limiter, which would skip PollBot's rate limit and gate.
     */
    @Test
    void adapters_reach_the_core_only_through_poll_bot_and_the_ports_made_for_them() {
        DescribedPredicate<JavaClass> coreMachinery = JavaClass.Predicates.resideInAnyPackage(
                        "dev.fieldpoll.poll..",
                        "dev.fieldpoll.tally..",
                        "dev.fieldpoll.report..",
                        "dev.fieldpoll.summary..",
                        "dev.fieldpoll.bot..")
                .and(JavaClass.Predicates.simpleNameEndingWith("Service")
                        .or(JavaClass.Predicates.simpleNameEndingWith("Store"))
                        .or(JavaClass.Predicates.simpleNameEndingWith("Job"))
                        .or(JavaClass.Predicates.simpleNameEndingWith("Refresher"))
                        .or(JavaClass.Predicates.simpleName("SummaryPublishers"))
                        .or(JavaClass.Predicates.simpleName("SummaryCommands"))
                        .or(JavaClass.Predicates.simpleName("RateLimiter"))
                        .or(JavaClass.Predicates.simpleName("ReportCache")))
                // the port made for Slack's installs: no poll, vote or limit passes through it
                .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("InstallationStore")))
                .as("the core's use cases, stores, jobs, refresher and rate limiter");
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.fieldpoll.discord..",
                        "dev.fieldpoll.slack..",
                        "dev.fieldpoll.console..",
                        "dev.fieldpoll.web..")
                .should()
                .dependOnClassesThat(coreMachinery)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.fieldpoll.store..", "dev.fieldpoll.app..", "dev.fieldpoll.cli..")
                .check(classes);
    }

    /** Workspace installs (OAuth) are Slack's: no other adapter and no core package reaches them. */
    @Test
    void only_the_slack_adapter_the_store_and_the_wiring_reach_the_installations() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "dev.fieldpoll.slack..", "dev.fieldpoll.store..", "dev.fieldpoll.app..", "dev.fieldpoll.poll..")
                .should()
                .dependOnClassesThat()
                .haveSimpleName("InstallationStore")
                .check(classes);
    }

    @Test
    void the_web_adapter_reaches_the_core_only_through_poll_bot_and_its_ports() {
        noClasses()
                .that()
                .resideInAPackage("dev.fieldpoll.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.fieldpoll.store..",
                        "dev.fieldpoll.summary..",
                        "dev.fieldpoll.discord..",
                        "dev.fieldpoll.slack..",
                        "dev.fieldpoll.console..",
                        "dev.fieldpoll.app..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.fieldpoll.poll.PollService")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.fieldpoll.poll.PollStore")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.fieldpoll.poll.ResultsPageStore")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.fieldpoll.report.ReportService")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.fieldpoll.bot.ResultsPageService")
                .check(classes);
    }

    @Test
    /** The results pages are the web adapter's; Slack's HTTP mode (which came first) bridges Bolt the same way. */
    void only_the_web_adapter_and_slacks_http_mode_run_an_http_server() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.fieldpoll.web..", "dev.fieldpoll.slack..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.sun.net.httpserver..")
                .check(classes);
    }

    @Test
    void the_core_knows_no_platform_and_no_sql() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.fieldpoll.poll..",
                        "dev.fieldpoll.tally..",
                        "dev.fieldpoll.report..",
                        "dev.fieldpoll.summary..",
                        "dev.fieldpoll.bot..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "net.dv8tion..",
                        "com.slack..",
                        "com.sun.net.httpserver..",
                        "java.sql..",
                        "dev.fieldpoll.store..",
                        "dev.fieldpoll.app..",
                        "dev.fieldpoll.web..")
                .check(classes);
    }

    @Test
    void the_product_holds_no_benchmark() {
        // fieldpoll.jar is these classes and their runtime libraries; the benchmarks live in src/bench
        noClasses()
                .should()
                .resideInAPackage("dev.fieldpoll.bench..")
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("org.openjdk.jmh..")
                .check(classes);
    }
}
