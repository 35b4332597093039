package org.eie.workflows.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The one mail sender against a real SMTP server (GreenMail, on a free port), with a ledger kept
 * in memory (the sender's contract, nothing more): what a recipient gets, that a message goes once, and that a server which does not
 * answer leaves the message for the next try with the reason on record. The row lock and the
 * tables are the ledgers' own and are checked on PostgreSQL (donors/AppealDonorDeliveryTest,
 * notifications/TaskNotificationsTest).
 */
class MailSenderTest {

  private final MailProperties properties = new MailProperties();
  private final MailSender sender = new MailSender(properties, new NoDatabase(),
      "https://eie.example.org/");
  private final Rows ledger = new Rows();
  private GreenMail smtp;

  @BeforeEach
  void startServer() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    properties.setHost("127.0.0.1");
    properties.setPort(smtp.getSmtp().getPort());
  }

  @AfterEach
  void stopServer() {
    smtp.stop();
  }

  @Test
  void aMessageGoesOnceWithTheApplicationsEnvelope() throws Exception {
    ledger.rows.put("r1", "amira@example.org");
    var pdf = new Letter.Attachment("appeal.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII),
        "application/pdf");

    assertThat(sender.sendOnce(ledger, "r1", row -> Optional.of(new Letter(row.to(), "Appel éclair",
        "Bonjour", Locale.FRENCH, List.of(pdf))))).isTrue();
    assertThat(sender.sendOnce(ledger, "r1", row -> Optional.of(new Letter(row.to(), "again", "again",
        Locale.FRENCH)))).isFalse();

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    assertThat(message.getFrom()[0].toString()).isEqualTo("appeals@example.org");
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo("amira@example.org");
    assertThat(message.getSubject()).isEqualTo("Appel éclair");
    assertThat(message.getMessageID()).isEqualTo("<row.r1@eie.example.org>");
    assertThat(message.getHeader("Content-Language")).containsExactly("fr");
    assertThat(((MimeMultipart) message.getContent()).getCount()).isEqualTo(2);
    assertThat(ledger.sent).containsExactly("r1");
    assertThat(sender.outage()).isEmpty();
  }

  @Test
  void aServerThatDoesNotAnswerLeavesTheMessageForTheNextTry() {
    ledger.rows.put("r2", "tomas@example.org");
    smtp.stop();

    assertThatThrownBy(() -> sender.sendOnce(ledger, "r2", this::plain))
        .isInstanceOf(RuntimeException.class);
    assertThat(ledger.sent).isEmpty();
    assertThat(ledger.failures).singleElement().asString().startsWith("r2 attempt-1 ")
        .contains("Connection refused");
    assertThat(sender.outage()).hasValueSatisfying(outage -> assertThat(outage.error())
        .contains("Connection refused"));
    assertThat(sender.reachable()).isFalse();

    smtp = new GreenMail(new ServerSetup(properties.getPort(), "127.0.0.1",
        ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    assertThat(sender.reachable()).isTrue();
    assertThat(sender.outage()).isEmpty();
    assertThat(sender.sendOnce(ledger, "r2", this::plain)).isTrue();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aMessageDecidedAgainstUnderTheLockIsNotSent() {
    ledger.rows.put("r3", "nobody@example.org");

    assertThat(sender.sendOnce(ledger, "r3", row -> Optional.empty())).isFalse();
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(ledger.sent).isEmpty();
  }

  @Test
  void withoutAMailServerNothingIsTriedOrRecorded() {
    properties.setHost(null);
    ledger.rows.put("r4", "amira@example.org");

    assertThat(sender.configured()).isFalse();
    assertThatThrownBy(() -> sender.sendOnce(ledger, "r4", this::plain))
        .hasMessage(MailSender.NOT_CONFIGURED);
    assertThat(ledger.failures).isEmpty();
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  private Optional<Letter> plain(Row row) {
    return Optional.of(new Letter(row.to(), "Task", "Hello", Locale.ENGLISH));
  }

  /** One message to one address. */
  private record Row(String id, String to) {
  }

  /** Rows by id; what was sent and what failed, in order. */
  private final class Rows implements Ledger<Row> {
    final Map<String, String> rows = new ConcurrentHashMap<>();
    final List<String> sent = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    private int attempts;

    @Override
    public String from() {
      return "appeals@example.org";
    }

    @Override
    public Optional<Row> lockUnsent(String id) {
      return sent.contains(id) || !rows.containsKey(id) ? Optional.empty()
          : Optional.of(new Row(id, rows.get(id)));
    }

    @Override
    public String messageId(Row row) {
      return sender.messageId("row." + row.id());
    }

    @Override
    public String attemptBegins(Row row) {
      return "attempt-" + ++attempts;
    }

    @Override
    public void sent(Row row, Letter letter) {
      sent.add(row.id());
    }

    @Override
    public void failed(String id, String attemptId, String reason) {
      failures.add(id + " " + attemptId + " " + reason);
    }
  }

  /** Transactions that hold nothing: the rows above are in memory. */
  private static final class NoDatabase extends AbstractPlatformTransactionManager {
    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
    }
  }
}
