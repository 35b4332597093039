package org.eie.workflows.documents;

import java.time.Instant;

/** One stored rendering of a document version, in one language. */
public record StoredDocument(String id, String processInstanceId, String kind, int version,
    String language, String tenantId, String fileName, String contentType, String sha256,
    int sizeBytes, Instant createdAt, byte[] content) {
}
