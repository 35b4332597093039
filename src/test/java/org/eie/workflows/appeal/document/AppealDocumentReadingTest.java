package org.eie.workflows.appeal.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.eie.workflows.appeal.AppealChanges;
import org.eie.workflows.appeal.document.AppealDocument.Activity;
import org.eie.workflows.appeal.document.AppealDocument.ResponsePlan;
import org.eie.workflows.documents.DocumentRenderer;
import org.eie.workflows.documents.DrawnLines;
import org.eie.workflows.documents.PageFoot;
import org.eie.workflows.documents.PdfText;
import org.eie.workflows.documents.PrintedCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The appeal as its readers read it in their own language, version 1 and a revision: the
 * country named in the language, one digit system, signs on the side a reader expects, text
 * that copies as searchable Unicode, totals that are the sum of their rows, and headings never
 * left alone at the foot of a page. Plain objects, no Spring; the PDFs go to
 * {@code target/appeal/}.
 */
class AppealDocumentReadingTest {

  private static final DocumentRenderer RENDERER = new DocumentRenderer();
  private static final AppealDocumentWriter WRITER = new AppealDocumentWriter(RENDERER);
  /** Presentation forms: what shaped Arabic is drawn with, never what a reader searches for. */
  private static final Pattern PRESENTATION_FORMS =
      Pattern.compile("[\\x{FB50}-\\x{FDFF}\\x{FE70}-\\x{FEFF}]");
  private static final Pattern ARABIC_INDIC_DIGITS =
      Pattern.compile("[\\x{0660}-\\x{0669}\\x{06F0}-\\x{06F9}]");

  /** Version 1, and version 2 whose plan's own estimate (2,700,000) is not its activities' sum. */
  private static AppealDocument first;
  private static AppealDocument revised;
  private static AppealChanges changes;
  private static final Map<String, byte[]> V1 = new TreeMap<>();
  private static final Map<String, byte[]> V2 = new TreeMap<>();

  @BeforeAll
  static void render() throws IOException {
    first = AppealDocumentSamples.lebanonBeirutExplosion(12);
    var activities = List.of(
        new Activity("TEMPORARY_LEARNING_SPACES", "Temporary learning spaces", "Children",
            new BigDecimal("12000"), new BigDecimal("1000000")),
        new Activity("SCHOOL_REPAIR", "School repair", "Schools", new BigDecimal("120"),
            new BigDecimal("1500000")));
    AppealDocument second = AppealDocumentSamples.lebanonBeirutExplosion(11);
    revised = with(second, 2, new ResponsePlan(second.response().objectives(), activities,
        second.response().targeted(), new BigDecimal("2700000")));
    // A requirement that fell by 185,000.50: a negative change with cents.
    var before = AppealDocumentMapper.publishedFigures(first);
    var after = AppealDocumentMapper.publishedFigures(revised);
    changes = AppealChanges.between(new AppealChanges.PublishedFigures(1,
            after.requirementUsd().add(new BigDecimal("185000.50")), before.peopleTargeted(),
            before.peopleInNeed(), null, before.projects()), after,
        "The joint assessment found more children out of school.");
    for (String language : List.of("en", "fr", "ar")) {
      V1.put(language, WRITER.write(first, Locale.forLanguageTag(language)));
      V2.put(language, WRITER.write(revised, Locale.forLanguageTag(language), changes));
      keep("reading-v1-" + language + ".pdf", V1.get(language));
      keep("reading-v2-" + language + ".pdf", V2.get(language));
    }
  }

  // ----------------------------------------------------------------- finding 2: totals

  @Test
  void thePriorityActivitiesTotalIsTheSumOfItsRowsInEveryVersion() throws IOException {
    assertThat(priorityTotal(V2.get("en"), "Priority activities", "Total"))
        .isEqualTo("2,500,000");
    assertThat(priorityTotal(V2.get("fr"), "Activités prioritaires", "Total"))
        .isEqualTo(new AppealFormats(Locale.FRENCH).usd(new BigDecimal("2500000")));
    assertThat(priorityTotal(V1.get("en"), "Priority activities", "Total"))
        .isEqualTo(new AppealFormats(Locale.ENGLISH).usd(AppealDocumentSamples.ACTIVITIES
            .stream().map(Activity::indicativeRequirementUsd)
            .reduce(BigDecimal.ZERO, BigDecimal::add)));
    // The plan's own estimate is still printed, as what it is, against the projects.
    assertThat(flat(PdfText.of(V2.get("en")))).contains("Requirement (US$) 2,700,000");
  }

