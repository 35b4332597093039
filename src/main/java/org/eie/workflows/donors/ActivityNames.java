package org.eie.workflows.donors;

import java.util.Optional;

/**
 * What a pledge's {@code activity} names: an appeal's activity by its code or by its name as the
 * appeal document prints it, so the name a donor reads in the PDF earmarks the pledge. The
 * appeal knows its activities' names and provides this.
 */
public interface ActivityNames {

  /** The code of the activity a person means by this text, if any. */
  Optional<String> codeOf(String text);
}
