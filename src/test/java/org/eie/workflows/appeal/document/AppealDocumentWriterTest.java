package org.eie.workflows.appeal.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.ArabicShaping;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.eie.workflows.appeal.AppealChanges;
import org.eie.workflows.appeal.AppealType;
import org.eie.workflows.appeal.document.AppealDocument.Project;
import org.eie.workflows.documents.DocumentRenderer;
import org.eie.workflows.documents.DrawnLines;
import org.eie.workflows.documents.PdfText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The appeal document as a donor reads it: the PDF's text extracted with PDFBox, its fonts and
 * metadata. No Spring context: the writer and the renderer are plain objects. The rendered PDFs
 * are left in {@code target/appeal/} for a look.
 */
class AppealDocumentWriterTest {

  private static final AppealDocumentWriter WRITER =
      new AppealDocumentWriter(new DocumentRenderer());
  private static final AppealDocument APPEAL = AppealDocumentSamples.lebanonBeirutExplosion();

  private static byte[] english;
  private static String englishText;
  private static byte[] french;
  private static String frenchText;

  @BeforeAll
  static void render() throws IOException {
    english = WRITER.write(APPEAL, Locale.UK);
    englishText = PdfText.of(english);
    french = WRITER.write(APPEAL, Locale.FRANCE);
    frenchText = PdfText.of(french);
    keep("lebanon-en.pdf", english);
    keep("lebanon-fr.pdf", french);
  }

  @Test
  void coverNamesCountryAppealTypeVersionAndDate() {
    assertThat(englishText).contains("Lebanon", "Flash Appeal: Education", "Version 1",
        "14 August 2020", "Education Cluster", "Co-led by");
    assertThat(frenchText).contains("Liban".equals(APPEAL.countryName()) ? "Liban" : "Lebanon",
        "Appel éclair : Éducation", "Version 1", "14 août 2020", "Cluster Éducation",
        "Codirigé par");
  }

  @Test
  void theStylesheetBesideTheTemplateIsApplied() {
    // text-transform and the running footer come from appeal.css; without it the cover would
    // say "Education Cluster" and carry a footer. Test resources have a templates/ folder too.
    assertThat(englishText).startsWith("EDUCATION CLUSTER");
  }

  @Test
  void keyFiguresAndSchoolsAreThereAsEntered() {
    assertThat(englishText).contains("159", "schools damaged", "schools destroyed",
        "schools used as shelters", "3,700", "teachers affected", "300,000", "People displaced",
        "Government of Lebanon, 10 August 2020");
    assertThat(frenchText).contains("écoles endommagées", "écoles servant d’abris",
        "Personnes déplacées", french(300_000));
  }

  @Test
  void peopleInNeedAndTargetedAreDisaggregated() {
    var need = APPEAL.peopleInNeed();
    var target = APPEAL.peopleTargeted();
    assertThat(englishText).contains("Girls", "Boys", "Teachers", "of whom with disabilities",
        "of whom migrants, refugees or displaced", "of whom host community",
        "People by age group and sex", "3–5 years", "6–11 years", "12–17 years");
    assertThat(lineOf(englishText, "Girls")).contains(english(need.girls()),
        english(target.girls()));
    assertThat(lineOf(englishText, "Total")).contains(english(need.total()),
        english(target.total()));
    assertThat(lineOf(englishText, "of whom with disabilities"))
        .contains(english(need.withDisabilities()), english(target.withDisabilities()));
    assertThat(frenchText).contains("Filles", "Garçons", "dont en situation de handicap",
        "dont communauté d’accueil", "6 à 11 ans", french(need.total()));
  }

