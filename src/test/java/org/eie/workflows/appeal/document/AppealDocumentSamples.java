package org.eie.workflows.appeal.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eie.workflows.appeal.AppealType;
import org.eie.workflows.appeal.PeopleTargeted;
import org.eie.workflows.appeal.document.AppealDocument.Activity;
import org.eie.workflows.appeal.document.AppealDocument.ActivityLine;
import org.eie.workflows.appeal.document.AppealDocument.AgeGroup;
import org.eie.workflows.appeal.document.AppealDocument.Approval;
import org.eie.workflows.appeal.document.AppealDocument.CoLead;
import org.eie.workflows.appeal.document.AppealDocument.Funding;
import org.eie.workflows.appeal.document.AppealDocument.KeyFigure;
import org.eie.workflows.appeal.document.AppealDocument.Partner;
import org.eie.workflows.appeal.document.AppealDocument.PartnerType;
import org.eie.workflows.appeal.document.AppealDocument.People;
import org.eie.workflows.appeal.document.AppealDocument.Project;
import org.eie.workflows.appeal.document.AppealDocument.Requirements;
import org.eie.workflows.appeal.document.AppealDocument.ResponsePlan;
import org.eie.workflows.appeal.document.AppealDocument.Schools;

/**
 * Realistic appeal documents for tests and benchmarks: the Education Cluster's Flash Appeal for
 * Lebanon after the Beirut port explosion of 4 August 2020 (seed 004: 159 schools damaged,
 * 300,000 people displaced). People and organisations' staff are fictitious; the demo co-leads
 * sign it off. Deterministic: the same arguments give the same document.
 */
public final class AppealDocumentSamples {

  /** The Arabic-named partner (Amel Association International), to check right-to-left text. */
  public static final String ARABIC_PARTNER = "جمعية عامل الدولية";
  /** An affected area with an Arabic name (Bourj Hammoud). */
  public static final String ARABIC_AREA = "برج حمود";

  public static final OffsetDateTime ONSET =
      OffsetDateTime.of(2020, 8, 4, 18, 8, 0, 0, ZoneOffset.ofHours(3));

  static final List<Activity> ACTIVITIES = List.of(
      new Activity("TEMPORARY_LEARNING_SPACES", "Temporary learning spaces",
          "Children attending temporary learning spaces", new BigDecimal("12000"),
          new BigDecimal("2400000")),
      new Activity("SCHOOL_REPAIR", "Light and medium school repair",
          "Damaged schools repaired and reopened", new BigDecimal("120"),
          new BigDecimal("6500000")),
      new Activity("TEACHING_LEARNING_MATERIALS", "Teaching and learning materials",
          "Children receiving learning kits", new BigDecimal("55000"),
          new BigDecimal("1650000")),
      new Activity("PSYCHOSOCIAL_SUPPORT", "Psychosocial support",
          "Children and teachers reached with psychosocial support", new BigDecimal("40000"),
          new BigDecimal("1800000")),
      new Activity("TEACHER_SUPPORT", "Teacher support and training",
          "Teachers trained in psychological first aid and distance learning",
          new BigDecimal("2500"), new BigDecimal("750000")));

  private static final List<Partner> PARTNERS = List.of(
      new Partner("UNICEF", null, PartnerType.UN_AGENCY),
      new Partner("Save the Children", null, PartnerType.INTERNATIONAL_NGO),
      new Partner(ARABIC_PARTNER, "Amel", PartnerType.NATIONAL_NGO),
      new Partner("Norwegian Refugee Council", "NRC", PartnerType.INTERNATIONAL_NGO),
      new Partner("World Vision Lebanon", null, PartnerType.INTERNATIONAL_NGO),
      new Partner("Makhzoumi Foundation", null, PartnerType.NATIONAL_NGO),
      new Partner("Terre des hommes Italia", "Tdh-It", PartnerType.INTERNATIONAL_NGO),
      new Partner("Lebanese Red Cross", "LRC", PartnerType.RED_CROSS_RED_CRESCENT));

  private static final List<String> AREAS = List.of(
      "Beirut – Achrafieh", "Beirut – Mar Mikhael", "Beirut – Gemmayzeh", "Beirut – Karantina",
      ARABIC_AREA, "Mount Lebanon – Metn");

  private AppealDocumentSamples() {
  }

  /** The Flash Appeal with 12 partner projects. */
  public static AppealDocument lebanonBeirutExplosion() {
    return lebanonBeirutExplosion(12);
  }

