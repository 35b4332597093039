package org.eie.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eie.workflows.language.Languages;
import org.junit.jupiter.api.Test;

/**
 * Every word a user reads exists in each of our languages ({@link Languages#CODES}): every message
 * bundle under {@code src/main/resources/} and {@code templates/} ({@code name.properties}, English,
 * with its {@code name_fr}, {@code _es}, {@code _pt} and {@code _ar} siblings, read as UTF-8 as
 * the application reads them) has each English key in every language, none blank, none left in
 * English, with the same placeholders, and no language has a key English lacks.
 *
 * <p>A translation may rightly be the English text (a name such as "INEE", "Cockpit" or "HXL", a
 * word the languages share such as "Total" in French): list its key in a comment of the language's
 * file, {@code # same: key, other.key} (several such lines may be given). Values with no letter
 * outside their placeholders ({@code {0} %}, {@code 1.}) need no such line.
 *
 * <p>A message with {@code {0}} arguments goes through {@link java.text.MessageFormat}, where a
 * lone {@code '} starts a quoted passage and disappears with the text after it: write {@code ’}
 * or {@code ''}.
 */
class BundlesInFiveLanguagesTest {

  private static final List<Path> ROOTS = List.of(Path.of("src/main/resources"), Path.of("templates"));
  /** {@code {0}}, {@code {1,number}}, {@code {taskName}}: the argument's index or name. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*([A-Za-z0-9_]+)\\s*[,}]");
  private static final Pattern NUMBERED_PLACEHOLDER = Pattern.compile("\\{\\s*\\d+\\s*[,}]");
  private static final Pattern SAME = Pattern.compile("^\\s*[#!]\\s*same:(.*)$");
  private static final Pattern LANGUAGE_SUFFIX = Pattern.compile(".*_[a-z]{2,3}(_[A-Z]{2})?$");

  @Test
  void everyBundleSaysEveryMessageInEveryLanguage() throws IOException {
    List<Path> bases = bases();
    assertThat(bases).as("message bundles found").hasSizeGreaterThan(5);
    List<String> problems = new ArrayList<>();
    for (Path base : bases) {
      problems.addAll(problemsOf(base));
    }
    assertThat(problems).as("%d problems in the message bundles (%s)", problems.size(),
        "a key translated on purpose as the English text goes in a '# same: key' comment")
        .isEmpty();
  }

  @Test
  void theCheckNamesFileAndKeyOfWhatIsWrong(@org.junit.jupiter.api.io.TempDir Path folder)
      throws IOException {
    Path base = folder.resolve("sample.properties");
    Files.writeString(base, "title=Appeal\nsummary={0} open appeals\nname=INEE\ncount={0}\n"
        + "lead=Education Cluster\n");
    Files.writeString(folder.resolve("sample_fr.properties"),
        "# same: name\ntitle=Appel\nsummary={1} appels en cours\nname=INEE\ncount={0}\n"
        + "lead=Education Cluster\nextra=De trop\n", StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("sample_es.properties"),
        "title=Llamamiento\nsummary={0} llamamientos abiertos\nname=INEE\ncount={0}\n"
        + "lead=Clúster de Educación\n", StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("sample_pt.properties"),
        "title=Apelo\nsummary={0} apelos em curso, l'exemple\nname=INEE\ncount={0}\nlead= \n",
        StandardCharsets.UTF_8);

    assertThat(problemsOf(base)).containsExactlyInAnyOrder(
        file(folder, "sample_ar.properties") + ": missing (every language has its bundle)",
        file(folder, "sample_fr.properties") + ": summary: placeholders [1] where English has [0]",
        file(folder, "sample_fr.properties") + ": lead: still the English text"
            + " 'Education Cluster' (if meant, add it to a '# same:' comment)",
        file(folder, "sample_fr.properties") + ": extra: not in the English bundle",
        file(folder, "sample_es.properties") + ": name: still the English text 'INEE'"
            + " (if meant, add it to a '# same:' comment)",
        file(folder, "sample_pt.properties") + ": summary: a lone ' in a message with {0}"
            + " arguments disappears with the text after it (write ’ or '')",
        file(folder, "sample_pt.properties") + ": lead: empty",
        file(folder, "sample_pt.properties") + ": name: still the English text 'INEE'"
            + " (if meant, add it to a '# same:' comment)");
  }

  /** English bundles: {@code *.properties} without a language suffix, but not configuration. */
  private static List<Path> bases() throws IOException {
    List<Path> bases = new ArrayList<>();
    for (Path root : ROOTS) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(Files::isRegularFile)
            .filter(file -> file.getFileName().toString().endsWith(".properties"))
            .filter(file -> !LANGUAGE_SUFFIX.matcher(stem(file)).matches())
            .filter(file -> !stem(file).startsWith("application"))
            .sorted().forEach(bases::add);
      }
    }
    return bases;
  }

  static List<String> problemsOf(Path base) throws IOException {
    List<String> problems = new ArrayList<>();
    Properties english = read(base);
    problems.addAll(apostrophes(base, english));
    for (String language : Languages.CODES) {
      if (language.equals(Languages.ENGLISH)) {
        continue;
      }
      Path translated = base.resolveSibling(stem(base) + "_" + language + ".properties");
      String name = translated.toString();
      if (!Files.exists(translated)) {
        problems.add(name + ": missing (every language has its bundle)");
        continue;
      }
      Properties translation = read(translated);
      Set<String> same = sameAsEnglish(translated);
      for (String key : new TreeSet<>(english.stringPropertyNames())) {
        String source = english.getProperty(key);
        String target = translation.getProperty(key);
        if (target == null) {
          problems.add(name + ": " + key + ": missing");
        } else if (target.isBlank()) {
          problems.add(name + ": " + key + ": empty");
        } else {
          if (!placeholders(target).equals(placeholders(source))) {
            problems.add(name + ": " + key + ": placeholders " + placeholders(target)
                + " where English has " + placeholders(source));
          }
          if (target.strip().equals(source.strip()) && !same.contains(key)
              && hasWords(source)) {
            problems.add(name + ": " + key + ": still the English text '" + source
                + "' (if meant, add it to a '# same:' comment)");
          }
        }
      }
      for (String key : new TreeSet<>(translation.stringPropertyNames())) {
        if (!english.containsKey(key)) {
          problems.add(name + ": " + key + ": not in the English bundle");
        }
      }
      for (String key : same) {
        if (!english.containsKey(key)) {
          problems.add(name + ": '# same: " + key + "' names a key the English bundle lacks");
        }
      }
      problems.addAll(apostrophes(translated, translation));
    }
    return problems;
  }

  private static List<String> apostrophes(Path file, Properties messages) {
    List<String> problems = new ArrayList<>();
    for (String key : new TreeSet<>(messages.stringPropertyNames())) {
      String value = messages.getProperty(key);
      if (NUMBERED_PLACEHOLDER.matcher(value).find()
          && value.replace("''", "").contains("'")) {
        problems.add(file + ": " + key + ": a lone ' in a message with {0} arguments"
            + " disappears with the text after it (write ’ or '')");
      }
    }
    return problems;
  }

  private static Set<String> placeholders(String value) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(value);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** Letters outside the placeholders: a word to translate, not only figures and signs. */
  private static boolean hasWords(String value) {
    return value.replaceAll("\\{[^}]*}", "").codePoints().anyMatch(Character::isLetter);
  }

  private static Set<String> sameAsEnglish(Path file) throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Matcher matcher = SAME.matcher(line);
      if (matcher.matches()) {
        Arrays.stream(matcher.group(1).split(",")).map(String::strip)
            .filter(key -> !key.isEmpty()).forEach(keys::add);
      }
    }
    return keys;
  }

  private static Properties read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(file + " is not UTF-8 text", e);
    }
    return properties;
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".properties".length());
  }

  private static String file(Path folder, String name) {
    return folder.resolve(name).toString();
  }
}