  @Test
  void requirementsByActivityPartnerAndProjectAddUpToTheTotal() {
    var requirements = APPEAL.requirements();
    BigDecimal projectsTotal = APPEAL.projects().stream().map(Project::budgetUsd)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(requirements.totalUsd()).isEqualByComparingTo(projectsTotal);

    String total = english(requirements.totalUsd());
    assertThat(englishText).contains("Requirements by activity", "Requirements by partner",
        "Partner projects", "The Education Cluster requires US$ " + total + " for 12 projects by "
            + requirements.byPartner().size() + " partners.");
    // Each total row ends with the appeal's total: by activity, by partner, by project.
    assertThat(lines(englishText).stream().filter(l -> l.startsWith("Total") && l.contains(total)))
        .hasSizeGreaterThanOrEqualTo(3);
    requirements.byActivity().forEach(a -> assertThat(englishText).contains(english(a.amountUsd())));
    requirements.byPartner().forEach(p -> assertThat(englishText).contains(english(p.amountUsd())));
    for (Project project : APPEAL.projects()) {
      assertThat(englishText).contains(project.code(), english(project.budgetUsd()));
      project.activities().forEach(line ->
          assertThat(englishText).contains(english(line.budgetUsd())));
    }
    assertThat(flat(englishText)).contains("Temporary learning spaces", "School repair",
        "Back to learning in blast", "months");
    assertThat(frenchText).contains("Besoins par activité", "Besoins par partenaire",
        "Espaces d’apprentissage temporaires", french(requirements.totalUsd()),
        "Le Cluster Éducation a besoin de " + french(requirements.totalUsd()) + " $ US");
  }

  @Test
  void fundingCoverageIsShownWhenKnown() {
    var funding = APPEAL.funding();
    assertThat(flat(englishText)).contains("Funding received", "Unmet requirements", "Coverage",
        "Funded (committed + paid) US$ 3,250,000 (committed US$ 2,000,000, paid US$ 1,250,000)",
        "Pledged, not yet committed US$ 500,000",
        "Figures taken on 14 August 2020. Source: Financial Tracking Service.",
        english(funding.gapUsd()), new AppealFormats(Locale.UK).percent(funding.coverage()));
    // coverage per activity: school repair has US$ 900,000 earmarked against its requirement
    var repair = funding.byActivity().stream()
        .filter(a -> a.activity().equals("SCHOOL_REPAIR")).findFirst().orElseThrow();
    // Its line in the coverage table (the plan's table names it first).
    assertThat(lines(englishText)).filteredOn(line -> line.startsWith("School repair "))
        .anySatisfy(line -> assertThat(line)
            .endsWith(new AppealFormats(Locale.UK).percent(repair.coverage())));

    var unfunded = withFunding(APPEAL, null);
    String text = PdfText.of(WRITER.write(unfunded, Locale.UK));
    assertThat(text).doesNotContain("Funding received", "Unmet requirements", "Coverage");
  }

  @Test
  void partnersContactsAndSignOffAreListed() {
    assertThat(flat(englishText)).contains("Norwegian Refugee Council", "NRC", "International NGO",
        "National NGO", "UN agency", "Red Cross / Red Crescent",
        "Nadine Khoury", "Education Cluster Coordinator", "nkhoury@example.org", "+961 1 607 400",
        "Karim Saleh", "ksaleh@example.org",
        "This appeal was approved for the co-lead organisations",
        "13 August 2020", "Figures to be revised with the Joint Education Needs Assessment.");
    // the sign-off block: label (set in capitals by the stylesheet), who, for whom, when
    assertThat(flat(englishText)).contains(
        "APPROVED BY Nadine Khoury UNICEF on 13 August 2020, 16:30 (UTC+03:00)",
        "APPROVED BY Karim Saleh Save the Children on 14 August 2020, 09:15 (UTC+03:00)");
    assertThat(flat(frenchText)).contains("APPROUVÉ PAR Nadine Khoury UNICEF le 13 août 2020",
        "ONG internationale", "Courriel");
  }

  @Test
  void crisisSummaryDataGapsAndPrioritiesAreThere() {
    assertThat(flat(englishText)).contains("Crisis summary", "two explosions at the Port of Beirut",
        "Data gaps", "Number of teachers affected outside Beirut governorate not yet known.",
        "Objectives", "Priority activities", "Risks", "Explosion", "4 August 2020");
    assertThat(frenchText).contains("Résumé de la crise", "Lacunes dans les données",
        "Priorités de la réponse", "Activités prioritaires", "4 août 2020");
  }

  @Test
  void everyWordOfTheTemplateComesFromTheBundle() {
    assertThat(englishText).doesNotContain("??");
    assertThat(frenchText).doesNotContain("??")
        // English words that only the English bundle has
        .doesNotContain("Key figures", "people in need", "Requirements by", "APPROVED BY", "Page 2 of");
    assertThat(frenchText).contains("Chiffres clés", "Sommaire", "Page 2 sur");
  }

