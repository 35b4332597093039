package org.eie.workflows.appeal.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eie.workflows.appeal.ActivityBudget;
import org.eie.workflows.appeal.AppealTrigger;
import org.eie.workflows.appeal.Consolidation;
import org.eie.workflows.appeal.Consolidator;
import org.eie.workflows.appeal.NeedsAssessment;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.appeal.PartnerProjects;
import org.eie.workflows.appeal.PeopleTargeted;
import org.eie.workflows.appeal.PlannedResponse;
import org.eie.workflows.appeal.ProjectStatus;
import org.eie.workflows.appeal.SignOffs;
import org.eie.workflows.documents.Attachments;
import org.eie.workflows.documents.DocumentRenderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The figures audit: what a donor's analyst would check with a calculator, on many generated
 * appeals. Each appeal goes the way the process takes it (assessment, plan, partner projects,
 * the consolidation, the mapper, the writer); the PDF's text, extracted with PDFBox, is then
 * checked against the process data: every total is the sum of its parts, every figure a co-lead
 * or partner entered is on the page, an unknown figure says "not assessed" and nothing prints a
 * dash where data exists. The embedded CSV must hold the same numbers.
 */
@Tag("fast")
class AppealFiguresAuditTest {

  private static final AppealDocumentWriter WRITER =
      new AppealDocumentWriter(new DocumentRenderer());
  private static final List<String> PARTNERS = List.of("Alpha Aid", "Beta Relief",
      "Gamma Schools", "Delta Care", "Epsilon Learning", "Zeta Children");
  private static final List<String> AREAS = List.of("Beirut", "Metn", "Baabda", "Tripoli",
      "Saida", "Zahle", "Tyre");
  private static final Map<String, String> ACTIVITY_WORDS = Map.of(
      "TEMPORARY_LEARNING_SPACES", "Temporary learning spaces",
      "TEACHING_LEARNING_MATERIALS", "Teaching and learning materials",
      "PSYCHOSOCIAL_SUPPORT", "Psychosocial support",
      "TEACHER_SUPPORT", "Teacher support",
      "SCHOOL_REPAIR", "School repair");

  /** One generated appeal: the process data and the document made from it. */
  record Generated(long seed, NeedsAssessment assessment, PlannedResponse plan,
      List<PartnerProject> projects, Consolidation consolidation, AppealDocument document) {
    @Override
    public String toString() {
      return "seed " + seed + ", " + projects.size() + " projects";
    }
  }

  static Stream<Generated> appeals() {
    return IntStream.rangeClosed(1, 24).mapToObj(seed -> generate(seed));
  }

