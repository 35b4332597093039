package org.eie.workflows;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RestController;

/** The house's rules, checked with every build so the structure cannot drift. */
@AnalyzeClasses(packages = "org.eie.workflows", importOptions = ImportOption.DoNotIncludeTests.class)
@ArchTag("fast") // ArchUnit's own test engine reads its own tag, not JUnit's @Tag
class ArchitectureTest {

  private static final String APPEAL_VARIABLES = "org.eie.workflows.appeal.AppealVariables";

  /** A feature package may use another, never the other way round as well. */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("org.eie.workflows.(*)..").should().beFreeOfCycles();

  /**
   * The appeal's parts ({@code appeal/document}, {@code appeal/projects}, {@code appeal/revision})
   * build on the appeal's core in {@code appeal/} and never on one another in a circle, so each
   * can be read, and changed, after the core alone.
   */
  @ArchTest
  static final ArchRule noCyclesBetweenTheAppealsParts =
      slices().matching("org.eie.workflows.appeal.(*)..").should().beFreeOfCycles();

  /**
   * The appeal's core needs none of its parts: the BPMN reaches their delegates by bean name, the
   * REST API reaches theirs by path, and they read the core's records.
   */
  @ArchTest
  static final ArchRule theAppealsCoreNeedsNoneOfItsParts = noClasses()
      .that().resideInAPackage("org.eie.workflows.appeal")
      .should().dependOnClassesThat().resideInAnyPackage("org.eie.workflows.appeal.document..",
          "org.eie.workflows.appeal.projects..", "org.eie.workflows.appeal.revision..");

  /** Controllers are reached over HTTP only (as in spring-petclinic). */
  @ArchTest
  static final ArchRule controllersArePackagePrivate = classes()
      .that().areAnnotatedWith(RestController.class).should().notBePublic();

  /**
   * The dashboard reads the donors' and the documents' tables by asking those packages
   * ({@code donors/DonorReads}, {@code documents/DocumentStore}), never in SQL of its own: a table
   * can then change with the one package that writes it.
   */
  @ArchTest
  static final ArchRule theDashboardWritesNoSql = noClasses()
      .that().resideInAPackage("org.eie.workflows.dashboard..")
      .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..");

  /**
   * Only {@code appeal} (with its parts, {@code appeal/document}, {@code appeal/projects} and
   * {@code appeal/revision}) uses the class that names the appeal's variables. The class and the
   * names those parts read are public so that they can; this rule keeps the rest of the
   * application out. It sees calls of its methods only: javac copies a constant's
   * value into the class that uses it, so reading a name leaves no trace of the class — the next
   * rule sees those.
   */
  @ArchTest
  static final ArchRule onlyTheAppealUsesItsVariables = noClasses()
      .that().resideOutsideOfPackage("org.eie.workflows.appeal..")
      .should().dependOnClassesThat().haveFullyQualifiedName(APPEAL_VARIABLES);

  /**
   * Only {@code appeal} names the appeal's process variables: the rest of the application reads
   * the appeal through the types it publishes ({@code appeal/AppealRecords}, and the appeal's
   * implementations of {@code donors/AppealRequirements} and {@code donors/VersionChanges}), so
   * the appeal can rename, reshape or split a variable without a reader elsewhere going blank.
   *
   * <p>ArchUnit sees no string values, so the check reads each class file's constant pool: every
   * string literal a class uses, and every constant copied into it from another class, is there.
   * The names checked are those of {@code appeal/AppealVariables} except those that are not the
   * appeal's alone: {@code country} (every process's tenant), {@code language} (the planning
   * process's own) and {@code appeal} (the kind of document in the document store). A string
   * cannot say whose it is, so a name the appeal shares with a word another package uses for its
   * own thing is allowed in that class (or package) only, each listed in {@link #OWN_WORDS} with
   * why.
   */
  @ArchTest
  static final ArchRule onlyTheAppealNamesItsVariables = classes()
      .that().resideOutsideOfPackage("org.eie.workflows.appeal..")
      .should(nameNoneOf(appealVariableNames()));

  /** Class or package -> the appeal's variable names it uses for something of its own. */
  private static final Map<String, Set<String>> OWN_WORDS = Map.of(
      // The donor delivery process's own input, which the appeal's call activity fills.
      "org.eie.workflows.donors", Set.of("appealType"),
      // The read API's filter parameter, as its clients write it.
      "org.eie.workflows.dashboard.ReadApiController", Set.of("appealType"),
      // The name of a deadline, in the read API's answers.
      "org.eie.workflows.dashboard.AppealStanding", Set.of("revision"));

  private static Set<String> appealVariableNames() {
    Set<String> names = new TreeSet<>();
    try {
      for (Field field : Class.forName(APPEAL_VARIABLES).getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          field.setAccessible(true);
          names.add((String) field.get(null));
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    names.removeAll(Set.of("country", "language", "appeal"));
    return names;
  }

  private static ArchCondition<JavaClass> nameNoneOf(Set<String> names) {
    return new ArchCondition<>("name none of the appeal's variables " + names) {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        Set<String> named = new TreeSet<>(stringsOf(javaClass));
        named.retainAll(names);
        named.removeAll(OWN_WORDS.getOrDefault(javaClass.getName(), Set.of()));
        named.removeAll(OWN_WORDS.getOrDefault(javaClass.getPackageName(), Set.of()));
        events.add(new SimpleConditionEvent(javaClass, named.isEmpty(),
            javaClass.getName() + " names the appeal's variables " + named));
      }
    };
  }

  /** The string constants of a class file (JVM specification, 4.4). */
  private static Set<String> stringsOf(JavaClass javaClass) {
    Source source = javaClass.getSource().orElseThrow();
    try (InputStream in = source.getUri().toURL().openStream();
        DataInputStream data = new DataInputStream(in)) {
      data.skipNBytes(8); // magic, minor and major version
      int count = data.readUnsignedShort();
      Map<Integer, String> utf8 = new HashMap<>();
      Set<Integer> strings = new HashSet<>();
      for (int index = 1; index < count; index++) {
        int tag = data.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8.put(index, data.readUTF());
          case 8 -> strings.add(data.readUnsignedShort());
          case 7, 16, 19, 20 -> data.skipNBytes(2);
          case 15 -> data.skipNBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipNBytes(4);
          case 5, 6 -> {
            data.skipNBytes(8);
            index++; // a long or a double takes two entries
          }
          default -> throw new IllegalStateException("constant pool tag " + tag + " in "
              + javaClass.getName());
        }
      }
      Set<String> values = new HashSet<>();
      strings.forEach(index -> values.add(utf8.get(index)));
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
