package org.eie.workflows.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Embeds files in a PDF the way PDF/A-3 allows: each an associated file of the document (listed
 * in the catalog's {@code /AF} with its relationship to the pages, here the data they show), with
 * its MIME type, size and date, so a reader's attachment panel lists it and an archive keeps it.
 */
public final class Attachments {

  private Attachments() {
  }

  static void embed(PDDocument document, List<DocumentRequest.Attachment> attachments)
      throws IOException {
    if (attachments.isEmpty()) {
      return;
    }
    Map<String, PDComplexFileSpecification> files = new TreeMap<>();
    COSArray associated = new COSArray();
    for (DocumentRequest.Attachment attachment : attachments) {
      var embedded = new PDEmbeddedFile(document,
          new ByteArrayInputStream(attachment.content()));
      embedded.setSubtype(attachment.mimeType());
      embedded.setSize(attachment.content().length);
      embedded.setModDate(Calendar.getInstance());
      var spec = new PDComplexFileSpecification();
      spec.setFile(attachment.fileName());
      spec.setFileUnicode(attachment.fileName());
      spec.setEmbeddedFile(embedded);
      spec.setEmbeddedFileUnicode(embedded);
      spec.setFileDescription(attachment.description());
      spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");
      files.put(attachment.fileName(), spec);
      associated.add(spec);
    }
    var tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(files);
    var names = document.getDocumentCatalog().getNames();
    if (names == null) {
      names = new PDDocumentNameDictionary(document.getDocumentCatalog());
    }
    names.setEmbeddedFiles(tree);
    document.getDocumentCatalog().setNames(names);
    document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), associated);
  }

  /** The files embedded in a PDF, by name: what a reader (or a test) gets back out. */
  public static Map<String, byte[]> read(PDDocument document) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    var names = document.getDocumentCatalog().getNames();
    if (names == null || names.getEmbeddedFiles() == null) {
      return files;
    }
    List<org.apache.pdfbox.pdmodel.common.PDNameTreeNode<PDComplexFileSpecification>> nodes =
        new ArrayList<>();
    nodes.add(names.getEmbeddedFiles());
    while (!nodes.isEmpty()) {
      var node = nodes.remove(0);
      if (node.getKids() != null) {
        nodes.addAll(node.getKids());
      }
      if (node.getNames() != null) {
        for (var entry : node.getNames().entrySet()) {
          files.put(entry.getKey(), entry.getValue().getEmbeddedFile().toByteArray());
        }
      }
    }
    return files;
  }
}
