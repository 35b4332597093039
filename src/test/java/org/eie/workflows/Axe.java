package org.eie.workflows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (npm, pinned in package.json; {@code npm ci} installs it before Maven runs) checks the
 * page a browser test is on, as it is at that moment: our markup, our styles and scripts, and
 * Tasklist's own markup under them. Each check prints its counts per impact, so a run's output
 * shows every page's state, not only the failures.
 */
public final class Axe {

  static final Path SCRIPT = Path.of("node_modules", "axe-core", "axe.min.js");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String source;

  /** One rule the page breaks, with the first few elements that break it. */
  public record Violation(String id, String impact, String help, int count, List<String> nodes) {

    @Override
    public String toString() {
      return impact + " " + id + " (" + help + ") x" + count + ": " + nodes;
    }
  }

  /** What axe found on one page. */
  public record Report(String page, List<Violation> violations) {

    public long count(String impact) {
      return violations.stream().filter(v -> impact.equals(v.impact())).count();
    }

    /** The critical and serious violations, the ones a user of a screen reader is stopped by. */
    public List<Violation> blocking() {
      return violations.stream()
          .filter(v -> "critical".equals(v.impact()) || "serious".equals(v.impact())).toList();
    }
  }

  private Axe() {
  }

  /** Runs axe on the browser's current page, prints the counts per impact and returns them. */
  public static Report check(WebDriver browser, String page) {
    var script = (JavascriptExecutor) browser;
    if (!Boolean.TRUE.equals(script.executeScript("return typeof window.axe === 'object';"))) {
      script.executeScript(source());
    }
    String found = (String) script.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        // Two frames first: what the page's scripts do on the last change (names) is done.
        new Promise(frame => requestAnimationFrame(() => requestAnimationFrame(frame)))
          .then(() => axe.run(document, {resultTypes: ['violations']}))
          .then(results => done(JSON.stringify(
            results.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                count: v.nodes.length,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.html
                    .slice(0, 120))})))))
          .catch(error => done(JSON.stringify([{id: 'axe-error', impact: 'critical',
              help: String(error), count: 1, nodes: []}])));
        """);
    try {
      Report report = new Report(page, JSON.readValue(found, new TypeReference<List<Violation>>() {
      }));
      System.out.printf("axe %s: %d critical, %d serious, %d moderate, %d minor%n", page,
          report.count("critical"), report.count("serious"), report.count("moderate"),
          report.count("minor"));
      report.blocking().forEach(violation -> System.out.println("  " + violation));
      return report;
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static synchronized String source() {
    if (source == null) {
      if (!Files.isReadable(SCRIPT)) {
        throw new IllegalStateException(SCRIPT.toAbsolutePath() + " is missing: run `npm ci` in "
            + "the project's folder first (.ci/run does), it installs axe-core from package.json");
      }
      try {
        source = Files.readString(SCRIPT);
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
    }
    return source;
  }
}