  @Test
  void everyFontIsEmbedded() throws IOException {
    for (byte[] pdf : List.of(english, french)) {
      try (var document = Loader.loadPDF(pdf)) {
        var fonts = new ArrayList<PDFont>();
        for (PDPage page : document.getPages()) {
          for (var name : page.getResources().getFontNames()) {
            fonts.add(page.getResources().getFont(name));
          }
        }
        assertThat(fonts).isNotEmpty().allSatisfy(font -> {
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          assertThat(font.getName()).contains("DejaVuSans");
        });
      }
    }
  }

  @Test
  void metadataNamesTheAppealInTheReadersLanguage() throws IOException {
    try (var document = Loader.loadPDF(english)) {
      var info = document.getDocumentInformation();
      assertThat(info.getTitle()).isEqualTo("Lebanon: Flash Appeal, Education, version 1");
      assertThat(info.getSubject()).contains("Education in Emergencies", "Lebanon");
      assertThat(info.getKeywords()).contains("Education Cluster", "Lebanon", "Flash Appeal", "LB");
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
    }
    try (var document = Loader.loadPDF(french)) {
      var info = document.getDocumentInformation();
      assertThat(info.getTitle()).isEqualTo("Liban : Appel éclair, Éducation, version 1");
      assertThat(info.getSubject()).contains("éducation en situation d’urgence");
      assertThat(info.getKeywords()).contains("Cluster Éducation", "Appel éclair");
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("fr");
    }
  }

  @Test
  void aLanguageWithoutBundleFallsBackToEnglish() throws IOException {
    byte[] pdf = WRITER.write(APPEAL, Locale.forLanguageTag("de-DE"));
    assertThat(PdfText.of(pdf)).contains("Key figures", "Flash Appeal").doesNotContain("??");
    try (var document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
    }
  }

