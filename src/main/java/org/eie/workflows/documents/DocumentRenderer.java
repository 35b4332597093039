package org.eie.workflows.documents;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a template under {@code templates/} to PDF: Thymeleaf fills the XHTML with data and
 * the wording of the template's message bundle, openhtmltopdf lays it out on PDFBox with the
 * fonts shipped in {@code templates/fonts/} embedded (DejaVu Sans covers accented Latin and
 * Arabic), Arabic shaped and ordered right to left (and copied as its base letters: see
 * {@link SearchableText}), and title, subject, keywords and language set
 * in the PDF.
 *
 * <p>Templates are XHTML (well-formed: {@code <br/>}, no HTML-only entities), because the PDF
 * library parses XML. Layout belongs in the templates' CSS: page numbers with {@code @page} margin boxes, tables
 * that break across pages with repeated headers with {@code -fs-table-paginate: paginate}.
 */
@Component
public class DocumentRenderer {

  /** The font family the templates' CSS names. */
  public static final String FONT_FAMILY = "DejaVu Sans";

  private static final Logger LOG = LoggerFactory.getLogger(DocumentRenderer.class);

  static {
    // A render logs nothing unless something is wrong: openhtmltopdf's chatter goes to DEBUG,
    // and the PDF base fonts it creates but never draws with stop triggering fallback warnings.
    XRLog.setLoggerImpl(new Slf4jXRLogger());
    Standard14FontMapper.install();
  }

  private final SpringTemplateEngine templates = new SpringTemplateEngine();
  private final String baseUri;
  private final byte[] regularFont = classpathBytes("templates/fonts/DejaVuSans.ttf");
  private final byte[] boldFont = classpathBytes("templates/fonts/DejaVuSans-Bold.ttf");
  /** PDF/A's output intent: the colours are sRGB (the JDK's own profile). */
  private static final byte[] SRGB = java.awt.color.ICC_Profile.getInstance(
      java.awt.color.ColorSpace.CS_sRGB).getData();

  public DocumentRenderer() {
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    templates.setTemplateResolver(resolver);
    templates.setEnableSpringELCompiler(true);
    templates.setMessageResolver(new Utf8MessageResolver());
    // The folder that holds the shipped fonts, not the first "templates/" on the classpath: in
    // tests target/test-classes/templates/ comes first and has no stylesheets of the real templates.
    String fonts = getClass().getClassLoader().getResource("templates/fonts/DejaVuSans.ttf")
        .toExternalForm();
    baseUri = fonts.substring(0, fonts.length() - "fonts/DejaVuSans.ttf".length());
  }

  /** The filled template as XHTML: what goes to the PDF library. */
  public String html(DocumentRequest request) {
    // Messages format their numbers (versions, counts) with the same digits as the figures.
    var context = new Context(Digits.western(request.locale()), request.model());
    return templates.process(request.template(), context);
  }

  /** Renders and counts: {@code eie_documents_render_seconds} (count, sum, max) per template. */
  public byte[] render(DocumentRequest request) {
    Timer.Sample sample = Timer.start(Metrics.globalRegistry);
    byte[] pdf = renderHtml(html(request), request);
    sample.stop(Timer.builder("eie.documents.render").description("Documents rendered to PDF")
        .tag("template", request.template()).register(Metrics.globalRegistry));
    return pdf;
  }

