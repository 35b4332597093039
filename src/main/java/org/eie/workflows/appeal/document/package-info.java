/**
 * The appeal's donor-ready document: what it shows ({@code AppealDocument}, mapped from the
 * signed-off data), its PDF in five languages with the figures checked and embedded as HXL CSV,
 * its file name, and the version the document store keeps of each publication.
 */
package org.eie.workflows.appeal.document;
