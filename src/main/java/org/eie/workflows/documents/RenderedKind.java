package org.eie.workflows.documents;

import java.util.Set;

/**
 * A kind of document kept as its signed-off data and laid out in a reader's language whenever a
 * rendering is asked for (see {@link DocumentStore#rendering}). One Spring bean per kind, beside
 * the process that signs it off (the appeal's is in {@code appeal/}).
 */
public interface RenderedKind {

  /** The kind under which the versions are stored, for example {@code appeal}. */
  String kind();

  /** The languages it can be written in (ISO 639-1). */
  Set<String> languages();

  /** The PDF of the version's data in that language. */
  byte[] render(byte[] data, String language);

  /** The file name a reader gets for the version's data in that language. */
  String fileName(byte[] data, String language);
}
