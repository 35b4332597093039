package org.eie.workflows.donors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.Processes;
import org.eie.workflows.TestSmtp;
import org.eie.workflows.documents.DocumentRenderer;
import org.eie.workflows.documents.DocumentRequest;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.documents.StoredDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the donor tests share: a real SMTP server (GreenMail on the port application-test.yml
 * names, fresh for every test), the registry starting empty of active donors, appeal PDFs
 * rendered and stored as the appeal process would, and the engine clock reset.
 */
abstract class DonorsTestBase extends PostgresApplicationTest {

  static final ServerSetup SMTP = TestSmtp.setup();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  DonorRegistry registry;
  @Autowired
  DocumentStore documents;
  @Autowired
  DocumentRenderer renderer;

  Http http;
  GreenMail smtp;

  @BeforeEach
  void freshSmtpServerAndNoActiveDonors() {
    BpmnAwareTests.init(engine);
    http = new Http(port);
    // Donors registered by earlier tests must not receive this test's appeals.
    jdbc.sql("update eie_donor set active = false").update();
    smtp = new GreenMail(SMTP);
    smtp.start();
  }

  @AfterEach
  void stopSmtpServerAndResetClock() {
    // Nor may this test's donors receive other test classes' appeals.
    jdbc.sql("update eie_donor set active = false").update();
    if (smtp != null) {
      smtp.stop();
    }
    ClockUtil.reset();
  }

  Donor donor(String organisation, String language, List<String> countries,
      List<String> appealTypes) {
    String email = organisation.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "-"
        + UUID.randomUUID().toString().substring(0, 8) + "@donors.example.org";
    return registry.register(new DonorInput(organisation, "Contact of " + organisation, email,
        language, countries, appealTypes));
  }

  /** A fresh appeal id and its first document version, stored as the appeal process does. */
  String appealWithDocument(String country) {
    String appealId = "test-appeal-" + UUID.randomUUID();
    storeVersion(appealId, country);
    return appealId;
  }

  StoredDocument storeVersion(String appealId, String country) {
    byte[] pdf = renderer.render(new DocumentRequest("sample/sample", Locale.ENGLISH,
        Map.of("country", country, "partner", "Partner of " + country, "rows", List.of(1, 2, 3)),
        "Appeal " + country, "Education Cluster appeal", "appeal," + country));
    return documents.store(appealId, "appeal", country, "en", "appeal-" + country + ".pdf", pdf);
  }

  ProcessInstance startDelivery(String appealId, String country, String appealType,
      int version) {
    return runtime.startProcessInstanceByKey(Processes.APPEAL_DONOR_DELIVERY, appealId,
        Map.of("appealId", appealId, "country", country, "appealType", appealType,
            "documentVersion", version));
  }

  /** Executes every due-or-not job of the instance once; returns how many ran. */
  int executeJobs(ProcessInstance instance) {
    var jobs = management.createJobQuery().processInstanceId(instance.getId()).list();
    jobs.forEach(job -> management.executeJob(job.getId()));
    return jobs.size();
  }

  List<MimeMessage> messagesTo(String email) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
      try {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
            .anyMatch(address -> ((InternetAddress) address).getAddress().equals(email));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  static String text(MimeMessage message) {
    return Mails.text(message);
  }

  static List<byte[]> pdfAttachments(MimeMessage message) {
    return Mails.pdfAttachments(message);
  }
}
