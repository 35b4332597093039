package org.eie.workflows.appeal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code curl} requests of the README's fenced {@code bash} and {@code sh} blocks, read as a
 * shell would split them, so a test can send them to the running application as written.
 */
final class ReadmeExamples {

  /** One request: who sends it, how, where, and its JSON body (null for none). */
  record Example(String user, String method, String path, String body) {

    /** The request with its placeholders ({@code {id}}, …) filled in. */
    Example with(Map<String, String> values) {
      String filledPath = path;
      String filledBody = body;
      for (var value : values.entrySet()) {
        filledPath = filledPath.replace(value.getKey(), value.getValue());
        filledBody = filledBody == null ? null : filledBody.replace(value.getKey(), value.getValue());
      }
      return new Example(user, method, filledPath, filledBody);
    }
  }

  private static final Pattern FENCE = Pattern.compile("(?ms)^```(?:bash|sh)\\n(.*?)^```");
  private static final String BASE = "http://localhost:8080";

  private ReadmeExamples() {
  }

  static List<Example> read(Path readme) throws IOException {
    List<Example> examples = new ArrayList<>();
    Matcher fence = FENCE.matcher(Files.readString(readme));
    while (fence.find()) {
      for (List<String> command : commands(fence.group(1))) {
        Example example = command.isEmpty() || !command.get(0).equals("curl") ? null
            : curl(command);
        if (example != null) {
          examples.add(example);
        }
      }
    }
    return examples;
  }

  /** The README's one request of this method to this path (placeholders as written). */
  static Example find(List<Example> examples, String method, String path) {
    List<Example> found = examples.stream()
        .filter(e -> e.method().equals(method) && e.path().equals(path)).toList();
    if (found.size() != 1) {
      throw new AssertionError("The README has " + found.size() + " examples of " + method + " "
          + path + "; expected one");
    }
    return found.get(0);
  }

  /** The request of a curl command line to the application; null for another server. */
  private static Example curl(List<String> words) {
    String user = null;
    String method = null;
    String url = null;
    String body = null;
    for (int i = 1; i < words.size(); i++) {
      String word = words.get(i);
      switch (word) {
        case "-u" -> user = words.get(++i).split(":", 2)[0];
        case "-X" -> method = words.get(++i);
        case "-d" -> body = words.get(++i);
        case "-H", "-o" -> i++;
        default -> {
          if (word.startsWith("http")) {
            url = word;
          }
        }
      }
    }
    if (url == null || !url.startsWith(BASE)) {
      return null; // another server (the local mail server's API)
    }
    return new Example(user, method != null ? method : body != null ? "POST" : "GET",
        url.substring(BASE.length()), body);
  }

  /**
   * A block split into commands and words as a POSIX shell does for these examples: single and
   * double quotes (which may span lines), a backslash before a line end continues the command,
   * a {@code #} starting a word comments out the rest of the line.
   */
  static List<List<String>> commands(String block) {
    List<List<String>> commands = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < block.length(); i++) {
      char c = block.charAt(i);
      if (c == '\'' || c == '"') {
        int end = block.indexOf(c, i + 1);
        word = word == null ? new StringBuilder() : word;
        word.append(block, i + 1, end);
        i = end;
      } else if (c == '\\' && i + 1 < block.length() && block.charAt(i + 1) == '\n') {
        i++;
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (c == '#' && word == null) {
        while (i + 1 < block.length() && block.charAt(i + 1) != '\n') {
          i++;
        }
      } else if (c == ' ' || c == '\t' || c == '\n') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        if (c == '\n' && !words.isEmpty()) {
          commands.add(words);
          words = new ArrayList<>();
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    if (!words.isEmpty()) {
      commands.add(words);
    }
    return commands;
  }
}
