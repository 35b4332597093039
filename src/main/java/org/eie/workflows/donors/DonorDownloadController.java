package org.eie.workflows.donors;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.documents.PdfDownload;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.documents.StoredDocument;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The link in a donor's e-mail: downloads that donor's appeal version without a Camunda account
 * (open without login, see security/SecurityConfiguration). The token is the only credential.
 * Unknown: 404, expired: 410; both say nothing about the appeal, the donor or the token.
 * Every download is logged.
 */
@RestController
class DonorDownloadController {

  private final DownloadTokens tokens;
  private final DeliveryLedger ledger;
  private final DocumentStore documents;

  DonorDownloadController(DownloadTokens tokens, DeliveryLedger ledger, DocumentStore documents) {
    this.tokens = tokens;
    this.ledger = ledger;
    this.documents = documents;
  }

  @GetMapping("/api/donor-downloads/{token}")
  ResponseEntity<?> download(@PathVariable String token, HttpServletRequest request) {
    var grant = tokens.find(token).orElse(null);
    if (grant == null) {
      return refused(HttpStatus.NOT_FOUND, "No such download link.");
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (!now.isBefore(grant.expiresAt())) {
      return refused(HttpStatus.GONE,
          "This download link has expired. Please ask the Education Cluster for a new one.");
    }
    Delivery delivery = ledger.find(grant.deliveryId()).orElse(null);
    StoredDocument document = delivery == null ? null : documents.renderingFor(
        delivery.appealId(), AppealDonorDelivery.DOCUMENT_KIND, delivery.documentVersion(),
        delivery.language()).orElse(null);
    if (document == null) {
      return refused(HttpStatus.NOT_FOUND, "No such download link.");
    }
    tokens.logDownload(grant, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
    return PdfDownload.privately(document);
  }

  private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String message) {
    return ResponseEntity.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(Map.of("status", status.value(), "message", message));
  }
}
