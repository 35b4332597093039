package org.eie.workflows.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.TestSmtp;
import org.eie.workflows.appeal.AppealScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Task e-mails as the Lebanon co-leads receive them, through a real SMTP server (GreenMail):
 * one per group member when a task arrives, one reminder before its deadline and one notice when
 * it is overdue (the engine clock moved, nothing slept), none once it is done, none for a user
 * who switched them off, and none twice after a failed attempt or with two nodes sweeping.
 */
class TaskNotificationsTest extends PostgresApplicationTest {

  private static final String UNICEF = "lb.unicef";
  private static final String SAVE_THE_CHILDREN = "lb.savethechildren";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TaskNotificationSweep sweep;

  Http http;
  AppealScenario scenario;
  GreenMail smtp;

  @BeforeEach
  void freshSmtpServerAndSettings() {
    http = new Http(port);
    scenario = new AppealScenario(engine);
    AppealScenario.clock(AppealScenario.NOW);
    // Other test classes' tasks (same database) must not fill this test's mailbox.
    jdbc.sql("update eie_task_notification set status = 'CANCELLED', status_detail = 'test'"
        + " where status = 'PENDING'").update();
    jdbc.sql("delete from eie_notification_setting").update();
    jdbc.sql("delete from eie_user_language").update();
    smtp = new GreenMail(TestSmtp.setup());
    smtp.start();
  }

  @AfterEach
  void stopSmtpServerAndResetClock() {
    if (smtp != null) {
      smtp.stop();
    }
    jdbc.sql("delete from eie_notification_setting").update();
    jdbc.sql("delete from eie_user_language").update();
    ClockUtil.reset();
  }

  @Test
  void arrivalReminderAndOverdueOncePerMemberNoneWhenDoneOrSwitchedOff() throws Exception {
    var off = http.put("/api/me/notifications", SAVE_THE_CHILDREN, "{\"enabled\": false}");
    assertThat(off.statusCode()).isEqualTo(200);
    assertThat(http.get("/api/me/notifications", SAVE_THE_CHILDREN).body())
        .contains("\"enabled\":false").contains(SAVE_THE_CHILDREN + "@example.org");

    ProcessInstance appeal = scenario.start(AppealScenario.trigger());
    Task activation = scenario.task(appeal, "Task_ConfirmActivation");
    sweep.sweep();
    Set<String> members = emailsOfCoLeads("LB");
    members.remove(SAVE_THE_CHILDREN + "@example.org");
    assertThat(members).contains(UNICEF + "@example.org");
    assertThat(recipientsOf(activation)).isEqualTo(counted(members));

    MimeMessage arrival = mailsAbout(activation).get(0);
    // The task's name carries its appeal (tasklist/TaskHeadings), and so does the mail.
    assertThat(arrival.getSubject())
        .isEqualTo("New task: Confirm activation: Explosion, Lebanon (onset 20 Nov)");
    assertThat(text(arrival)).contains("Process: Emergency funding appeal", "Country: Lebanon",
        "Reference: " + appeal.getBusinessKey(),
        "/camunda/app/tasklist/default/#/?task=" + activation.getId());
    assertThat(arrival.getMessageID()).startsWith("<task." + activation.getId() + ".arrived.");

    // Swept again (a retry, a restart, the other node): nothing more.
    sweep.sweep();
    assertThat(recipientsOf(activation)).isEqualTo(counted(members));
    assertThat(mailsTo(SAVE_THE_CHILDREN + "@example.org")).isEmpty();

    scenario.submit(UNICEF, activation, AppealScenario.go());
    Task assessment = scenario.task(appeal, "Task_RapidNeedsAssessment");
    Instant due = assessment.getDueDate().toInstant();
    sweep.sweep();
    assertThat(subjectsAbout(assessment)).containsExactly(
        "New task: Rapid needs assessment: Explosion, Lebanon (onset 20 Nov)");

    AppealScenario.clock(due.minus(Duration.ofHours(30)));
    sweep.sweep();
    assertThat(mailsAbout(assessment)).hasSize(1);

    AppealScenario.clock(due.minus(Duration.ofHours(23)));
    sweep.sweep();
    sweep.sweep();
    assertThat(subjectsAbout(assessment)).containsExactly(
        "New task: Rapid needs assessment: Explosion, Lebanon (onset 20 Nov)",
        "Reminder: Rapid needs assessment: Explosion, Lebanon (onset 20 Nov) is due "
            + dueText(due));
    assertThat(recipientsOf(assessment)).isEqualTo(counted(members, 2));

    AppealScenario.clock(due.plus(Duration.ofMinutes(5)));
    sweep.sweep();
    sweep.sweep();
    assertThat(subjectsAbout(assessment)).containsExactly(
        "New task: Rapid needs assessment: Explosion, Lebanon (onset 20 Nov)",
        "Reminder: Rapid needs assessment: Explosion, Lebanon (onset 20 Nov) is due "
            + dueText(due),
        "Overdue: Rapid needs assessment: Explosion, Lebanon (onset 20 Nov) was due "
            + dueText(due));
    assertThat(recipientsOf(assessment)).isEqualTo(counted(members, 3));

    // Done: days later, nothing more about it.
    scenario.submit(UNICEF, assessment, AppealScenario.assessment());
    AppealScenario.clock(due.plus(Duration.ofDays(3)));
    sweep.sweep();
    assertThat(mailsAbout(assessment)).hasSize(3 * members.size());
    assertThat(mailsTo(SAVE_THE_CHILDREN + "@example.org")).isEmpty();
  }

