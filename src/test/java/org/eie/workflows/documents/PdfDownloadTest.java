package org.eie.workflows.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Every document leaves the same way: a PDF to save under its name, its version and checksum. */
@Tag("fast")
class PdfDownloadTest {

  private final StoredDocument document = new StoredDocument("d1", "p1", "appeal", 3, "fr", "LB",
      "appel-lb-v3-fr.pdf", DocumentStore.PDF, "ab12", 4, Instant.EPOCH, new byte[] {1, 2, 3, 4});

  @Test
  void aReaderSavesThePdfUnderItsNameWithItsVersionAndChecksum() {
    var answer = PdfDownload.of(document);
    HttpHeaders headers = answer.getHeaders();
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(headers.getContentType()).hasToString("application/pdf");
    assertThat(headers.getContentDisposition().isAttachment()).isTrue();
    assertThat(headers.getContentDisposition().getFilename()).isEqualTo("appel-lb-v3-fr.pdf");
    assertThat(headers.getFirst("X-Document-Version")).isEqualTo("3");
    assertThat(headers.getFirst("X-Document-SHA256")).isEqualTo("ab12");
    assertThat(headers.getETag()).isEqualTo("\"ab12\"");
    assertThat(headers.getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("fr");
    assertThat(headers.getCacheControl()).isNull();
    assertThat(answer.getBody()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void aDonorsLinkIsKeptByNoCacheAndToldToNoOtherSite() {
    HttpHeaders headers = PdfDownload.privately(document).getHeaders();
    assertThat(headers.getCacheControl()).isEqualTo("no-store");
    assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(headers.getFirst("X-Document-SHA256")).isEqualTo("ab12");
  }
}
