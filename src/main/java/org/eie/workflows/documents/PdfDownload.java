package org.eie.workflows.documents;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one answer that hands a stored document to a reader, wherever it is asked for (appeal,
 * planning cycle, training rollout, the read API, a donor's link): a PDF to save under its own
 * file name, its version, language and checksum in the headers, and its checksum as the ETag.
 */
public final class PdfDownload {

  private PdfDownload() {
  }

  public static ResponseEntity<byte[]> of(StoredDocument document) {
    return headers(document).body(document.content());
  }

  /**
   * A donor's link answers only its holder: nothing is kept by a shared cache or told to the
   * next site in the Referer.
   */
  public static ResponseEntity<byte[]> privately(StoredDocument document) {
    return headers(document).cacheControl(CacheControl.noStore())
        .header("Referrer-Policy", "no-referrer").body(document.content());
  }

  private static ResponseEntity.BodyBuilder headers(StoredDocument document) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(document.fileName()).build().toString())
        .eTag("\"" + document.sha256() + "\"")
        .header("X-Document-Version", String.valueOf(document.version()))
        .header("X-Document-SHA256", document.sha256())
        .header(HttpHeaders.CONTENT_LANGUAGE, document.language());
  }
}
