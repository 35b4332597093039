package org.eie.workflows.donors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Download links for donors without a Camunda account: 256 random bits (base64url), valid for
 * {@code eie.donors.download-link-validity} (30 days by default). Only the SHA-256 of a token is
 * stored, so a copy of the database hands out no working link.
 */
@Component
class DownloadTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Duration validity;

  DownloadTokens(JdbcClient jdbc, PlatformTransactionManager transactions,
      @Value("${eie.donors.download-link-validity:P30D}") Duration validity) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.validity = validity;
  }

  record Issued(String token, Instant expiresAt) {
  }

  record Grant(String deliveryId, String tokenSha256, Instant expiresAt) {
  }

  /**
   * A new token for this delivery, committed at once (before the e-mail that carries it is
   * sent), so that every link that ever leaves in an e-mail works.
   */
  Issued issue(String deliveryId) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant expiresAt = now.plus(validity);
    ownTransaction.executeWithoutResult(status -> jdbc.sql("insert into eie_donor_download_token"
            + " (token_sha256, delivery_id, expires_at, created_at) values (?, ?, ?, ?)")
        .params(sha256(token), deliveryId, Timestamp.from(expiresAt), Timestamp.from(now))
        .update());
    return new Issued(token, expiresAt);
  }

  Optional<Grant> find(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql("select * from eie_donor_download_token where token_sha256 = ?")
        .param(sha256(token))
        .query((rs, row) -> new Grant(rs.getString("delivery_id"), rs.getString("token_sha256"),
            rs.getTimestamp("expires_at").toInstant()))
        .optional();
  }

  void logDownload(Grant grant, String remoteAddress, String userAgent) {
    jdbc.sql("insert into eie_donor_download (id, delivery_id, token_sha256, downloaded_at,"
            + " remote_address, user_agent) values (?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID().toString(), grant.deliveryId(), grant.tokenSha256(),
            new Timestamp(ClockUtil.getCurrentTime().getTime()), truncate(remoteAddress, 64),
            truncate(userAgent, 500))
        .update();
  }

  static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}