  /** The Flash Appeal with this many partner projects (the first ones are always the same). */
  public static AppealDocument lebanonBeirutExplosion(int projectCount) {
    List<Project> projects = projects(projectCount);
    People inNeed = new People(61_500, 58_300, null, null, 3_900L, 3_500L, 9_200L, List.of(
        new AgeGroup(3, 5, 11_800, 11_200),
        new AgeGroup(6, 11, 26_400, 25_100),
        new AgeGroup(12, 17, 23_300, 22_000),
        new AgeGroup(18, null, 3_900, 3_500)), 38_000L, 89_200L);
    People targeted = projects.stream().map(Project::peopleTargeted)
        .reduce(People.NONE, People::plus);
    return new AppealDocument("LB", "Lebanon", AppealType.FLASH_APPEAL, 1,
        LocalDate.of(2020, 8, 14), "EXPLOSION", ONSET,
        LocalDate.of(2020, 8, 15), LocalDate.of(2020, 12, 31),
        "On 4 August 2020 two explosions at the Port of Beirut killed more than 200 people, "
            + "injured over 6,000 and forced more than 300,000 people to leave unsafe homes. "
            + "The blast struck a society and an education system already coping with a "
            + "financial collapse and the COVID-19 pandemic.\n\n"
            + "159 schools were damaged, some beyond repair, and several are sheltering displaced "
            + "families. Without repairs, learning spaces and psychosocial support, some 85,000 "
            + "children and adolescents cannot resume learning when the school year starts on "
            + "29 September, when the government plans to reopen schools with distance and "
            + "blended learning.",
        AREAS,
        List.of(
            new KeyFigure("PEOPLE_DISPLACED", "People displaced", new BigDecimal("300000"),
                "Government of Lebanon, 10 August 2020"),
            new KeyFigure("PEOPLE_INJURED", "People injured", new BigDecimal("6500"),
                "Ministry of Public Health, 12 August 2020"),
            new KeyFigure("STUDENTS_AFFECTED", "Students whose school was damaged",
                new BigDecimal("85000"), "Education Cluster rapid assessment")),
        inNeed, targeted,
        new Schools(159, 20, 12), 3_700L,
        new ResponsePlan(List.of(
            "Children and adolescents affected by the explosion resume learning in safe, "
                + "protective and repaired learning spaces before the school year starts.",
            "Girls and boys, including those with disabilities, and their teachers receive "
                + "psychosocial support and the materials they need to learn and teach.",
            "The education system recovers: damaged public schools are repaired to be safer "
                + "than before, and teachers are supported to teach in person and at a distance."),
            ACTIVITIES, AppealDocumentMapper.people(new PeopleTargeted(30_000, 28_500, 800, 600,
                4_000)), new BigDecimal("13100000")),
        Requirements.of(projects),
        projects,
        PARTNERS,
        List.of(
            new CoLead("UNICEF", "Nadine Khoury", "Education Cluster Coordinator",
                "nkhoury@example.org", "+961 1 607 400"),
            new CoLead("Save the Children", "Karim Saleh", "Education Cluster Co-Coordinator",
                "ksaleh@example.org", "+961 1 738 654")),
        List.of(
            new Approval("Nadine Khoury", "UNICEF",
                OffsetDateTime.of(2020, 8, 13, 16, 30, 0, 0, ZoneOffset.ofHours(3)), null, false),
            new Approval("Karim Saleh", "Save the Children",
                OffsetDateTime.of(2020, 8, 14, 9, 15, 0, 0, ZoneOffset.ofHours(3)),
                "Figures to be revised with the Joint Education Needs Assessment.", false),
            new Approval("Rima Nassar", null,
                OffsetDateTime.of(2020, 8, 14, 18, 40, 0, 0, ZoneOffset.ofHours(3)), null, true)),
        List.of(
            "Number of teachers affected outside Beirut governorate not yet known.",
            "Damage to private schools assessed in 60 of 112 schools; the rest follow in the "
                + "Joint Education Needs Assessment (weeks 3-4)."),
        List.of(
            "COVID-19 transmission may close schools and learning spaces again.",
            "Currency depreciation raises the cost of repairs and materials."),
        new Funding(null, new BigDecimal("2000000"), new BigDecimal("1250000"),
            new BigDecimal("500000"), LocalDate.of(2020, 8, 14), "Financial Tracking Service",
            List.of(new AppealDocument.ActivityFunding("SCHOOL_REPAIR", null,
                new BigDecimal("900000"), new BigDecimal("200000"))))
            .against(Requirements.of(projects)));
  }

  /**
   * Partner projects: round-robin over the partners, areas and activities, budgets from a fixed
   * seed, so totals are stable from run to run.
   */
  public static List<Project> projects(int count) {
    var random = new Random(4);
    var projects = new ArrayList<Project>();
    for (int i = 0; i < count; i++) {
      Partner partner = PARTNERS.get(i % PARTNERS.size());
      Activity first = ACTIVITIES.get(i % ACTIVITIES.size());
      Activity second = ACTIVITIES.get((i + 2) % ACTIVITIES.size());
      var lines = List.of(
          new ActivityLine(first.code(), "Main component", budget(random, 350_000, 1_300_000)),
          new ActivityLine(second.code(), "Complementary component",
              budget(random, 60_000, 300_000)));
      long girls = 400 + random.nextInt(2_500);
      long boys = 380 + random.nextInt(2_400);
      long teachers = 20 + random.nextInt(120);
      long femaleTeachers = teachers / 2 + 5;
      long maleTeachers = teachers - teachers / 2;
      var people = new People(girls, boys, null, null, femaleTeachers, maleTeachers,
          (girls + boys) / 12,
          List.of(new AgeGroup(6, 11, girls / 2, boys / 2),
              new AgeGroup(12, 17, girls - girls / 2, boys - boys / 2),
              new AgeGroup(18, null, femaleTeachers, maleTeachers)),
          (girls + boys) / 3, (girls + boys) - (girls + boys) / 3);
      projects.add(new Project(String.format("LB-EDU-%03d", i + 1), partner.name(),
          TITLES.get(i % TITLES.size()), lines,
          List.of(AREAS.get(i % AREAS.size()), AREAS.get((i + 3) % AREAS.size())),
          people, 3 + (i % 4)));
    }
    return projects;
  }

  private static final List<String> TITLES = List.of(
      "Back to learning in blast-affected Beirut neighbourhoods",
      "Safe schools: rapid repair of damaged public schools",
      "Psychosocial support for children and teachers after the explosion",
      "Learning kits and distance-learning devices for displaced children",
      "Inclusive temporary learning spaces for children with disabilities",
      "Teachers as first responders: psychological first aid training",
      "Community learning centres in Karantina and Bourj Hammoud");

  private static BigDecimal budget(Random random, int min, int max) {
    int thousands = (min + random.nextInt(max - min)) / 1_000;
    return BigDecimal.valueOf(thousands * 1_000L);
  }
}
