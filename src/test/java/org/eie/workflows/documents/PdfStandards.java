package org.eie.workflows.documents;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Validates a PDF with veraPDF, the reference validator archives and accessibility checkers use:
 * PDF/A-3u (archival) and PDF/UA-1 (accessible). A failure lists each failed rule with its
 * clause, test number, description and where in the file it failed.
 */
public final class PdfStandards {

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfStandards() {
  }

  /** The failed rules of both profiles, one line each; empty when the PDF passes both. */
  public static List<String> failures(byte[] pdf) {
    return java.util.stream.Stream.of(PDFAFlavour.PDFA_3_U, PDFAFlavour.PDFUA_1)
        .flatMap(flavour -> failures(pdf, flavour).stream()).toList();
  }

  public static List<String> failures(byte[] pdf, PDFAFlavour flavour) {
    try (var parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
        flavour); var validator = Foundries.defaultInstance().createValidator(flavour, false)) {
      ValidationResult result = validator.validate(parser);
      return result.getTestAssertions().stream()
          .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .collect(Collectors.groupingBy(a -> flavour.getId() + " " + a.getRuleId().getClause()
              + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage(), java.util.TreeMap::new,
              Collectors.mapping(a -> a.getLocation().getContext(), Collectors.toList())))
          .entrySet().stream()
          .map(e -> e.getKey() + " (" + e.getValue().size() + "x, e.g. "
              + e.getValue().get(0) + ")")
          .toList();
    } catch (Exception e) {
      throw new IllegalStateException("veraPDF could not validate the PDF", e);
    }
  }
}