  @Test
  void mailsWaitForTheMailServerAndGoOutOnceWhenItAnswers() throws Exception {
    smtp.stop();
    ProcessInstance appeal = scenario.start(AppealScenario.trigger());
    Task activation = scenario.task(appeal, "Task_ConfirmActivation");

    var outage = sweep.sweep();
    assertThat(outage.mailServerAnswered()).isFalse();
    // (A member without an e-mail address, which other tests create, is SKIPPED at once.)
    assertThat(statusesOf(activation)).contains("PENDING").doesNotContain("SENT");
    assertThat(detailsOf(activation)).anyMatch(d -> d.startsWith("waiting for the mail server"));
    // Visible: to the user (their mails waiting) and to administrators (health).
    assertThat(http.get("/api/me/notifications", UNICEF).body()).contains("\"waiting\":1");
    String health = http.get("/actuator/health", "admin").body();
    assertThat(health).contains("\"taskNotifications\"").contains("\"smtp\":\"unreachable\"");
    assertThat(http.get("/actuator/health", null).body()).doesNotContain("taskNotifications");

    // Done while the server was away: its mail is no news any more.
    scenario.submit(UNICEF, activation, AppealScenario.go());
    Task assessment = scenario.task(appeal, "Task_RapidNeedsAssessment");
    sweep.sweep();

    smtp = new GreenMail(TestSmtp.setup());
    smtp.start();
    // Two nodes sweep at the same moment.
    var nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<TaskNotificationSweep.Result>> both = List.of(nodes.submit(sweep::sweep),
          nodes.submit(sweep::sweep));
      for (var result : both) {
        assertThat(result.get().mailServerAnswered()).isTrue();
      }
    } finally {
      nodes.shutdown();
    }
    sweep.sweep();

