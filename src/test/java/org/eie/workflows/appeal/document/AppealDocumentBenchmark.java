package org.eie.workflows.appeal.document;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.eie.workflows.documents.DocumentRenderer;

/**
 * The appeal document for 200 partner projects, rendered warm through our whole layer (data,
 * template, bundles, metadata) against the same XHTML handed straight to openhtmltopdf with the
 * same builder options (fast mode, PDF/A-3u, PDF/UA-1 tagging, the sRGB output intent, the
 * fonts, right-to-left support): what our templating and data layer (and the document's
 * metadata and attachments) cost on top of the PDF library.
 */
public final class AppealDocumentBenchmark {

  /** {@code roundRatios}: ours ÷ plain of each round, the two renders of a round side by side. */
  public record Result(int pages, double oursMedianMs, double plainMedianMs,
      double[] roundRatios) {
    public double ratio() {
      return oursMedianMs / plainMedianMs;
    }
  }

  private static final byte[] SRGB = java.awt.color.ICC_Profile.getInstance(
      java.awt.color.ColorSpace.CS_sRGB).getData();

  private final DocumentRenderer renderer = new DocumentRenderer();
  private final AppealDocumentWriter writer = new AppealDocumentWriter(renderer);

  public Result run(int projects, int warmUps, int rounds) {
    AppealDocument appeal = AppealDocumentSamples.lebanonBeirutExplosion(projects);
    // With the description our layer adds to the head: PDF/UA wants one (a warning otherwise).
    String html = renderer.html(writer.request(appeal, Locale.ENGLISH)).replace("</head>",
        "<meta name=\"description\" content=\"Emergency funding appeal\"/></head>");
    byte[] regular = font("templates/fonts/DejaVuSans.ttf");
    byte[] bold = font("templates/fonts/DejaVuSans-Bold.ttf");
    // The same base as the renderer's: the templates/ folder that holds appeal/appeal.html (and
    // its stylesheet), not the first templates/ folder on the classpath.
    String template = getClass().getClassLoader()
        .getResource("templates/" + AppealDocumentWriter.TEMPLATE + ".html").toExternalForm();
    String baseUri = template.substring(0,
        template.length() - (AppealDocumentWriter.TEMPLATE + ".html").length());
    for (int i = 0; i < warmUps; i++) {
      writer.write(appeal, Locale.ENGLISH);
      plain(html, baseUri, regular, bold);
    }
    double[] ours = new double[rounds];
    double[] plain = new double[rounds];
    byte[] pdf = null;
    for (int i = 0; i < rounds; i++) {
      // Each goes first in every other round: neither always inherits the other's garbage.
      if (i % 2 == 1) {
        plain[i] = timedMs(() -> plain(html, baseUri, regular, bold));
      }
      long start = System.nanoTime();
      pdf = writer.write(appeal, Locale.ENGLISH);
      ours[i] = (System.nanoTime() - start) / 1e6;
      if (i % 2 == 0) {
        plain[i] = timedMs(() -> plain(html, baseUri, regular, bold));
      }
    }
    try (var document = Loader.loadPDF(pdf)) {
      double[] ratios = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        ratios[i] = ours[i] / plain[i];
      }
      return new Result(document.getNumberOfPages(), median(ours), median(plain), ratios);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] plain(String html, String baseUri, byte[] regular, byte[] bold) {
    try (var out = new ByteArrayOutputStream()) {
      new PdfRendererBuilder()
          .useFastMode()
          // The same conformance as ours (PDF/A-3u, tagged PDF/UA-1, sRGB output intent): the
          // comparison is of our layer, not of what the standards cost.
          .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U)
          .usePdfUaAccessibility(true)
          .useColorProfile(SRGB)
          .useFont(() -> new ByteArrayInputStream(regular), DocumentRenderer.FONT_FAMILY, 400,
              BaseRendererBuilder.FontStyle.NORMAL, true)
          .useFont(() -> new ByteArrayInputStream(bold), DocumentRenderer.FONT_FAMILY, 700,
              BaseRendererBuilder.FontStyle.NORMAL, true)
          .useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
          .useUnicodeBidiReorderer(new ICUBidiReorderer())
          .defaultTextDirection(BaseRendererBuilder.TextDirection.LTR)
          .withHtmlContent(html, baseUri)
          .toStream(out)
          .run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double timedMs(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static byte[] font(String path) {
    try (InputStream in = AppealDocumentBenchmark.class.getClassLoader().getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
