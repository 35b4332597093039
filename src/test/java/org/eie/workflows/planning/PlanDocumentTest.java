package org.eie.workflows.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eie.workflows.documents.DocumentRenderer;
import org.eie.workflows.planning.PlanModel.AlignmentMap;
import org.eie.workflows.planning.PlanModel.Approval;
import org.eie.workflows.planning.PlanModel.Approvals;
import org.eie.workflows.planning.PlanModel.Evaluation;
import org.eie.workflows.planning.PlanModel.Implementation;
import org.eie.workflows.planning.PlanModel.ImplementationYear;
import org.eie.workflows.planning.PlanModel.Launch;
import org.eie.workflows.planning.PlanModel.Link;
import org.eie.workflows.planning.PlanModel.Reminder;
import org.eie.workflows.planning.PlanModel.Review;
import org.eie.workflows.planning.PlanModel.Translation;
import org.junit.jupiter.api.Test;

/** The plan document in both languages, rendered without an engine (the layout is checked by eye in target/). */
class PlanDocumentTest {

  static final PlanDocument.Content CONTENT = new PlanDocument.Content("2027-2029", "en",
      PlanTextTest.INEE, PlanTextTest.CLUSTER,
      new AlignmentMap(List.of(new Link("I1", "C1")), List.of("I5"), "Data is INEE's network role"),
      new Approvals(List.of(
          new Approval(1, "INEE", "INEE Steering Group", "steering", "David Okello", false,
              "Needs baselines", "2026-09-01T10:00:00Z"),
          new Approval(1, "CLUSTER", "UNICEF", "gec.unicef", "Amina Diallo", true, null,
              "2026-09-01T11:00:00Z"),
          new Approval(1, "CLUSTER", "Save the Children", "gec.savethechildren", "Johan Berg", true,
              null, "2026-09-02T08:30:00Z"),
          new Approval(2, "INEE", "INEE Steering Group", "steering", "David Okello", true, null,
              "2026-10-01T10:00:00Z"))),
      new Launch("https://inee.org/plans", null, "secretariat", "2026-10-15T10:00:00Z",
          List.of(new Translation("ar", "facilitator.ar", "Layla Mansour", "https://inee.org/ar",
              "2026-11-01T10:00:00Z"), new Translation("fr", "facilitator.fr", "Claire Dubois",
              "https://inee.org/fr", "2026-11-02T10:00:00Z"))),
      new Implementation(List.of(new ImplementationYear(2027, "Regional advocacy; two trainings",
          List.of(new Review("MID_YEAR", "ON_TRACK", "Half-year on track", "secretariat", "2027-07-02T10:00:00Z"),
              new Review("YEAR_END", "AT_RISK", "Funding short", "secretariat", "2028-01-05T10:00:00Z")),
          "Annual report 2027: 40 trainings")),
          List.of(new Reminder(2027, "Review progress at six months", "inee-secretariat",
              "2027-07-31T00:00:00Z", "2027-07-31T00:00:01Z"))),
      new Evaluation("2027-2029", "Education chapters in 80% of response plans", "Joint reviews work",
          "Keep one consultation", "secretariat", "Sofia Marques", "2030-01-10T10:00:00Z"),
      "Previous plans met most targets", "Members ask for data", "Members welcome the plans");

  @Test
  void englishDocumentShowsBothPlansTheMapApprovalsProgressAndEvaluation() throws Exception {
    String text = render(CONTENT, "plan-en.pdf");
    assertThat(text).contains("Strategic plans 2027-2029: INEE and the Education Cluster")
        .contains("INEE's strategic plan").contains("The Education Cluster's strategic plan")
        .contains("I1 Advocacy").contains("C1 Coordination").contains("Datasets published")
        .contains("Gender").contains("Localisation")
        .contains("No counterpart (accepted in the joint alignment review)")
        .contains("Data is INEE's network role")
        .contains("David Okello").contains("Needs baselines").contains("Rejected").contains("Approved")
        .contains("Year 2027").contains("Six-monthly review (mid-year)").contains("At risk")
        .contains("Annual report 2027: 40 trainings")
        .contains("reminder sent on July 31, 2027")
        // the groups a reminder went to by name, not by their ids
        .contains("to the INEE Secretariat").doesNotContain("inee-secretariat")
        .contains("Education chapters in 80% of response plans").contains("Sofia Marques")
        .contains("Arabic").contains("1 / ")
        .doesNotContain("??");
  }