  /**
   * Lays out ready XHTML (for instance the output of {@link #html}) as PDF/A-3u that is also
   * PDF/UA-1: tagged for screen readers (headings, tables with their header cells, lists, the
   * reading order of the source), with the document's language and title, fonts embedded, an
   * sRGB output intent, and the request's attachments embedded as associated files.
   */
  public byte[] renderHtml(String html, DocumentRequest request) {
    try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
      var builder = new PdfRendererBuilder()
          .useFastMode()
          .usePDDocument(document)
          .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U)
          .usePdfUaAccessibility(true)
          .useColorProfile(SRGB)
          .useFont(() -> new java.io.ByteArrayInputStream(regularFont), FONT_FAMILY, 400,
              BaseRendererBuilder.FontStyle.NORMAL, true)
          .useFont(() -> new java.io.ByteArrayInputStream(boldFont), FONT_FAMILY, 700,
              BaseRendererBuilder.FontStyle.NORMAL, true)
          .useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
          .useUnicodeBidiReorderer(new ICUBidiReorderer())
          .defaultTextDirection(request.rightToLeft() ? BaseRendererBuilder.TextDirection.RTL
              : BaseRendererBuilder.TextDirection.LTR)
          .withHtmlContent(withMetadata(html, request), baseUriOf(request.template()));
      try (var renderer = builder.buildPdfRenderer()) {
        renderer.createPDFWithoutClosing();
      }
      warnAboutUnembeddedFonts(document, request);
      document.getDocumentCatalog().setLanguage(request.locale().toLanguageTag());
      Attachments.embed(document, request.attachments());
      subsetFonts(document);
      SearchableText.withBaseLetters(document);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render " + request.template(), e);
    }
  }

  /**
   * Subsets the embedded fonts, which writes their ToUnicode maps, before the document is saved
   * for good ({@link SearchableText} rewrites those maps). PDFBox subsets a document's fonts only
   * as it saves it, and then only once, so the document is saved first to no output with an empty
   * catalog in place of its own: nothing of its pages, tags or attachments is written, only the
   * fonts are made.
   */
  private static void subsetFonts(PDDocument document) throws IOException {
    COSDictionary trailer = document.getDocument().getTrailer();
    COSBase catalog = trailer.getItem(COSName.ROOT);
    trailer.setItem(COSName.ROOT, new COSDictionary());
    try {
      document.save(OutputStream.nullOutputStream(), CompressParameters.NO_COMPRESSION);
    } finally {
      trailer.setItem(COSName.ROOT, catalog);
    }
  }

  /**
   * The PDF's information dictionary and its XMP copy (which PDF/A requires to agree) are both
   * written by the layout library from the document's head: the title from {@code <title>}, the
   * rest from {@code <meta>} elements, which are added here from the request.
   */
  static String withMetadata(String html, DocumentRequest request) {
    StringBuilder meta = new StringBuilder();
    meta(meta, "subject", request.subject());
    meta(meta, "keywords", request.keywords());
    meta(meta, "author", "EiE Workflows");
    meta(meta, "creator", "EiE Workflows");
    int head = html.indexOf("<head>");
    if (head < 0) {
      return withMetadata(html.replaceFirst("<html([^>]*)>", "<html$1><head></head>"), request);
    }
    // The request's title is the PDF's (what callers and readers' title bars show); a template's
    // own <title> gives way to it.
    String withoutTitle = html.replaceFirst("(?s)<title[^>]*>.*?</title>", "");
    head = withoutTitle.indexOf("<head>");
    String title = request.title() == null || request.title().isBlank() ? ""
        : "<title>" + escape(request.title()) + "</title>";
    // Under PDF/A only registered fonts may be used: text in a family nobody registered would
    // not be drawn at all. The shipped font is every document's default family.
    String defaultFont = "<style>html { font-family: '" + FONT_FAMILY + "'; }</style>";
    return withoutTitle.substring(0, head + 6) + title + meta + defaultFont
        + withoutTitle.substring(head + 6);
  }

  private static void meta(StringBuilder meta, String name, String content) {
    if (content != null && !content.isBlank()) {
      meta.append("<meta name=\"").append(name).append("\" content=\"").append(escape(content))
          .append("\"/>");
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /**
   * The {@code templates/} folder that holds this template, so that a stylesheet or image the
   * template links ({@code appeal/appeal.css}) comes from beside it. Several folders of that name
   * may be on the classpath (tests keep sample templates of their own), and the first one found
   * need not be the template's.
   */
  private String baseUriOf(String template) {
    var url = getClass().getClassLoader().getResource("templates/" + template + ".html");
    if (url == null) {
      return baseUri;
    }
    String location = url.toExternalForm();
    return location.substring(0, location.length() - (template + ".html").length());
  }

  /**
   * A donor's PDF reader may lack a font the document does not embed. The registered fonts are
   * embedded (as subsets, when the document is saved); text drawn in one of the 14 PDF base
   * fonts means a template asks for a family that is not registered, or its stylesheet was not
   * found: say so, once per document.
   */
  private static void warnAboutUnembeddedFonts(PDDocument document, DocumentRequest request) {
    var unembedded = new java.util.TreeSet<String>();
    for (var page : document.getPages()) {
      // Read the font dictionaries as they are: building PDFont objects would parse every
      // embedded font's widths again, for each page (a twentieth of a 29-page document's time).
      COSDictionary fonts = page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
      if (fonts == null) {
        continue;
      }
      for (COSName name : fonts.keySet()) {
        COSDictionary font = fonts.getCOSDictionary(name);
        String baseFont = font == null ? null : font.getNameAsString(COSName.BASE_FONT);
        if (baseFont != null && COSName.TYPE1.equals(font.getCOSName(COSName.SUBTYPE))
            && font.getCOSDictionary(COSName.FONT_DESC) == null
            && Standard14Fonts.containsName(baseFont)) {
          unembedded.add(baseFont);
        }
      }
    }
    if (!unembedded.isEmpty()) {
      LOG.warn("Document {} draws text in fonts it does not embed: {}; its CSS should name "
          + "font-family '{}'", request.template(), unembedded, FONT_FAMILY);
    }
  }

  /**
   * The first render in a fresh JVM costs up to a second (class loading, font parsing): pay it
   * at start-up, off the request path, so the first user does not.
   */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    var warmUp = new Thread(() -> {
      try {
        // A title and a subject, as every document has: PDF/UA wants both.
        renderHtml("<html lang=\"en\"><head><title>Warm-up</title>"
                + "<meta name=\"subject\" content=\"Renderer warm-up\"/></head><body>"
                + "<p style=\"font-family: '" + FONT_FAMILY + "'\">Warm-up مدرسة</p></body></html>",
            new DocumentRequest("warm-up", Locale.ENGLISH, Map.of(), "Warm-up", "", ""));
      } catch (RuntimeException e) {
        LOG.warn("Document renderer warm-up failed; the first document will be slower", e);
      }
    }, "document-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  private static byte[] classpathBytes(String path) {
    try (InputStream in = DocumentRenderer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing on the classpath: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
