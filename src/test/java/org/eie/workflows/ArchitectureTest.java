package org.eie.workflows;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/** The house's rules, checked with every build so the structure cannot drift. */
@AnalyzeClasses(packages = "org.eie.workflows", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Controllers are reached over HTTP only (as in spring-petclinic). */
  @ArchTest
  static final ArchRule controllersArePackagePrivate = classes()
      .that().areAnnotatedWith(RestController.class).should().notBePublic();
}
