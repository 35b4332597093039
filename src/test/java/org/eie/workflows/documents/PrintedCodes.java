package org.eie.workflows.documents;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Codes a document printed instead of their label: an activity ({@code TEMPORARY_LEARNING_SPACES}),
 * an organisation ({@code SAVE_THE_CHILDREN}), an appeal type, a status, a review. Every code
 * the data holds has a label in each template's bundles; none should reach the page as it is.
 */
public final class PrintedCodes {

  /** Upper-case snake case: two or more words of capitals and digits joined by underscores. */
  private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

  private PrintedCodes() {
  }

  /** The codes found in a document's extracted text. */
  public static List<String> in(String text) {
    return CODE.matcher(text).results().map(match -> match.group()).distinct().toList();
  }
}