  @Test
  void everyPageAfterTheCoverIsNumberedPageXOfY() throws IOException {
    try (var document = Loader.loadPDF(english)) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThan(4);
      for (int page = 2; page <= pages; page++) {
        assertThat(PdfText.ofPage(document, page)).contains("Page " + page + " of " + pages);
      }
      assertThat(PdfText.ofPage(document, 1)).doesNotContain("Page 1 of");
    }
  }

  @Test
  void arabicNamesAreShapedAndReadRightToLeft() throws Exception {
    // Text extraction puts right-to-left runs back into logical order, so the names as entered
    // show that the text is there and in the right order...
    assertThat(englishText).contains(AppealDocumentSamples.ARABIC_PARTNER,
        AppealDocumentSamples.ARABIC_AREA);
    // ...and the glyphs as drawn, left to right on the page, must be those of the contextual
    // forms (initial, medial, final) in right-to-left order: unshaped text would draw isolated
    // letters, left-to-right text the reverse sequence. The glyphs copy as base letters.
    List<String> drawn = DrawnLines.arabicGlyphs(english);
    assertThat(drawn).anySatisfy(line ->
        assertThat(visualGlyphs(AppealDocumentSamples.ARABIC_PARTNER)).anyMatch(line::contains));
    assertThat(drawn).anySatisfy(line ->
        assertThat(visualGlyphs(AppealDocumentSamples.ARABIC_AREA)).anyMatch(line::contains));
    assertThat(String.join("", DrawnLines.arabicText(english))).doesNotContain("جمعية")
        .contains(new StringBuilder("جمعية").reverse());
  }

  @Test
  void aTwoHundredProjectAppealRepeatsTheTableHeaderOnEveryPageItSpans() throws IOException {
    var large = AppealDocumentSamples.lebanonBeirutExplosion(200);
    byte[] pdf = WRITER.write(large, Locale.UK);
    keep("lebanon-200-projects-en.pdf", pdf);
    try (var document = Loader.loadPDF(pdf)) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThan(20);
      var projectPages = new ArrayList<Integer>();
      for (int page = 2; page <= pages; page++) {
        String text = PdfText.ofPage(document, page);
        assertThat(text).contains("Page " + page + " of " + pages);
        if (Pattern.compile("LB-EDU-\\d{3}").matcher(text).find()) {
          projectPages.add(page);
        }
      }
      assertThat(projectPages).hasSizeGreaterThan(10);
      for (int page : projectPages) {
        assertThat(PdfText.ofPage(document, page)).as("page %d", page)
            .contains("Project, partner, duration", "Activities (US$)", "Budget (US$)");
      }
      String all = PdfText.squeeze(new PDFTextStripper().getText(document));
      assertThat(all).contains("LB-EDU-001", "LB-EDU-200", "Total, 200 projects",
          english(large.requirements().totalUsd()));
    }
  }

  @Test
  void aBareAppealRendersWithoutProjectsFundingOrSignOff() {
    var bare = new AppealDocument("LB", "Lebanon", AppealType.HRP_REVISION, 3,
        java.time.LocalDate.of(2021, 2, 1), "FLOOD", null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null);

    String text = flat(PdfText.of(WRITER.write(bare, Locale.UK)));

    assertThat(text).contains("Humanitarian Response Plan revision", "Version 3",
        "1 February 2021", "Flood", "not assessed", "This appeal has not been signed off yet.",
        "The Education Cluster requires US$ 0 for no projects by no partners.")
        .doesNotContain("??", "Funding received", "null");
  }

  @Test
  void namesAreShownAsEnteredNeverAsMarkup() {
    var partner = "Save & Care <Lebanon>";
    var appeal = AppealDocumentSamples.lebanonBeirutExplosion(1);
    var project = appeal.projects().get(0);
    var renamed = new Project(project.code(), partner, "Repairs & <b>rebuilding</b>",
        project.activities(), project.locations(), project.peopleTargeted(),
        project.durationMonths());
    var changed = new AppealDocument(appeal.countryCode(), appeal.countryName(),
        appeal.appealType(), appeal.version(), appeal.date(), "Custom emergency", appeal.onset(),
        appeal.periodStart(), appeal.periodEnd(), appeal.crisisSummary(), appeal.affectedAreas(),
        appeal.keyFigures(), appeal.peopleInNeed(), appeal.peopleTargeted(), appeal.schools(),
        appeal.teachersAffected(), appeal.response(), null, List.of(renamed), appeal.partners(),
        appeal.coLeads(), appeal.signOff(), appeal.dataGaps(), appeal.risks(), appeal.funding());

    String text = flat(PdfText.of(WRITER.write(changed, Locale.UK)));

    assertThat(text).contains(partner, "Repairs & <b>rebuilding</b>", "Custom emergency");
  }

  @Test
  void aRenderLogsNothing() {
    var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
        org.slf4j.Logger.ROOT_LOGGER_NAME);
    var events = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    events.start();
    root.addAppender(events);
    try {
      WRITER.write(APPEAL, Locale.FRANCE);
      WRITER.write(AppealDocumentSamples.lebanonBeirutExplosion(30), Locale.UK);
    } finally {
      root.detachAppender(events);
    }
    assertThat(events.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(
            ch.qos.logback.classic.Level.INFO))
        .extracting(e -> e.getLoggerName() + ": " + e.getFormattedMessage())
        .isEmpty();
  }

  @Test
  void bundlesHaveTheSameKeysAndTheTemplateUsesNoOtherKey() throws IOException {
    var english = bundle("appeal.properties");
    var french = bundle("appeal_fr.properties");
    assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    assertThat(french.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());

    String template = Files.readString(Path.of("templates/appeal/appeal.html"));
    var used = Pattern.compile("#\\{([A-Za-z][\\w.]*)").matcher(template).results()
        .map(m -> m.group(1)).collect(java.util.stream.Collectors.toSet());
    assertThat(english.stringPropertyNames()).containsAll(used);
    // codes the record carries are named in both languages
    for (var type : AppealType.values()) {
      assertThat(english).containsKey("appealType." + type);
    }
    for (var type : AppealDocument.PartnerType.values()) {
      assertThat(english).containsKey("partnerType." + type);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"en", "fr", "es", "pt", "ar"})
  void isArchivalAndAccessibleInEveryLanguage(String language) throws IOException {
    byte[] pdf = WRITER.write(APPEAL, Locale.forLanguageTag(language));
    keep("lebanon-" + language + "-validated.pdf", pdf);
    assertThat(org.eie.workflows.documents.PdfStandards.failures(pdf))
        .as("veraPDF, PDF/A-3u and PDF/UA-1").isEmpty();
    try (var document = Loader.loadPDF(pdf)) {
      var catalog = document.getDocumentCatalog();
      assertThat(catalog.getLanguage()).isEqualTo(language);
      assertThat(catalog.getStructureTreeRoot()).as("tagged").isNotNull();
      assertThat(catalog.getMarkInfo().isMarked()).isTrue();
      assertThat(document.getDocumentInformation().getTitle())
          .contains(new Locale("", "LB").getDisplayCountry(Locale.forLanguageTag(language)));
      assertThat(org.eie.workflows.documents.Attachments.read(document))
          .containsKey("appeal-figures-LB-v1.csv");
      assertThat(PdfText.squeeze(new PDFTextStripper().getText(document))).doesNotContain("??");
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "en | What changed since version 1", "fr | Ce qui a changé depuis la version 1",
      "es | Qué cambió desde la versión 1", "pt | O que mudou desde a versão 1",
      "ar | سبب تنقيح النداء"})
  void aRevisedVersionWithWhatChangedIsArchivalAndAccessibleInEveryLanguage(String language,
      String heading) throws IOException {
    AppealDocument revised = versionOf(APPEAL, 2);
    var before = AppealDocumentMapper.publishedFigures(
        versionOf(AppealDocumentSamples.lebanonBeirutExplosion(9), 1));
    AppealChanges changes = AppealChanges.between(before,
        AppealDocumentMapper.publishedFigures(revised),
        "The joint assessment found more children out of school.");
    byte[] pdf = WRITER.write(revised, Locale.forLanguageTag(language), changes);
    keep("lebanon-" + language + "-revised.pdf", pdf);
    assertThat(org.eie.workflows.documents.PdfStandards.failures(pdf))
        .as("veraPDF, PDF/A-3u and PDF/UA-1").isEmpty();
    String text = PdfText.of(pdf).replaceAll("\\s+", " ");
    assertThat(text).contains(heading).doesNotContain("??");
    if ("en".equals(language)) {
      assertThat(text).contains("The joint assessment found more children out of school.",
          "Requirements (US$) " + new AppealFormats(Locale.ENGLISH).usd(
              changes.requirementUsd().before()) + " " + new AppealFormats(Locale.ENGLISH)
              .usd(changes.requirementUsd().after()));
    }
  }

  /** The same appeal as another version, as the JSON variable would carry it. */
  private static AppealDocument versionOf(AppealDocument document, int version) {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.valueToTree(document);
    tree.put("version", version);
    try {
      return mapper.treeToValue(tree, AppealDocument.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyLanguageHasItsOwnWordsAndNumbers() {
    String spanish = PdfText.of(WRITER.write(APPEAL, Locale.forLanguageTag("es")));
    String portuguese = PdfText.of(WRITER.write(APPEAL, Locale.forLanguageTag("pt")));
    String total = APPEAL.requirements().totalUsd().toBigInteger().toString();
    assertThat(spanish).contains("Cifras clave", "Necesidades por actividad", "no evaluado",
        NumberFormat.getIntegerInstance(Locale.forLanguageTag("es")).format(new BigDecimal(total)))
        .doesNotContain("Key figures");
    assertThat(portuguese).contains("Números-chave", "Necessidades por atividade", "não avaliado",
        NumberFormat.getIntegerInstance(Locale.forLanguageTag("pt")).format(new BigDecimal(total)))
        .doesNotContain("Key figures");
  }

  @Test
  void arabicIsLaidOutRightToLeftAsAWholeDocument() throws IOException {
    var request = WRITER.request(APPEAL, Locale.forLanguageTag("ar"));
    assertThat(request.rightToLeft()).isTrue();
    String html = new DocumentRenderer().html(request);
    assertThat(html).contains("dir=\"rtl\"", "lang=\"ar\"", "الأرقام الرئيسية");
    byte[] pdf = WRITER.write(APPEAL, Locale.forLanguageTag("ar"));
    keep("lebanon-ar.pdf", pdf);
    try (var document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("ar");
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("الأرقام الرئيسية", "الاحتياجات حسب النشاط")
          .doesNotContain("??", "Key figures");
    }
  }

  @Test
  void theOnsetIsPrintedToTheMinuteOnTheTwentyFourHourClock() {
    assertThat(flat(englishText)).contains("Onset 4 August 2020, 18:08 (UTC+03:00)");
    assertThat(englishText).doesNotContain("6:08 PM", "6:00 PM");
    String american = PdfText.of(WRITER.write(APPEAL, Locale.US));
    assertThat(flat(american)).contains("August 4, 2020, 18:08 (UTC+03:00)");
  }

  @Test
  void unknownFiguresSayNotAssessedAndNothingPrintsADash() {
    String withoutNames = englishText.replaceAll("\\d+–\\d+ years", "");
    for (String area : APPEAL.affectedAreas()) { // names as entered may hold a dash
      withoutNames = withoutNames.replace(area, "");
    }
    assertThat(withoutNames).doesNotContain("–");
    // teachers are not counted in need: said so, not hidden and not zero
    assertThat(lineOf(englishText, "Female teachers")).contains("3,900");
    var bare = new AppealDocument("LB", "Lebanon", AppealType.FLASH_APPEAL, 1,
        java.time.LocalDate.of(2021, 2, 1), "FLOOD", null, null, null, null, null, null,
        null, null, null, null, new AppealDocument.ResponsePlan(List.of("Learn again"),
            List.of(new AppealDocument.Activity("SCHOOL_REPAIR", null, null, null, null))),
        null, null, null, null, null, null, null, null);
    String text = flat(PdfText.of(WRITER.write(bare, Locale.UK)));
    assertThat(text).contains("School repair not assessed not assessed not assessed",
        "of whom migrants, refugees or displaced not assessed not assessed");
  }

  @Test
  void theContextTableNamesTheSourceOfEveryFigure() {
    assertThat(flat(englishText)).contains("People injured 6,500 Ministry of Public Health",
        "Students whose school was damaged 85,000 Education Cluster rapid assessment");
  }

  @Test
  void theCoverShowsTheCoLeadOrganisationsMarks() throws IOException {
    String html = new DocumentRenderer().html(WRITER.request(APPEAL, Locale.UK));
    assertThat(html).contains("mark mark-unicef", "mark mark-save");
    assertThat(flat(englishText)).contains("Co-led by UNICEF Save the Children");
  }

  @Test
  void theFiguresAreEmbeddedAsCsvWithHxlHashtags() throws IOException {
    try (var document = Loader.loadPDF(english)) {
      byte[] csv = org.eie.workflows.documents.Attachments.read(document)
          .get("appeal-figures-LB-v1.csv");
      var rows = AppealFiguresCsv.read(csv);
      assertThat(rows.get(1)).containsExactlyElementsOf(AppealFiguresCsv.HASHTAGS);
      BigDecimal total = rows.stream().skip(2).map(r -> new BigDecimal(r.get(9)))
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(total).isEqualByComparingTo(APPEAL.requirements().totalUsd());
      assertThat(rows.stream().skip(2).map(r -> r.get(8)).distinct())
          .contains(AppealDocumentSamples.ARABIC_AREA);
    }
  }

  @Test
  void formulasInNamesReachTheEmbeddedCsvAsTextNotAsFormulas() throws IOException {
    var partner = "=HYPERLINK(\"http://x\")";
    var area = "@SUM(1+1)";
    var appeal = AppealDocumentSamples.lebanonBeirutExplosion(1);
    var project = appeal.projects().get(0);
    var renamed = new Project(project.code(), partner, project.title(), project.activities(),
        List.of(area, "+cmd|' /C calc'!A0"), project.peopleTargeted(), project.durationMonths());
    var changed = new AppealDocument(appeal.countryCode(), appeal.countryName(),
        appeal.appealType(), appeal.version(), appeal.date(), appeal.emergencyType(),
        appeal.onset(), appeal.periodStart(), appeal.periodEnd(), appeal.crisisSummary(),
        appeal.affectedAreas(), appeal.keyFigures(), appeal.peopleInNeed(),
        appeal.peopleTargeted(), appeal.schools(), appeal.teachersAffected(), appeal.response(),
        null, List.of(renamed), appeal.partners(), appeal.coLeads(), appeal.signOff(),
        appeal.dataGaps(), appeal.risks(), appeal.funding());

    try (var document = Loader.loadPDF(WRITER.write(changed, Locale.UK))) {
      byte[] csv = org.eie.workflows.documents.Attachments.read(document)
          .get(AppealFiguresCsv.fileName(changed));
      var all = AppealFiguresCsv.read(csv);
      var rows = all.subList(2, all.size());

      assertThat(rows).isNotEmpty().allSatisfy(row -> {
        assertThat(row.get(5)).isEqualTo("'" + partner);
        assertThat(row.get(8)).isIn("'" + area, "'+cmd|' /C calc'!A0");
        assertThat(new BigDecimal(row.get(9))).isPositive(); // numbers stay numbers
      });
      assertThat(org.eie.workflows.documents.Csv.original(rows.get(0).get(5)))
          .isEqualTo(partner);
      assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8))
          .contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
    }
  }

  @Test
  void aTableHeaderIsNeverLeftAloneAtTheFootOfAPage() throws IOException {
    var large = AppealDocumentSamples.lebanonBeirutExplosion(60);
    try (var document = Loader.loadPDF(WRITER.write(large, Locale.UK))) {
      var headers = List.of("Activity Indicator Target", "Activity Projects Requirements",
          "Partner Projects People targeted", "Area Projects Requirements",
          "Code Project, partner", "Organisation Acronym Type");
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        String footer = "Page " + page + " of";
        List<String> pageLines = lines(PdfText.ofPage(document, page)).stream()
            .filter(l -> !l.isBlank() && !l.contains(footer)).toList();
        for (int i = 0; i < pageLines.size(); i++) {
          String line = pageLines.get(i);
          if (headers.stream().anyMatch(line::startsWith)) {
            assertThat(pageLines.size() - i).as("rows after header '%s' on page %d", line, page)
                .isGreaterThan(2);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------

  private static java.util.Properties bundle(String name) throws IOException {
    var properties = new java.util.Properties();
    try (var reader = Files.newBufferedReader(Path.of("templates/appeal", name))) {
      properties.load(reader);
    }
    return properties;
  }

  /** The text as one line: phrases that wrap in the layout are still found. */
  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }

  /** Gaps between spans come out of text extraction as runs of spaces: one is enough. */
  /** How right-to-left Arabic looks from left to right once shaped: contextual forms, reversed. */
  /**
   * The glyphs the shaped word is drawn with, left to right, in the regular and in the bold
   * font: the glyph ids (which the embedded subsets keep as character codes) of its
   * presentation forms in reverse order.
   */
  private static List<String> visualGlyphs(String logical) throws Exception {
    String shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE).shape(logical);
    String visual = new StringBuilder(shaped.replace(" ", "")).reverse().toString();
    List<String> glyphs = new ArrayList<>();
    for (String file : List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")) {
      try (var in = AppealDocumentWriterTest.class.getClassLoader()
          .getResourceAsStream("templates/fonts/" + file);
          var font = new org.apache.fontbox.ttf.TTFParser().parse(
              new org.apache.pdfbox.io.RandomAccessReadBuffer(in))) {
        var cmap = font.getUnicodeCmapLookup();
        glyphs.add(visual.chars().mapToObj(c -> String.valueOf((char) cmap.getGlyphId(c)))
            .collect(java.util.stream.Collectors.joining()));
      }
    }
    return glyphs;
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).toList();
  }

  /** The first line that starts with a label: a table row as the text stripper gives it. */
  private static String lineOf(String text, String label) {
    return lines(text).stream().filter(l -> l.startsWith(label)).findFirst()
        .orElseThrow(() -> new AssertionError("No line starts with " + label));
  }

  private static String english(Number value) {
    return NumberFormat.getIntegerInstance(Locale.UK).format(value);
  }

  private static String french(Number value) {
    return NumberFormat.getIntegerInstance(Locale.FRANCE).format(value);
  }

  private static AppealDocument withFunding(AppealDocument a, AppealDocument.Funding funding) {
    return new AppealDocument(a.countryCode(), a.countryName(), a.appealType(), a.version(),
        a.date(), a.emergencyType(), a.onset(), a.periodStart(), a.periodEnd(),
        a.crisisSummary(), a.affectedAreas(), a.keyFigures(), a.peopleInNeed(),
        a.peopleTargeted(), a.schools(), a.teachersAffected(), a.response(), a.requirements(),
        a.projects(), a.partners(), a.coLeads(), a.signOff(), a.dataGaps(), a.risks(), funding);
  }

  private static void keep(String name, byte[] pdf) throws IOException {
    Path dir = Path.of("target", "appeal");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), pdf);
  }
}
