package org.eie.workflows.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eie.workflows.documents.DocumentRenderer;
import org.eie.workflows.training.TrainingRecords.CountryOutcome;
import org.eie.workflows.training.TrainingRecords.EvaluationReport;
import org.eie.workflows.training.TrainingRecords.Facilitator;
import org.eie.workflows.training.TrainingRecords.TrainingOfTrainers;
import org.eie.workflows.training.TrainingRecords.Withdrawal;
import org.eie.workflows.training.TrainingRecords.WorkshopDelivery;
import org.eie.workflows.training.TrainingRecords.WorkshopPlan;
import org.junit.jupiter.api.Test;

/** The rollout report in both its languages, read back with PDFBox; no engine. */
class RolloutReportTest {

  private final RolloutReport report = new RolloutReport(new DocumentRenderer());

  @Test
  void frenchReportTakesAllWordingFromItsBundle() throws Exception {
    String text = text(report.render(content(), Locale.FRENCH));
    assertThat(text)
        .contains("Rapport de déploiement du module de formation, version 3.0")
        .contains("Pays retirés").contains("Mali").contains("Insécurité à Mopti")
        .contains("la planification de l’atelier")
        .contains("Tenue à Dakar du 10 janv. 2027 au 14 janv. 2027")
        .contains("50,0 %").contains("+25,0")
        .contains("français, arabe")
        .doesNotContain("??");
  }

  @Test
  void englishReportShowsWithdrawnCountriesWithTheirReasons() throws Exception {
    byte[] pdf = report.render(content(), Locale.ENGLISH);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "training-report-sample.pdf"), pdf); // for a look by eye
    assertThat(text(pdf))
        .contains("Countries withdrawn").contains("Mali workshop planning")
        .contains("Insécurité à Mopti")
        .contains("1 / 2 countries reached")
        .contains("Senegal Thiès Feb 22, 2027 to Feb 26, 2027 12 8 0 20 50.0 % 75.0 % +25.0")
        .contains("Regional follow-up and lessons learned").contains("Start earlier.")
        .doesNotContain("??");
  }

  private static RolloutReport.Content content() {
    var senegal = new CountryOutcome("SN",
        new WorkshopPlan("Thiès", "2027-02-22", "2027-02-26", null, true),
        new WorkshopDelivery("2027-02-22", "2027-02-26", 12, 8, 0, Map.of("UNICEF", 20),
            List.of(40.0, 50.0, 60.0, 50.0), List.of(70.0, 80.0, 75.0, 75.0),
            "2027-03-13T00:00:00Z"),
        new EvaluationReport("2027-03-05T10:00:00Z", false, "Good", List.of()), null, 0);
    var mali = new CountryOutcome("ML", null, null, null,
        new Withdrawal("Insécurité à Mopti", "ml.unicef", "2027-02-01T08:00:00Z", "planning"), 0);
    var trainers = new TrainingOfTrainers("Dakar", "2027-01-10", "2027-01-14",
        List.of(new Facilitator("Awa Ndiaye", "Save the Children", "Senegal", "Two workshops")));
    var results = RolloutConsolidation.consolidate(List.of(senegal, mali), trainers,
        Map.of("SN", "Senegal", "ML", "Mali")::get);
    return new RolloutReport.Content("3.0", List.of("Module 1", "Module 2"), List.of("fr", "ar"),
        trainers, results, "Start earlier.\nInvolve ministries.", 2,
        Instant.parse("2027-04-01T10:00:00Z"));
  }

  private static String text(byte[] pdf) throws Exception {
    try (var document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replace('\u00a0', ' ')
          .replaceAll("\\s+", " ");
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"en", "fr", "es", "pt", "ar"})
  void isArchivalAndAccessibleInEveryLanguage(String language) throws Exception {
    byte[] pdf = report.render(content(), Locale.forLanguageTag(language));
    Files.createDirectories(Path.of("target", "training"));
    Files.write(Path.of("target", "training", "report-" + language + ".pdf"), pdf);
    assertThat(org.eie.workflows.documents.PdfStandards.failures(pdf)).as("veraPDF, PDF/A-3u and PDF/UA-1").isEmpty();
    try (var document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo(language);
      String text = new PDFTextStripper().getText(document);
      assertThat(text).doesNotContain("??");
      assertThat(org.eie.workflows.documents.PrintedCodes.in(text)).as("codes printed").isEmpty();
    }
  }

  @Test
  void arabicNamesTheCountriesAndLanguagesInArabicWithOneDigitSystem() throws Exception {
    String text = text(report.render(content(), Locale.forLanguageTag("ar")));
    // the countries reached and withdrawn by their codes; a facilitator's country stays as entered
    assertThat(text).contains("السنغال", "مالي", "الفرنسية").doesNotContain("Mali")
        .doesNotContainPattern("[\\x{0660}-\\x{0669}\\x{06F0}-\\x{06F9}]")
        .contains("50.0", "+25.0");
    assertThat(text(report.render(content(), Locale.FRENCH))).contains("Sénégal");
  }

  @Test
  void arabicListsAndDatesReadAndSearchAsArabic() throws Exception {
    String text = text(report.render(content(), Locale.forLanguageTag("ar")));
    // Arabic's own comma between the languages, and dates without the right-to-left marks the
    // numeric styles put between their parts (copied with the text, they keep it from being found)
    assertThat(text).contains("\u060C").doesNotContain("\u200F", "\u200E", "\u061C");
  }
}