  @Test
  void frenchDocumentTakesAllItsWordingFromTheFrenchBundle() throws Exception {
    var french = new PlanDocument.Content(CONTENT.cycleLabel(), "fr", CONTENT.inee(), CONTENT.cluster(),
        CONTENT.alignment(), CONTENT.approvals(), CONTENT.launch(), CONTENT.implementation(),
        CONTENT.evaluation(), CONTENT.previousCycleReview(), CONTENT.consultationSummary(),
        CONTENT.memberFeedback());
    String text = render(french, "plan-fr.pdf");
    assertThat(text).contains("Plans stratégiques 2027-2029").contains("Carte d’alignement")
        .contains("Approuvé").contains("Rejeté").contains("Revue semestrielle (mi-année)")
        .contains("À risque").contains("arabe").contains("Évaluation de fin de cycle")
        .doesNotContain("??");
  }

  private static String render(PlanDocument.Content content, String name) throws Exception {
    byte[] pdf = new PlanDocument(new DocumentRenderer()).render(content);
    Path out = Path.of("target", name);
    Files.createDirectories(out.getParent());
    Files.write(out, pdf);
    try (var document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentInformation().getTitle()).contains("2027-2029");
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"en", "fr", "es", "pt", "ar"})
  void isArchivalAndAccessibleInEveryLanguage(String language) throws Exception {
    var content = new PlanDocument.Content(CONTENT.cycleLabel(), language, CONTENT.inee(),
        CONTENT.cluster(), CONTENT.alignment(), CONTENT.approvals(), CONTENT.launch(),
        CONTENT.implementation(), CONTENT.evaluation(), CONTENT.previousCycleReview(),
        CONTENT.consultationSummary(), CONTENT.memberFeedback());
    byte[] pdf = new PlanDocument(new DocumentRenderer()).render(content);
    Files.createDirectories(Path.of("target", "planning"));
    Files.write(Path.of("target", "planning", "plan-" + language + ".pdf"), pdf);
    assertThat(org.eie.workflows.documents.PdfStandards.failures(pdf)).as("veraPDF, PDF/A-3u and PDF/UA-1").isEmpty();
    try (var document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo(language);
      String text = new PDFTextStripper().getText(document);
      assertThat(text).doesNotContain("??");
      assertThat(org.eie.workflows.documents.PrintedCodes.in(text)).as("codes printed").isEmpty();
    }
  }

  /**
   * A longer review of the previous cycle moves everything after it down: with 15, 25 and 34
   * more lines the table headers of the reviews and of the priorities, and the heading
   * "Strategic priorities side by side", ended a page before headings and tables asked for
   * room below them (bb1576b).
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0} more lines")
  @org.junit.jupiter.params.provider.ValueSource(ints = {15, 25, 34})
  void noHeadingOrTableHeaderIsLeftAloneAtTheFootOfAPage(int lines) {
    var content = new PlanDocument.Content(CONTENT.cycleLabel(), "en", CONTENT.inee(),
        CONTENT.cluster(), CONTENT.alignment(), CONTENT.approvals(), CONTENT.launch(),
        CONTENT.implementation(), CONTENT.evaluation(),
        CONTENT.previousCycleReview() + "\nA finding of the review".repeat(lines),
        CONTENT.consultationSummary(), CONTENT.memberFeedback());
    var renderer = new DocumentRenderer();
    var plan = new PlanDocument(renderer);
    java.util.Locale english = java.util.Locale.ENGLISH;
    String html = renderer.html(new org.eie.workflows.documents.DocumentRequest(
        PlanDocument.TEMPLATE, english, plan.model(content, english), "", "", ""));
    assertThat(org.eie.workflows.documents.PageFoot.headingsAtTheFoot(plan.render(content),
        org.eie.workflows.documents.PageFoot.headings(html))).isEmpty();
  }
}
