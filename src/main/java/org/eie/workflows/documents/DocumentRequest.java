package org.eie.workflows.documents;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What to render.
 *
 * @param template the template under {@code templates/} without {@code .html}, for example
 *                 {@code appeal/appeal}; its messages come from {@code appeal/appeal_<lang>.properties}
 * @param locale   the language of the document's wording (and of the PDF's language tag)
 * @param model    the template's variables
 * @param title    PDF title
 * @param subject  PDF subject
 * @param keywords PDF keywords, comma separated
 */
public record DocumentRequest(String template, Locale locale, Map<String, Object> model,
    String title, String subject, String keywords) {

  public DocumentRequest {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(locale, "locale");
    model = model == null ? Map.of() : model;
  }
}