  @Test
  void everyRequirementsTotalIsTheSumOfItsRowsInVersionOneAndTwo() throws IOException {
    for (AppealDocument document : List.of(first, revised)) {
      var requirements = document.requirements();
      BigDecimal total = requirements.totalUsd();
      for (var rows : List.of(
          requirements.byActivity().stream().map(r -> r.amountUsd()).toList(),
          requirements.byPartner().stream().map(r -> r.amountUsd()).toList(),
          requirements.byArea().stream().map(r -> r.amountUsd()).toList())) {
        assertThat(rows.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
            .isEqualByComparingTo(total);
      }
      byte[] pdf = WRITER.write(document, Locale.UK, document == first ? null : changes);
      String usd = new AppealFormats(Locale.UK).usd(total);
      assertThat(lines(PdfText.of(pdf)).stream().filter(l -> l.startsWith("Total") && l.contains(usd)))
          .as("total rows printing %s", usd).hasSizeGreaterThanOrEqualTo(3);
    }
  }

  // ----------------------------------------------------------------- finding 3: native reading

  @Test
  void theCountryIsNamedInTheReadersLanguageOnCoverTitleMetadataAndFooter() throws IOException {
    assertCountry(V2.get("fr"), "Liban");
    assertCountry(V2.get("ar"), "لبنان");
    assertCountry(V2.get("en"), "Lebanon");
  }

  @Test
  void arabicUsesOneDigitSystemThroughout() throws IOException {
    for (byte[] pdf : List.of(V1.get("ar"), V2.get("ar"))) {
      String text = PdfText.of(pdf);
      assertThat(ARABIC_INDIC_DIGITS.matcher(text).find()).as("Arabic-Indic digits").isFalse();
      // figures, dates, page numbers and versions alike
      assertThat(text).contains("2020").containsPattern("\\d{1,3}(,\\d{3})+");
    }
    try (var document = Loader.loadPDF(V2.get("ar"))) {
      assertThat(document.getDocumentInformation().getTitle()).contains("2")
          .doesNotContainPattern(ARABIC_INDIC_DIGITS);
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("ar");
    }
  }

  @Test
  void aNegativeChangeReadsWithItsSignBeforeTheNumberInArabic() throws IOException {
    List<String> drawn = DrawnLines.text(V2.get("ar"));
    assertThat(drawn).anySatisfy(line -> assertThat(line).contains("-185,000.50"));
    assertThat(drawn).noneSatisfy(line -> assertThat(line).contains("185,000.50-"));
  }

  @Test
  void extractedArabicTextIsSearchableUnicodeInLogicalOrder() throws IOException {
    // What a viewer copies glyph by glyph: each glyph's text in the fonts' ToUnicode maps.
    for (byte[] pdf : List.of(V1.get("ar"), V2.get("ar"))) {
      assertThat(DrawnLines.text(pdf)).isNotEmpty().noneSatisfy(line ->
          assertThat(PRESENTATION_FORMS.matcher(line).find()).as(line).isTrue());
    }
    // PDFBox's extraction, as search tools and indexers use it: logical order, base letters.
    String extracted = PdfText.of(V2.get("ar"));
    assertThat(PRESENTATION_FORMS.matcher(extracted).find()).isFalse();
    assertThat(extracted).contains("الاحتياجات حسب النشاط", "لبنان");
  }

  // ----------------------------------------------------------------- finding 4: layout

  @Test
  void noHeadingOrTableHeaderIsLeftAloneAtTheFootOfAPage() {
    // A revision with four projects put the "Requirements by area" table's header alone at the
    // foot of a page before headings asked for room below them (bb1576b); the others are the
    // documents above, a long appeal and a revision of seven projects.
    var three = AppealDocumentSamples.lebanonBeirutExplosion(3);
    var four = with(AppealDocumentSamples.lebanonBeirutExplosion(4), 2, null);
    var fourChanges = AppealChanges.between(AppealDocumentMapper.publishedFigures(three),
        AppealDocumentMapper.publishedFigures(four), "More children out of school.");
    assertNoHeadingAtTheFoot(four, fourChanges);
    assertNoHeadingAtTheFoot(first, null);
    assertNoHeadingAtTheFoot(revised, changes);
    assertNoHeadingAtTheFoot(AppealDocumentSamples.lebanonBeirutExplosion(60), null);
    assertNoHeadingAtTheFoot(AppealDocumentSamples.lebanonBeirutExplosion(7), changes);
  }

  private static void assertNoHeadingAtTheFoot(AppealDocument document, AppealChanges changes) {
    var request = WRITER.request(document, Locale.UK, changes);
    byte[] pdf = RENDERER.render(request);
    assertThat(PageFoot.headingsAtTheFoot(pdf, PageFoot.headings(RENDERER.html(request))))
        .as("%d projects, version %d", document.projects().size(), document.version()).isEmpty();
  }

  @Test
  void noCodeIsPrintedRawInAnyLanguage() {
    var others = new TreeMap<String, byte[]>();
    for (String language : List.of("es", "pt")) {
      others.put(language, WRITER.write(revised, Locale.forLanguageTag(language), changes));
    }
    for (var documents : List.of(V1, V2, others)) {
      documents.forEach((language, pdf) -> assertThat(PrintedCodes.in(PdfText.of(pdf)))
          .as("codes printed in %s", language).isEmpty());
    }
  }

  @Test
  void whatChangedHasItsOwnPageAndTheFundingChangeIsComputed() throws IOException {
    try (var document = Loader.loadPDF(V2.get("en"))) {
      int changesPage = -1;
      for (int page = 3; page <= document.getNumberOfPages(); page++) {
        if (PdfText.ofPage(document, page).contains("The joint assessment found more children")) {
          changesPage = page;
        }
      }
      assertThat(changesPage).isPositive();
      String page = flat(PdfText.ofPage(document, changesPage));
      assertThat(page).doesNotContain("Crisis summary", "Onset");
      assertThat(flat(PdfText.ofPage(document, changesPage - 1))).doesNotContain("This version");
      // version 1 had no funding section (nothing pledged yet): it had received 0
      assertThat(page).contains("Funding received (US$) 0 3,250,000 +3,250,000")
          .doesNotContain("not known");
    }
  }

  // ---------------------------------------------------------------------------------------

  private static void assertCountry(byte[] pdf, String name) throws IOException {
    try (var document = Loader.loadPDF(pdf)) {
      var info = document.getDocumentInformation();
      assertThat(info.getTitle()).startsWith(name);
      assertThat(info.getSubject()).contains(name);
      assertThat(info.getKeywords()).contains(name);
      assertThat(document.getDocumentCatalog().getMetadata()).isNotNull();
      String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(),
          java.nio.charset.StandardCharsets.UTF_8);
      assertThat(xmp).contains(name);
      // the cover sets the name in capitals
      assertThat(PdfText.ofPage(document, 1)).as("cover").containsIgnoringCase(name);
      for (int page = 2; page <= document.getNumberOfPages(); page++) {
        assertThat(PdfText.ofPage(document, page)).as("footer of page %d", page)
            .contains(name + " · ");
      }
    }
  }

  /** The last figure of the total row that follows a heading. */
  private static String priorityTotal(byte[] pdf, String heading, String total) {
    List<String> lines = lines(PdfText.of(pdf));
    int from = lines.indexOf(heading);
    assertThat(from).as(heading).isNotNegative();
    String row = lines.subList(from, lines.size()).stream().filter(l -> l.startsWith(total))
        .findFirst().orElseThrow();
    return row.substring(total.length()).strip();
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).toList();
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private static AppealDocument with(AppealDocument a, int version, ResponsePlan plan) {
    ResponsePlan response = plan == null ? a.response() : plan;
    return new AppealDocument(a.countryCode(), a.countryName(), a.appealType(), version,
        a.date(), a.emergencyType(), a.onset(), a.periodStart(), a.periodEnd(),
        a.crisisSummary(), a.affectedAreas(), a.keyFigures(), a.peopleInNeed(),
        a.peopleTargeted(), a.schools(), a.teachersAffected(), response, a.requirements(),
        a.projects(), a.partners(), a.coLeads(), a.signOff(), a.dataGaps(), a.risks(),
        a.funding());
  }

  private static void keep(String name, byte[] pdf) throws IOException {
    Path dir = Path.of("target", "appeal");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), pdf);
  }
}