  static Generated generate(long seed) {
    var random = new Random(seed);
    List<String> activities = new ArrayList<>(ACTIVITY_WORDS.keySet().stream().sorted().toList());
    java.util.Collections.shuffle(activities, random);
    activities = activities.subList(0, 1 + random.nextInt(activities.size()));
    List<String> areas = AREAS.subList(0, 2 + random.nextInt(AREAS.size() - 1));

    List<PlannedResponse.ActivityPlan> details = new ArrayList<>();
    for (String activity : activities) {
      if (random.nextInt(4) > 0) { // a co-lead sometimes leaves an activity's details empty
        details.add(new PlannedResponse.ActivityPlan(activity, "Indicator of " + activity
            .toLowerCase(Locale.ROOT).replace('_', ' '),
            random.nextBoolean() ? BigDecimal.valueOf(100 + random.nextInt(20_000)) : null,
            BigDecimal.valueOf(1_000L * (50 + random.nextInt(3_000)))));
      }
    }
    BigDecimal planned = details.stream().map(PlannedResponse.ActivityPlan::indicativeRequirementUsd)
        .reduce(BigDecimal.ZERO, BigDecimal::add).add(BigDecimal.valueOf(random.nextInt(500_000)));
    var plan = new PlannedResponse(List.of("Objective one of seed " + seed,
        "Objective two: children learn again"), activities,
        new PeopleTargeted(10_000 + random.nextInt(20_000), 10_000 + random.nextInt(20_000),
            random.nextInt(900), random.nextInt(900), random.nextInt(3_000)),
        planned, "2026-11-22T12:00Z", "lb.unicef", "2026-11-20T12:00Z", details);
    var assessment = new NeedsAssessment(30_000 + random.nextInt(40_000),
        30_000 + random.nextInt(40_000), random.nextInt(5_000),
        random.nextBoolean() ? (long) random.nextInt(20_000) : null,
        random.nextBoolean() ? (long) random.nextInt(40_000) : null, random.nextInt(200),
        random.nextInt(30), random.nextInt(30), random.nextInt(4_000), areas, List.of(),
        "lb.unicef", "2026-11-20T12:00Z");

    int count = random.nextInt(16); // zero projects too: an appeal before any is accepted
    List<PartnerProject> projects = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<ActivityBudget> budgets = new ArrayList<>();
      for (String activity : activities) {
        if (budgets.isEmpty() || random.nextInt(3) == 0) {
          BigDecimal amount = BigDecimal.valueOf(1_000L * (20 + random.nextInt(900)));
          if (random.nextInt(5) == 0) {
            amount = amount.add(new BigDecimal("0." + (10 + random.nextInt(89))));
          }
          budgets.add(new ActivityBudget(activity, amount));
        }
      }
      List<String> locations = new ArrayList<>(areas);
      java.util.Collections.shuffle(locations, random);
      locations = locations.subList(0, 1 + random.nextInt(Math.min(3, locations.size())));
      int girls = random.nextInt(2_000);
      int boys = random.nextInt(2_000);
      var status = random.nextInt(6) == 0 ? ProjectStatus.REJECTED : ProjectStatus.ACCEPTED;
      projects.add(new PartnerProject(String.format("LB-EDU-%03d", i + 1),
          PARTNERS.get(random.nextInt(PARTNERS.size())), null, "Project " + (i + 1),
          budgets, locations, new PeopleTargeted(girls, boys, random.nextInt(60),
              random.nextInt(60), random.nextInt(200)), 3 + random.nextInt(10), status, 1,
          "partner.lb", "2026-11-21T12:00Z", List.of()));
    }
    var consolidation = new Consolidator().consolidate(plan, assessment, projects,
        "2026-11-23T00:00Z");
    var trigger = new AppealTrigger("LB", "EXPLOSION", "2026-11-20T18:08Z", areas,
        "FLASH_APPEAL", "Seed " + seed, random.nextBoolean() ? 300_000L : null, null, "en");
    AppealDocument.Funding funding = null;
    if (random.nextBoolean() && consolidation.totalUsd().signum() > 0) {
      String earmarked = activities.get(0);
      funding = new AppealDocument.Funding(null, BigDecimal.valueOf(10_000L * random.nextInt(50)),
          BigDecimal.valueOf(10_000L * random.nextInt(50)),
          BigDecimal.valueOf(10_000L * random.nextInt(50)), LocalDate.of(2026, 11, 25),
          GenerateAppealDocument.SOURCE_PLEDGE_REGISTER,
          List.of(new AppealDocument.ActivityFunding(earmarked, null,
              BigDecimal.valueOf(5_000L * random.nextInt(10)), BigDecimal.ZERO)));
    }
    var document = AppealDocumentMapper.map("Lebanon", trigger, assessment, plan,
        new PartnerProjects(projects), consolidation, Map.of(), new SignOffs(List.of()),
        Map.of(), LocalDate.of(2026, 11, 26), 1, funding);
    return new Generated(seed, assessment, plan, projects, consolidation, document);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("appeals")
  void everyTotalIsTheSumOfItsPartsAndEveryEnteredFigureIsPrinted(Generated appeal)
      throws IOException {
    byte[] pdf = WRITER.write(appeal.document(), Locale.UK);
    String text;
    Map<String, byte[]> attachments;
    try (var document = Loader.loadPDF(pdf)) {
      text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
      attachments = Attachments.read(document);
    }
    List<String> lines = text.lines().map(String::strip).toList();
    var accepted = appeal.projects().stream()
        .filter(p -> p.status() == ProjectStatus.ACCEPTED).toList();
    var consolidation = appeal.consolidation();
    String total = usd(consolidation.totalUsd());

    // Requirements by activity, partner and area: rows add up to the printed total, which is
    // the consolidation's.
    if (!accepted.isEmpty()) {
      var byActivity = section(lines, "Requirements by activity", "A project with several");
      assertRowsAddUp(byActivity, consolidation.byActivity().stream()
          .map(l -> ACTIVITY_WORDS.get(l.key())).toList(), 1, total);
      var byPartner = section(lines, "Requirements by partner", "Requirements by area");
      assertRowsAddUp(byPartner, consolidation.byPartner().stream()
          .map(Consolidation.Line::key).toList(), 2, total);
      var byArea = section(lines, "Requirements by area", "A project working in several");
      assertRowsAddUp(byArea, consolidation.byArea().stream().map(Consolidation.Line::key)
          .toList(), 1, total);
      // people targeted by partner add up to the people targeted
      long partnerPeople = consolidation.byPartner().stream()
          .mapToLong(l -> (long) number(row(byPartner, l.key()).get(1))).sum();
      assertThat(partnerPeople).isEqualTo(consolidation.targeted().total());
      for (PartnerProject project : accepted) {
        assertThat(text).contains(project.id(), usd(project.budgetUsd()));
        project.activities().forEach(a -> assertThat(text).contains(usd(a.budgetUsd())));
      }
      assertThat(flat(text)).contains("Total, " + accepted.size() + " project");
    } else {
      assertThat(flat(text)).contains("requires US$ 0 for no projects by no partners");
    }

    // People: girls + boys + female + male teachers = total = of whom female + of whom male,
    // in need and targeted; targeted as the consolidation says.
    var people = section(lines, "People in need and targeted", "People by age group and sex");
    var targeted = consolidation.targeted();
    var girls = row(people, "Girls");
    var boys = row(people, "Boys");
    var totalRow = row(people, "Total");
    var female = row(people, "of whom female");
    var male = row(people, "of whom male");
    long needTotal = appeal.assessment().girlsInNeed() + appeal.assessment().boysInNeed();
    assertThat(number(girls.get(0))).isEqualTo(appeal.assessment().girlsInNeed());
    assertThat(number(boys.get(0))).isEqualTo(appeal.assessment().boysInNeed());
    assertThat(number(totalRow.get(0))).isEqualTo(needTotal);
    assertThat(number(female.get(0)) + number(male.get(0))).isEqualTo(needTotal);
    assertThat(number(girls.get(1))).isEqualTo(targeted.girls());
    assertThat(number(boys.get(1))).isEqualTo(targeted.boys());
    assertThat(number(totalRow.get(1))).isEqualTo(targeted.total());
    assertThat(number(female.get(1))).isEqualTo(targeted.female());
    assertThat(number(male.get(1))).isEqualTo(targeted.male());
    assertThat(number(female.get(1)) + number(male.get(1))).isEqualTo(number(totalRow.get(1)));
    if (!accepted.isEmpty()) {
      var femaleTeachers = row(people, "Female teachers");
      var maleTeachers = row(people, "Male teachers");
      // teachers are not counted among the people in need (the assessment counts them apart)
      assertThat(femaleTeachers.get(0)).isEqualTo("not assessed");
      assertThat(number(femaleTeachers.get(1))).isEqualTo(targeted.femaleTeachers());
      assertThat(number(maleTeachers.get(1))).isEqualTo(targeted.maleTeachers());
      assertThat(number(girls.get(1)) + number(boys.get(1)) + number(femaleTeachers.get(1))
          + number(maleTeachers.get(1))).isEqualTo(number(totalRow.get(1)));
    }
    // Unknown groups say so; known ones are printed.
    var migrants = appeal.assessment().migrantsInNeed();
    assertThat(flat(String.join("\n", people))).contains(migrants == null
        ? "of whom migrants, refugees or displaced not assessed"
        : "of whom migrants, refugees or displaced " + count(migrants));

    // The response plan as entered: objectives, each activity's indicator, target and
    // requirement, the plan's requirement against the partners' total, its targets.
    var plan = appeal.plan();
    plan.objectives().forEach(o -> assertThat(flat(text)).contains(o));
    for (PlannedResponse.ActivityPlan details : plan.activityPlans()) {
      assertThat(flat(text)).contains(details.indicator());
      if (details.target() != null) {
        assertThat(text).contains(count(details.target()));
      }
      assertThat(text).contains(usd(details.indicativeRequirementUsd()));
    }
    var planRows = section(lines, "The response plan and the partners", "Risks|Financial requirements");
    assertThat(row(planRows, "Requirement (US$)").subList(0, 2))
        .containsExactly(usd(plan.indicativeRequirementUsd()), total);
    assertThat(row(planRows, "Girls").get(0)).isEqualTo(count(plan.targeted().girls()));
    assertThat(row(planRows, "Total").get(0)).isEqualTo(count(plan.targeted().total()));

    // Funding as FTS shows it.
    var funding = appeal.document().funding();
    if (funding != null) {
      assertThat(flat(text)).contains("Funded (committed + paid) US$ " + usd(funding.fundedUsd()),
          "Pledged, not yet committed US$ " + usd(funding.pledgedUsd()),
          "Figures taken on 25 November 2026");
    } else {
      assertThat(text).doesNotContain("Pledged, not yet committed");
    }

    // No dash where data exists: a dash is only ever part of an age range.
    assertThat(text.replaceAll("\\d+–\\d+ years", "")).doesNotContain("–", "null", "??");

    // The embedded CSV carries the same numbers, and adds up to the same total.
    byte[] csv = attachments.get(AppealFiguresCsv.fileName(appeal.document()));
    assertThat(csv).isNotNull();
    var rows = AppealFiguresCsv.read(csv);
    assertThat(rows.get(1)).contains("#country+code", "#activity+project+id", "#activity+code",
        "#value+funding+required+usd", "#org+impl", "#adm1+name");
    BigDecimal csvTotal = rows.stream().skip(2).map(r -> new BigDecimal(r.get(9)))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(csvTotal).isEqualByComparingTo(consolidation.totalUsd());
    long csvGirls = rows.stream().skip(2).filter(r -> !r.get(10).isEmpty())
        .mapToLong(r -> Long.parseLong(r.get(10))).sum();
    assertThat(csvGirls).isEqualTo(targeted.girls());
  }

