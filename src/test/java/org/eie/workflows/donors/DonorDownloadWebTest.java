package org.eie.workflows.donors;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.documents.StoredDocument;
import org.eie.workflows.forms.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A donor's download link over HTTP: unknown 404, expired 410, both saying nothing about the
 * appeal and kept by no cache; a valid one hands out the PDF privately and is logged. Tokens,
 * deliveries and documents are stand-ins (the whole path: {@link AppealDonorDeliveryTest}).
 */
@ControllerSlice
@WebMvcTest(DonorDownloadController.class)
class DonorDownloadWebTest {

  @Autowired
  MockMvc mvc;
  @MockitoBean
  DownloadTokens tokens;
  @MockitoBean
  DeliveryLedger ledger;
  @MockitoBean
  DocumentStore documents;

  private void aTokenThatExpires(Instant expiresAt) {
    when(tokens.find("t0k3n")).thenReturn(Optional.of(
        new DownloadTokens.Grant("del1", "sha", expiresAt)));
  }

  @Test
  void anUnknownLinkIs404AndKeptByNoCache() throws Exception {
    mvc.perform(get("/api/donor-downloads/nope"))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.message").value("No such download link."));
    verify(tokens, never()).logDownload(any(), any(), any());
  }

  @Test
  void anExpiredLinkIs410AskingForANewOne() throws Exception {
    aTokenThatExpires(Instant.now().minus(1, ChronoUnit.DAYS));

    mvc.perform(get("/api/donor-downloads/t0k3n"))
        .andExpect(status().isGone())
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(jsonPath("$.status").value(410))
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("expired")));
    verify(tokens, never()).logDownload(any(), any(), any());
  }

  @Test
  void aValidLinkWhoseDeliveryIsGoneIsAnsweredAsAnUnknownOne() throws Exception {
    aTokenThatExpires(Instant.now().plus(1, ChronoUnit.DAYS));

    mvc.perform(get("/api/donor-downloads/t0k3n"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message").value("No such download link."));
  }

  @Test
  void aValidLinkHandsOutThePdfPrivatelyAndLogsTheDownload() throws Exception {
    aTokenThatExpires(Instant.now().plus(1, ChronoUnit.DAYS));
    when(ledger.find("del1")).thenReturn(Optional.of(new Delivery("del1", "d1", "a1", 2, "LB",
        "FLASH_APPEAL", "marie@example.org", "fr", null, Delivery.Status.SENT, null, 1, 0,
        Instant.EPOCH, Instant.EPOCH, Instant.EPOCH)));
    byte[] pdf = "%PDF-1.7".getBytes();
    when(documents.renderingFor(eq("a1"), any(), eq(2), eq("fr"))).thenReturn(Optional.of(
        new StoredDocument("doc1", "a1", "appeal-donor", 2, "fr", "LB", "appeal-LB-v2-fr.pdf",
            "application/pdf", "abc", pdf.length, Instant.EPOCH, pdf)));

    mvc.perform(get("/api/donor-downloads/t0k3n").header("User-Agent", "Thunderbird"))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_PDF))
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andExpect(content().bytes(pdf));
    verify(tokens).logDownload(any(), any(), eq("Thunderbird"));
  }
}
