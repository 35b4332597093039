package org.eie.workflows.documents;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to render.
 *
 * @param template    the template under {@code templates/} without {@code .html}, for example
 *                    {@code appeal/appeal}; its messages come from
 *                    {@code appeal/appeal_<lang>.properties}
 * @param locale      the language of the document's wording (and of the PDF's language tag)
 * @param model       the template's variables
 * @param title       PDF title
 * @param subject     PDF subject
 * @param keywords    PDF keywords, comma separated
 * @param attachments files embedded in the PDF beside its pages (PDF/A-3 associated files)
 */
public record DocumentRequest(String template, Locale locale, Map<String, Object> model,
    String title, String subject, String keywords, List<Attachment> attachments) {

  /** Languages written right to left: the whole document is laid out from the right. */
  private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps");

  public DocumentRequest {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(locale, "locale");
    model = model == null ? Map.of() : model;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public DocumentRequest(String template, Locale locale, Map<String, Object> model,
      String title, String subject, String keywords) {
    this(template, locale, model, title, subject, keywords, List.of());
  }

  public boolean rightToLeft() {
    return rightToLeft(locale);
  }

  public static boolean rightToLeft(Locale locale) {
    return RIGHT_TO_LEFT.contains(locale.getLanguage());
  }

  /**
   * A file embedded in the PDF.
   *
   * @param fileName    as a reader's "attachments" panel shows it
   * @param mimeType    {@code text/csv}, {@code application/json}
   * @param description what it holds, in the document's language
   * @param content     the bytes
   */
  public record Attachment(String fileName, String mimeType, String description,
      byte[] content) {
  }
}
