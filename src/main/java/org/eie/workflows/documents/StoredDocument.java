package org.eie.workflows.documents;

import java.time.Instant;

/** One stored version of a generated document. */
public record StoredDocument(String id, String processInstanceId, String kind, int version,
    String tenantId, String fileName, String contentType, String sha256, int sizeBytes,
    Instant createdAt, byte[] content) {
}
