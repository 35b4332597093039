/**
 * Documents shared by all processes: Thymeleaf templates under {@code templates/} with their
 * message bundles, rendered to PDF through openhtmltopdf on PDFBox with embedded fonts and
 * right-to-left support, and stored with a version and a SHA-256 checksum (a version of a
 * {@link org.eie.workflows.documents.RenderedKind} as its signed-off data, laid out in each
 * language when first needed); and the one CSV writer
 * every export and embedded figures file goes through.
 */
package org.eie.workflows.documents;