  // ------------------------------------------------------------------------------------------

  /** The rows of a table: each row's cells after its label add up over the rows to the total. */
  private static void assertRowsAddUp(List<String> section, List<String> labels, int amountCell,
      String total) {
    BigDecimal sum = BigDecimal.ZERO;
    for (String label : labels) {
      sum = sum.add(amount(row(section, label).get(amountCell)));
    }
    List<String> totalCells = row(section, "Total");
    assertThat(totalCells).as("total row").contains(total);
    assertThat(usd(sum)).as("sum of the rows of %s", section.get(0)).isEqualTo(total);
  }

  /** The lines between a heading and the next (a regex of) end marker. */
  private static List<String> section(List<String> lines, String start, String end) {
    int from = -1;
    // A numbered heading ("3 People in need and targeted"), not its contents line (which ends
    // with the page number).
    var heading = Pattern.compile("^(\\d+\\s+)?" + Pattern.quote(start) + "(?!.*\\s\\d+$)");
    for (int i = 0; i < lines.size(); i++) {
      if (heading.matcher(lines.get(i)).find()) {
        from = i;
        break;
      }
    }
    assertThat(from).as("heading %s", start).isGreaterThanOrEqualTo(0);
    var endPattern = Pattern.compile("^(" + end + ")");
    int to = lines.size();
    for (int i = from + 1; i < lines.size(); i++) {
      if (endPattern.matcher(lines.get(i)).find()) {
        to = i;
        break;
      }
    }
    return lines.subList(from, to);
  }

  /** The figures of the row that starts with a label (its numbers and shares, in order). */
  private static List<String> row(List<String> section, String label) {
    String line = section.stream().filter(l -> l.startsWith(label + " "))
        .findFirst().orElseThrow(() -> new AssertionError("no row " + label + " in "
            + section));
    String rest = line.substring(label.length()).strip();
    List<String> cells = new ArrayList<>();
    var matcher = Pattern.compile("[\\d,]+(\\.\\d+)?%?|not assessed").matcher(rest);
    while (matcher.find()) {
      cells.add(matcher.group());
    }
    return cells;
  }

  private static long number(String cell) {
    try {
      return NumberFormat.getIntegerInstance(Locale.UK).parse(cell).longValue();
    } catch (ParseException e) {
      throw new AssertionError("not a number: " + cell, e);
    }
  }

  private static BigDecimal amount(String cell) {
    return new BigDecimal(cell.replace(",", ""));
  }

  private static String usd(BigDecimal value) {
    return new AppealFormats(Locale.UK).usd(value);
  }

  private static String count(Number value) {
    return NumberFormat.getIntegerInstance(Locale.UK).format(value);
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
