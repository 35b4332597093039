package org.eie.workflows.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.eie.workflows.forms.InvalidInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every version of every generated document, and hands a document only to users who may
 * see the process instance it belongs to: the engine's own authorization and tenant checks
 * decide, so a Lebanon co-lead never reads Colombia's appeal.
 *
 * <p>A version is numbered once per process instance and kind ({@code eie_document_version}).
 * For a {@link RenderedKind} (the appeal) the version is its signed-off data, and its renderings
 * (one PDF per language, with its SHA-256, in {@code eie_document}) are made the first time
 * someone needs one: a donor in a language nobody read before, a reader asking for
 * {@code ?lang=}, a retried delivery. Documents kept only as rendered (plan, training report)
 * have the one rendering they were written in.
 */
@Component
public class DocumentStore {

  public static final String PDF = "application/pdf";

  private final JdbcClient jdbc;
  private final HistoryService history;
  private final Map<String, RenderedKind> renderedKinds;
  private final TransactionTemplate ownTransaction;

  DocumentStore(JdbcClient jdbc, HistoryService history, List<RenderedKind> renderedKinds,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.history = history;
    this.renderedKinds = renderedKinds.stream()
        .collect(Collectors.toUnmodifiableMap(RenderedKind::kind, Function.identity()));
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** A stored rendering without its content, and when its version was made. */
  public record Rendering(int version, String fileName, String sha256, int sizeBytes,
      Instant createdAt) {
  }

  /**
   * Every rendering of every version of a process instance's document of this kind, by version.
   * No check of who asks: for a caller that the engine let see the process instance.
   */
  public List<Rendering> renderings(String processInstanceId, String kind) {
    return jdbc.sql("select d.version, d.file_name, d.sha256, d.size_bytes, v.created_at"
            + " from eie_document_version v join eie_document d"
            + " on d.process_instance_id = v.process_instance_id and d.kind = v.kind"
            + " and d.version = v.version and d.language = v.language"
            + " where v.process_instance_id = ? and v.kind = ? order by v.version")
        .params(processInstanceId, kind)
        .query((rs, row) -> new Rendering(rs.getInt("version"), rs.getString("file_name"),
            rs.getString("sha256"), rs.getInt("size_bytes"),
            rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  /** Stores the next version of a document kept only as rendered, in the language it is in. */
  @Transactional
  public StoredDocument store(String processInstanceId, String kind, String tenantId,
      String language, String fileName, byte[] content) {
    int version = latestVersion(processInstanceId, kind).orElse(0) + 1;
    insertVersion(processInstanceId, kind, version, tenantId, language, null);
    return insertRendering(processInstanceId, kind, version, language, tenantId, fileName,
        content);
  }

  /**
   * Stores a version of a {@link RenderedKind} as its signed-off data, with its rendering in the
   * language it was signed off in (made now: data that cannot be laid out is never stored).
   * Fails if that version exists already. The other languages are made when first needed.
   */
  @Transactional
  public StoredDocument storeVersion(String processInstanceId, String kind, int version,
      String tenantId, String language, byte[] data) {
    RenderedKind rendered = renderedKinds.get(kind);
    if (rendered == null || !rendered.languages().contains(language)) {
      throw new IllegalArgumentException("No way to write a '" + kind + "' in " + language);
    }
    byte[] pdf = rendered.render(data, language);
    insertVersion(processInstanceId, kind, version, tenantId, language, data);
    return insertRendering(processInstanceId, kind, version, language, tenantId,
        rendered.fileName(data, language), pdf);
  }

  /** The newest version number of a process instance's document of this kind. */
  public OptionalInt latestVersion(String processInstanceId, String kind) {
    Integer latest = jdbc.sql("select max(version) from eie_document_version"
            + " where process_instance_id = ? and kind = ?")
        .params(processInstanceId, kind).query(Integer.class).optional().orElse(null);
    return latest == null ? OptionalInt.empty() : OptionalInt.of(latest);
  }

  /** The languages a kind can be rendered in; empty for a kind kept only as rendered. */
  public java.util.Set<String> languages(String kind) {
    RenderedKind rendered = renderedKinds.get(kind);
    return rendered == null ? java.util.Set.of() : rendered.languages();
  }

  /**
   * One version in one language, whoever asks (for the engine's own steps, and for readers
   * already authorised otherwise, such as a donor's download token): the stored rendering, or
   * one made and stored now. Empty if there is no such version, or it cannot be written in that
   * language (not a language of its kind, or a version stored before its data was kept).
   *
   * @param language ISO 639-1; null for the language the version was signed off in
   */
  public Optional<StoredDocument> rendering(String processInstanceId, String kind, int version,
      String language) {
    Optional<Version> found = jdbc.sql("select language, tenant_id, data from eie_document_version"
            + " where process_instance_id = ? and kind = ? and version = ?")
        .params(processInstanceId, kind, version)
        .query((rs, row) -> new Version(rs.getString("language"), rs.getString("tenant_id"),
            rs.getBytes("data")))
        .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String wanted = language == null ? found.get().language() : language;
    Optional<StoredDocument> stored = storedRendering(processInstanceId, kind, version, wanted);
    RenderedKind rendered = renderedKinds.get(kind);
    if (stored.isPresent() || found.get().data() == null || rendered == null
        || !rendered.languages().contains(wanted)) {
      return stored;
    }
    byte[] data = found.get().data();
    byte[] pdf = rendered.render(data, wanted);
    try {
      // Committed on its own, so that a delivery retried after a mail failure finds it made.
      return Optional.of(ownTransaction.execute(status -> insertRendering(processInstanceId,
          kind, version, wanted, found.get().tenantId(), rendered.fileName(data, wanted), pdf)));
    } catch (DuplicateKeyException madeMeanwhile) {
      // Another donor's delivery made it at the same moment: everyone gets the one stored.
      return storedRendering(processInstanceId, kind, version, wanted);
    }
  }

  /**
   * The version in the reader's language where it can be written in it, otherwise in the
   * language it was signed off in: what a donor receives.
   */
  public Optional<StoredDocument> renderingFor(String processInstanceId, String kind,
      int version, String language) {
    return rendering(processInstanceId, kind, version, language)
        .or(() -> rendering(processInstanceId, kind, version, null));
  }

  /** The newest version in the language it was signed off in, whoever asks. */
  public Optional<StoredDocument> latest(String processInstanceId, String kind) {
    OptionalInt version = latestVersion(processInstanceId, kind);
    return version.isEmpty() ? Optional.empty()
        : rendering(processInstanceId, kind, version.getAsInt(), null);
  }

  /**
   * Whether the current user (the engine's authentication of this request) may see the process
   * instance: a document of another country is indistinguishable from one that does not exist.
   */
  public boolean visible(String processInstanceId) {
    return history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).count() > 0;
  }

  /**
   * A version in a language, if the current user may see the process instance
   * ({@link #visible}); empty otherwise, or when there is no such version.
   *
   * @param version  null for the newest
   * @param language as a reader asks for it ({@code ?lang=}); null for the language the version
   *                 was signed off in
   * @throws InvalidInput (400 on {@code lang}) for a language the kind is not written in
   */
  public Optional<StoredDocument> visibleRendering(String processInstanceId, String kind,
      Integer version, String language) {
    String wanted = language(kind, language);
    if (!visible(processInstanceId)) {
      return Optional.empty();
    }
    OptionalInt number = version == null ? latestVersion(processInstanceId, kind)
        : OptionalInt.of(version);
    return number.isEmpty() ? Optional.empty()
        : rendering(processInstanceId, kind, number.getAsInt(), wanted);
  }

  /** The newest version in the language it was written in, if the current user may see it. */
  public Optional<StoredDocument> latestVisible(String processInstanceId, String kind) {
    return visibleRendering(processInstanceId, kind, null, null);
  }

  private String language(String kind, String requested) {
    if (requested == null || requested.isBlank()) {
      return null;
    }
    String language = requested.trim().toLowerCase(java.util.Locale.ROOT);
    if (!languages(kind).contains(language)) {
      throw new InvalidInput("lang", "'" + requested + "' is not a language this document is"
          + " written in (" + String.join(", ", new java.util.TreeSet<>(languages(kind))) + ")");
    }
    return language;
  }

  private record Version(String language, String tenantId, byte[] data) {
  }

  private void insertVersion(String processInstanceId, String kind, int version,
      String tenantId, String language, byte[] data) {
    jdbc.sql("insert into eie_document_version (process_instance_id, kind, version, tenant_id,"
            + " language, data, data_sha256, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(processInstanceId, kind, version, tenantId, language, data,
            data == null ? null : sha256(data), Timestamp.from(Instant.now()))
        .update();
  }

  private StoredDocument insertRendering(String processInstanceId, String kind, int version,
      String language, String tenantId, String fileName, byte[] content) {
    var document = new StoredDocument(UUID.randomUUID().toString(), processInstanceId, kind,
        version, language, tenantId, fileName, PDF, sha256(content), content.length,
        Instant.now(), content);
    jdbc.sql("insert into eie_document (id, process_instance_id, kind, version, language,"
            + " tenant_id, file_name, content_type, sha256, size_bytes, content, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(document.id(), processInstanceId, kind, version, language, tenantId, fileName,
            document.contentType(), document.sha256(), document.sizeBytes(), content,
            Timestamp.from(document.createdAt()))
        .update();
    return document;
  }

  private Optional<StoredDocument> storedRendering(String processInstanceId, String kind,
      int version, String language) {
    return jdbc.sql("select * from eie_document where process_instance_id = ? and kind = ?"
            + " and version = ? and language = ?")
        .params(processInstanceId, kind, version, language)
        .query(DocumentStore::storedDocument)
        .optional();
  }

  private static StoredDocument storedDocument(ResultSet rs, int row) throws SQLException {
    return new StoredDocument(rs.getString("id"), rs.getString("process_instance_id"),
        rs.getString("kind"), rs.getInt("version"), rs.getString("language"),
        rs.getString("tenant_id"), rs.getString("file_name"), rs.getString("content_type"),
        rs.getString("sha256"), rs.getInt("size_bytes"),
        rs.getTimestamp("created_at").toInstant(), rs.getBytes("content"));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
