package org.eie.workflows.appeal.document;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.eie.workflows.appeal.AppealChanges;

/**
 * One version of the appeal as both co-leads signed it off: the document's data and, from
 * version 2 on, what changed since the version before. It is what the document store keeps as
 * the version ({@code eie_document_version}); every language's PDF is laid out from it, when
 * first needed ({@link AppealRenderings}).
 *
 * @param fileName the PDF's file name without its language ({@link AppealFileName}); null in
 *                 versions stored before it was kept, named by country and date
 * @param changes  null for a first version
 */
record AppealVersion(String fileName, AppealDocument document, AppealChanges changes) {

  AppealVersion(AppealDocument document, AppealChanges changes) {
    this(null, document, changes);
  }

  /** The file name of this version in a language. */
  String fileName(String language) {
    String name = fileName != null ? fileName
        : "emergency-funding-appeal-" + document.countryCode() + "-" + document.date() + "-v"
            + document.version() + ".pdf";
    return name.replaceAll("\\.pdf$", "-" + language + ".pdf");
  }

  /** Jackson as Spin configures it for the appeal's variables (java.time, ISO dates). */
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  byte[] json() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AppealVersion of(byte[] json) {
    try {
      return JSON.readValue(json, AppealVersion.class);
    } catch (IOException e) {
      throw new UncheckedIOException("A stored appeal version cannot be read", e);
    }
  }
}
