package org.eie.workflows.appeal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One version of the appeal as both co-leads signed it off: the document's data and, from
 * version 2 on, what changed since the version before. It is what the document store keeps as
 * the version ({@code eie_document_version}); every language's PDF is laid out from it, when
 * first needed ({@link AppealRenderings}).
 *
 * @param changes null for a first version
 */
record AppealVersion(AppealDocument document, AppealChanges changes) {

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
