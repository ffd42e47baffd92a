package dev.kaiyuan;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The package rules of ARCHITECTURE.md: dependencies point inward, libraries stay fenced in the
 * package that owns them, and only {@code cli.Main} ends the JVM.
 */
class ArchitectureTest {
    static final String ROOT = "dev.kaiyuan";
    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        assertThat(classes).as("main classes imported").hasSizeGreaterThan(30);
        assertThat(classes.stream().map(c -> c.getPackageName()))
                .contains(ROOT + ".model", ROOT + ".build", ROOT + ".cli", ROOT + ".render.freemarker");
    }

    private static String pkg(String name) {
        return ROOT + "." + name + "..";
    }

    @Test
    void modelDependsOnNothingElseOfOurs() {
        classes().that().resideInAPackage(pkg("model"))
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..").or(resideInAPackage(pkg("model"))))
                .check(classes);
    }

    @Test
    void diagDependsOnlyOnModel() {
        classes().that().resideInAPackage(pkg("diag"))
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                        .or(resideInAnyPackage(pkg("diag"), pkg("model"))))
                .check(classes);
    }

    /** Each stage sees only model, diag, config and itself. */
    @ParameterizedTest
    @ValueSource(strings = {"config", "ingest", "enrich", "assemble", "postprocess", "output", "check"})
    void stagesDependOnlyOnModelDiagConfigAndThemselves(String stage) {
        classes().that().resideInAPackage(pkg(stage))
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                        .or(resideInAnyPackage(pkg("model"), pkg("diag"), pkg("config"), pkg(stage))))
                .allowEmptyShould(stage.equals("enrich"))
                .check(classes);
    }

    /** The render seam knows nothing of its engines or of search; the build wires them in. */
    @Test
    void renderSeamDependsOnlyOnModelDiagConfig() {
        classes().that().resideInAPackage(ROOT + ".render")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                        .or(resideInAnyPackage(pkg("model"), pkg("diag"), pkg("config"), ROOT + ".render")))
                .check(classes);
    }

    /** Search builds its index from the model for the render stage's producers; no jsoup, no engines. */
    @Test
    void searchDependsOnlyOnModelDiagConfigAndRender() {
        classes().that().resideInAPackage(pkg("search"))
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                        .or(resideInAnyPackage(pkg("model"), pkg("diag"), pkg("config"), ROOT + ".render",
                                pkg("search"))))
                .check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"render.freemarker", "render.pebble"})
    void templateEnginesDependOnlyOnTheRenderSeam(String engine) {
        classes().that().resideInAPackage(pkg(engine))
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                        .or(resideInAnyPackage(pkg("model"), pkg("diag"), pkg("config"), ROOT + ".render",
                                pkg(engine))))
                .allowEmptyShould(engine.equals("render.pebble"))
                .check(classes);
    }

    @Test
    void buildDoesNotDependOnTheCommandLineOrServer() {
        noClasses().that().resideInAPackage(pkg("build"))
                .should().dependOnClassesThat(resideInAnyPackage(pkg("cli"), pkg("serve")))
                .check(classes);
    }

    @Test
    void nothingButTheCommandLineAndServerDependsOnThem() {
        noClasses().that().resideOutsideOfPackages(pkg("cli"), pkg("serve"))
                .should().dependOnClassesThat(resideInAnyPackage(pkg("cli"), pkg("serve")))
                .check(classes);
    }

    @Test
    void jsoupOnlyInIngestPostprocessAndCheck() {
        noClasses().that().resideOutsideOfPackages(pkg("ingest"), pkg("postprocess"), pkg("check"))
                .should().dependOnClassesThat(resideInAPackage("org.jsoup.."))
                .check(classes);
    }

    @Test
    void theServerDoesNotDependOnTheCommandLine() {
        noClasses().that().resideInAPackage(pkg("serve"))
                .should().dependOnClassesThat(resideInAPackage(pkg("cli")))
                .check(classes);
    }

    /** The JDK's HTTP server and the desktop (for --open) belong to the preview alone. */
    @Test
    void httpServerAndDesktopOnlyInServe() {
        noClasses().that().resideOutsideOfPackage(pkg("serve"))
                .should().dependOnClassesThat(resideInAnyPackage("com.sun.net.httpserver..", "java.awt.."))
                .check(classes);
    }

    @Test
    void freemarkerOnlyInItsEngine() {
        noClasses().that().resideOutsideOfPackage(pkg("render.freemarker"))
                .should().dependOnClassesThat(resideInAPackage("freemarker.."))
                .check(classes);
    }

    @Test
    void pebbleOnlyInItsEngine() {
        noClasses().that().resideOutsideOfPackage(pkg("render.pebble"))
                .should().dependOnClassesThat(resideInAPackage("io.pebbletemplates.."))
                .check(classes);
    }

    @Test
    void picocliOnlyInTheCommandLine() {
        noClasses().that().resideOutsideOfPackage(pkg("cli"))
                .should().dependOnClassesThat(resideInAPackage("picocli.."))
                .check(classes);
    }

    /**
     * The commands' models are written in code ({@code cli.CommandSpecs}): reading picocli's
     * annotations cost every start proxy classes the JDK generates for them.
     */
    @Test
    void noPicocliAnnotations() {
        DescribedPredicate<JavaAnnotation<?>> picocli = DescribedPredicate.describe("a picocli annotation",
                annotation -> annotation.getRawType().getPackageName().startsWith("picocli"));
        noClasses().should().beAnnotatedWith(picocli).check(classes);
        noMembers().should().beAnnotatedWith(picocli).check(classes);
    }

    @Test
    void onlyMainExitsTheJvm() {
        noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".cli.Main")
                .should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .check(classes);
    }

    /** Guards the rules above against vacuous success: the fenced libraries are really used. */
    @Test
    void fencedLibrariesAreActuallyImported() {
        List<String> used = new ArrayList<>();
        for (String library : List.of("org.jsoup..", "freemarker..", "picocli..")) {
            boolean any = classes.stream().anyMatch(c -> c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> resideInAPackage(library).test(d.getTargetClass())));
            if (any) {
                used.add(library);
            }
        }
        assertThat(used).containsExactly("org.jsoup..", "freemarker..", "picocli..");
    }
}
