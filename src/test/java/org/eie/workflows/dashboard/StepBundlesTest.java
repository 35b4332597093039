package org.eie.workflows.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.eie.workflows.language.Languages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every step the dashboard can name has its name in every language. The dashboard names the
 * activities of its stage and timeline columns (tasks of every kind, called processes, timers and
 * other intermediate events, end events); gateways, start and boundary events and sub-processes it
 * never shows, so they need no key. Emptiness and left-in-English values are
 * {@code BundlesInFiveLanguagesTest}'s to find.
 */
@Tag("fast")
class StepBundlesTest {

  private static final Path BUNDLES = Path.of("src/main/resources/templates/dashboard");

  @Test
  void everyNamedStepOfEveryDiagramHasItsNameInFiveLanguages() throws IOException {
    Map<String, String> steps = steps();
    assertThat(steps).as("named steps in bpmn/").hasSizeGreaterThan(50);
    Properties english = bundle("steps.properties");
    List<String> problems = new ArrayList<>();
    steps.forEach((key, name) -> {
      if (!english.containsKey(key)) {
        problems.add("steps.properties lacks " + key + "=" + name);
      } else if (!english.getProperty(key).equals(name)) {
        problems.add("steps.properties: " + key + " reads \"" + english.getProperty(key)
            + "\", the diagram \"" + name + "\"");
      }
    });
    english.stringPropertyNames().stream().filter(key -> !steps.containsKey(key)).sorted()
        .forEach(key -> problems.add("steps.properties: " + key + " names no step of a diagram"));
    for (String code : Languages.CODES) {
      if (code.equals(Languages.ENGLISH)) {
        continue;
      }
      Properties language = bundle("steps_" + code + ".properties");
      steps.keySet().stream().filter(key -> !language.containsKey(key)).sorted()
          .forEach(key -> problems.add("steps_" + code + ".properties lacks " + key));
    }
    assertThat(problems).isEmpty();
  }

  /** The dashboard finds a stage's step by its English name: one name, one wording a language. */
  @Test
  void stepsNamedAlikeInEnglishReadAlikeInEachLanguage() throws IOException {
    Properties english = bundle("steps.properties");
    List<String> problems = new ArrayList<>();
    for (String code : Languages.CODES) {
      Properties language = code.equals(Languages.ENGLISH) ? english
          : bundle("steps_" + code + ".properties");
      Map<String, String> wordingOf = new HashMap<>();
      Map<String, String> firstKey = new HashMap<>();
      english.stringPropertyNames().stream().sorted().forEach(key -> {
        String name = english.getProperty(key);
        String wording = language.getProperty(key);
        String before = wordingOf.putIfAbsent(name, wording);
        firstKey.putIfAbsent(name, key);
        if (before != null && !before.equals(wording)) {
          problems.add(code + ": " + key + " and " + firstKey.get(name) + " are both \"" + name
              + "\" in English but read \"" + wording + "\" and \"" + before + "\"");
        }
      });
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aStageIsFoundByItsEnglishNameAndANameOfNoDiagramByNone() {
    assertThat(StepWording.keyOf("Confirm activation and appeal lead"))
        .isEqualTo("emergencyFundingAppeal.Task_ConfirmActivation");
    assertThat(StepWording.keyOf("Plan the training workshop (${country})"))
        .isEqualTo("trainingCountryRollout.Task_PlanWorkshop");
    assertThat(StepWording.keyOf("A step of no diagram")).isNull();
  }

  /** {@code <processKey>.<activityId>} -> the diagram's name as the dashboard shows it. */
  private static Map<String, String> steps() throws IOException {
    Map<String, String> steps = new HashMap<>();
    List<Path> diagrams;
    try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
      diagrams = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    }
    for (Path diagram : diagrams) {
      var model = Bpmn.readModelFromFile(diagram.toFile());
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        boolean shown = node instanceof Task || node instanceof CallActivity
            || node instanceof IntermediateCatchEvent || node instanceof IntermediateThrowEvent
            || node instanceof EndEvent;
        if (shown && node.getName() != null && !node.getName().isBlank()) {
          steps.put(processOf(node).getId() + "." + node.getId(),
              StepNames.withoutExpressions(node.getName()));
        }
      }
    }
    return steps;
  }

  private static Process processOf(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (!(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return (Process) parent;
  }

  private static Properties bundle(String file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
