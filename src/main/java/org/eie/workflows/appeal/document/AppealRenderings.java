package org.eie.workflows.appeal.document;

import java.util.Locale;
import java.util.Set;
import org.eie.workflows.appeal.AppealInputs;
import org.eie.workflows.appeal.AppealVariables;
import org.eie.workflows.documents.RenderedKind;
import org.springframework.stereotype.Component;

/**
 * The appeal document in each of its five languages, laid out from the signed-off
 * {@link AppealVersion} whenever a reader first needs that language (a donor, a co-lead asking
 * for {@code ?lang=}), for any version.
 */
@Component
class AppealRenderings implements RenderedKind {

  private final AppealDocumentWriter writer;

  AppealRenderings(AppealDocumentWriter writer) {
    this.writer = writer;
  }

  @Override
  public String kind() {
    return AppealVariables.DOCUMENT_KIND;
  }

  @Override
  public Set<String> languages() {
    return AppealInputs.LANGUAGES;
  }

  @Override
  public byte[] render(byte[] data, String language) {
    AppealVersion version = AppealVersion.of(data);
    return writer.write(version.document(), Locale.forLanguageTag(language), version.changes());
  }

  @Override
  public String fileName(byte[] data, String language) {
    return AppealVersion.of(data).fileName(language);
  }
}
