package org.eie.workflows;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/** The house's rules, checked with every build so the structure cannot drift. */
@AnalyzeClasses(packages = "org.eie.workflows", importOptions = ImportOption.DoNotIncludeTests.class)
@ArchTag("fast") // ArchUnit's own test engine reads its own tag, not JUnit's @Tag
class ArchitectureTest {

  /** A feature package may use another, never the other way round as well. */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("org.eie.workflows.(*)..").should().beFreeOfCycles();

  /** Controllers are reached over HTTP only (as in spring-petclinic). */
  @ArchTest
  static final ArchRule controllersArePackagePrivate = classes()
      .that().areAnnotatedWith(RestController.class).should().notBePublic();
}
