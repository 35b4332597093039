package org.eie.workflows.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every version of every generated document with its SHA-256 checksum, and hands a document
 * only to users who may see the process instance it belongs to: the engine's own authorization
 * and tenant checks decide, so a Lebanon co-lead never reads Colombia's appeal.
 */
@Component
public class DocumentStore {

  public static final String PDF = "application/pdf";

  private final JdbcClient jdbc;
  private final HistoryService history;

  DocumentStore(JdbcClient jdbc, HistoryService history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  /** Stores the next version of a process instance's document of this kind. */
  @Transactional
  public StoredDocument store(String processInstanceId, String kind, String tenantId,
      String fileName, byte[] content) {
    int version = jdbc.sql("select coalesce(max(version), 0) + 1 from eie_document"
            + " where process_instance_id = ? and kind = ?")
        .params(processInstanceId, kind).query(Integer.class).single();
    var document = new StoredDocument(UUID.randomUUID().toString(), processInstanceId, kind,
        version, tenantId, fileName, PDF, sha256(content), content.length, Instant.now(), content);
    jdbc.sql("insert into eie_document (id, process_instance_id, kind, version, tenant_id,"
            + " file_name, content_type, sha256, size_bytes, content, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(document.id(), processInstanceId, kind, version, tenantId, fileName,
            document.contentType(), document.sha256(), document.sizeBytes(), content,
            Timestamp.from(document.createdAt()))
        .update();
    return document;
  }

  /** The newest version, whoever asks: for the engine's own steps (e-mail, revisions). */
  public Optional<StoredDocument> latest(String processInstanceId, String kind) {
    return jdbc.sql("select * from eie_document where process_instance_id = ? and kind = ?"
            + " order by version desc limit 1")
        .params(processInstanceId, kind)
        .query((rs, row) -> new StoredDocument(rs.getString("id"),
            rs.getString("process_instance_id"), rs.getString("kind"), rs.getInt("version"),
            rs.getString("tenant_id"), rs.getString("file_name"), rs.getString("content_type"),
            rs.getString("sha256"), rs.getInt("size_bytes"),
            rs.getTimestamp("created_at").toInstant(), rs.getBytes("content")))
        .optional();
  }

  /**
   * One given version, whoever asks: for the engine's own steps (donor e-mails) and for
   * downloads already authorised otherwise (a donor's download token).
   */
  public Optional<StoredDocument> version(String processInstanceId, String kind, int version) {
    return jdbc.sql("select * from eie_document where process_instance_id = ? and kind = ?"
            + " and version = ?")
        .params(processInstanceId, kind, version)
        .query((rs, row) -> new StoredDocument(rs.getString("id"),
            rs.getString("process_instance_id"), rs.getString("kind"), rs.getInt("version"),
            rs.getString("tenant_id"), rs.getString("file_name"), rs.getString("content_type"),
            rs.getString("sha256"), rs.getInt("size_bytes"),
            rs.getTimestamp("created_at").toInstant(), rs.getBytes("content")))
        .optional();
  }

  /**
   * The newest version, if the current user (the engine's authentication of this request) may
   * see the process instance; empty otherwise, so that a document of another country is
   * indistinguishable from one that does not exist.
   */
  public Optional<StoredDocument> latestVisible(String processInstanceId, String kind) {
    boolean visible = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).count() > 0;
    return visible ? latest(processInstanceId, kind) : Optional.empty();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