    Set<String> members = emailsOfCoLeads("LB");
    assertThat(mailsAbout(activation)).isEmpty();
    assertThat(statusesOf(activation)).contains("CANCELLED").doesNotContain("SENT", "PENDING");
    assertThat(recipientsOf(assessment)).isEqualTo(counted(members));
    // The failed attempts are on record (each outage sweep tried the oldest mail once and let
    // the rest wait); each assessment mail was handed over once.
    assertThat(jdbc.sql("select sum(attempts) from eie_task_notification where task_id in (?, ?)")
        .params(activation.getId(), assessment.getId()).query(Integer.class).single())
        .isEqualTo(2 + members.size());
    assertThat(statusesOf(assessment)).contains("SENT").doesNotContain("PENDING");
    assertThat(http.get("/api/me/notifications", UNICEF).body()).contains("\"waiting\":0");
  }

  @Test
  void settingsAreReadStrictlyAndTheLanguageIsTheUsers() throws Exception {
    assertThat(http.get("/api/me/notifications", UNICEF).body())
        .contains("\"enabled\":true", "\"language\":\"en\"", "\"reminderBefore\":\"PT24H\"");
    for (String bad : List.of("{}", "{\"enabled\": \"no\"}", "{\"enabled\": true, \"x\": 1}",
        "{\"enabled\": true, \"language\": \"xx\"}", "{\"enabled\": null}")) {
      var refused = http.put("/api/me/notifications", UNICEF, bad);
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    }
    assertThat(http.get("/api/me/notifications", UNICEF).body()).contains("\"enabled\":true");
    assertThat(http.get("/api/me/notifications", null).statusCode()).isEqualTo(401);

    assertThat(http.put("/api/me/notifications", UNICEF,
        "{\"enabled\": true, \"language\": \"fr\"}").statusCode()).isEqualTo(200);
    assertThat(http.put("/api/me/notifications", SAVE_THE_CHILDREN,
        "{\"enabled\": true, \"language\": \"ar\"}").statusCode()).isEqualTo(200);
    ProcessInstance appeal = scenario.start(AppealScenario.trigger());
    Task activation = scenario.task(appeal, "Task_ConfirmActivation");
    sweep.sweep();
    MimeMessage french = mailsAbout(activation).stream()
        .filter(m -> recipient(m).equals(UNICEF + "@example.org")).findFirst().orElseThrow();
    assertThat(french.getSubject()).startsWith("Nouvelle tâche : Confirmer l’activation : ");
    assertThat(text(french)).contains("Pays : Lebanon");
    MimeMessage arabic = mailsAbout(activation).stream()
        .filter(m -> recipient(m).equals(SAVE_THE_CHILDREN + "@example.org")).findFirst()
        .orElseThrow();
    assertThat(arabic.getSubject()).startsWith("مهمة جديدة: تأكيد التفعيل: ");
    assertThat(text(arabic)).contains("البلد: Lebanon");
  }

  @Test
  void eachRecipientReadsTheTaskAsTasklistNamesItToThem() throws Exception {
    assertThat(http.put("/api/me/language", UNICEF, "{\"language\": \"es\"}").statusCode())
        .isEqualTo(200);
    ProcessInstance appeal = scenario.start(AppealScenario.trigger());
    Task activation = scenario.task(appeal, "Task_ConfirmActivation");
    sweep.sweep();

    // The heading Tasklist shows each of them (the engine API, in their language).
    String spanishHeading = jsonName(http.get("/engine-rest/task/" + activation.getId(), UNICEF)
        .body());
    assertThat(spanishHeading).startsWith("Confirmar la activación: Explosion, Lebanon");
    MimeMessage spanish = mailTo(activation, UNICEF);
    assertThat(spanish.getSubject()).isEqualTo("Nueva tarea: " + spanishHeading);
    assertThat(text(spanish)).contains("Tarea: " + spanishHeading,
        "Proceso: Llamamiento de financiación de emergencia").doesNotContain("Confirm activation");

    // Who chose no language reads English, as the engine names the task.
    MimeMessage english = mailTo(activation, SAVE_THE_CHILDREN);
    assertThat(english.getSubject())
        .isEqualTo("New task: Confirm activation: Explosion, Lebanon (onset 20 Nov)");
    assertThat(text(english)).contains("Task: " + activation.getName(),
        "Process: Emergency funding appeal");
  }

  private MimeMessage mailTo(Task task, String userId) {
    return mailsAbout(task).stream()
        .filter(m -> recipient(m).equals(userId + "@example.org")).findFirst().orElseThrow();
  }

  private static String jsonName(String json) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("name").asText();
  }

  private Set<String> emailsOfCoLeads(String country) {
    return engine.getIdentityService().createUserQuery().memberOfGroup("coleads-" + country)
        .list().stream().map(User::getEmail).filter(e -> e != null && !e.isBlank())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Map<String, Integer> counted(Set<String> emails) {
    return counted(emails, 1);
  }

  private static Map<String, Integer> counted(Set<String> emails, int each) {
    Map<String, Integer> counts = new TreeMap<>();
    emails.forEach(email -> counts.put(email, each));
    return counts;
  }

  /** How many mails about the task each address received. */
  private Map<String, Integer> recipientsOf(Task task) {
    Map<String, Integer> counts = new TreeMap<>();
    mailsAbout(task).forEach(m -> counts.merge(recipient(m), 1, Integer::sum));
    return counts;
  }

  private List<String> subjectsAbout(Task task) throws MessagingException {
    var subjects = new java.util.ArrayList<String>();
    for (MimeMessage message : mailsAbout(task)) {
      if (recipient(message).equals(UNICEF + "@example.org")) {
        subjects.add(message.getSubject());
      }
    }
    return subjects;
  }

  private List<MimeMessage> mailsAbout(Task task) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> text(m).contains("?task=" + task.getId())).toList();
  }

  private List<MimeMessage> mailsTo(String email) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(email))
        .toList();
  }

  private List<String> statusesOf(Task task) {
    return jdbc.sql("select status from eie_task_notification where task_id = ?")
        .param(task.getId()).query(String.class).list();
  }

  private List<String> detailsOf(Task task) {
    return jdbc.sql("select coalesce(status_detail, '') from eie_task_notification"
        + " where task_id = ?").param(task.getId()).query(String.class).list();
  }

  private static String dueText(Instant due) {
    return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
        java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC).format(due);
  }

  private static String recipient(MimeMessage message) {
    try {
      return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage message) {
    try {
      return String.valueOf(message.getContent());
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
