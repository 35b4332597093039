package org.eie.workflows.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eie.workflows.documents.PdfDownload;
import org.eie.workflows.language.Languages;
import org.eie.workflows.language.PersonalLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Secretariat's dashboard, server-rendered: the overview, one appeal, and the time each step
 * takes. Every figure is read as the viewer, so a country co-lead sees only their country.
 */
@Controller
class DashboardController {

  /** Open appeals listed on the overview; the read API and the export have them all. */
  static final int OVERVIEW_ROWS = 50;

  private final AppealReads appeals;
  private final PlanningReads planning;
  private final TrainingReads training;
  private final StepDurations durations;
  private final AppealStanding standing;
  private final DashboardPages pages;
  private final PersonalLanguage languages;

  DashboardController(AppealReads appeals, PlanningReads planning, TrainingReads training,
      StepDurations durations, AppealStanding standing, DashboardPages pages,
      PersonalLanguage languages) {
    this.appeals = appeals;
    this.planning = planning;
    this.training = training;
    this.durations = durations;
    this.standing = standing;
    this.pages = pages;
    this.languages = languages;
  }

  @GetMapping("/dashboard/login")
  ResponseEntity<String> login(HttpServletRequest request,
      @RequestParam(required = false) String lang) {
    Map<String, Object> model = new HashMap<>();
    model.put("error", request.getParameter("error") != null);
    model.put("loggedOut", request.getParameter("logout") != null);
    model.put("csrf", request.getAttribute(CsrfToken.class.getName()));
    return html(HttpStatus.OK, "login", language(lang, request, null), model);
  }

  @GetMapping("/dashboard")
  ResponseEntity<String> overview(HttpServletRequest request, Authentication viewer,
      @RequestParam(required = false) String lang) {
    // One listing gives the header, the table per country and the rows: they cannot disagree.
    var open = appeals.listing(new AppealReads.Filter(null, "OPEN", null, null));
    var page = appeals.page(open, 0, OVERVIEW_ROWS);
    List<AppealReads.Appeal> shown = page.items();
    Map<String, Object> model = base(request, viewer);
    model.put("appeals", shown);
    model.put("openCount", open.counts().all().open());
    model.put("overdueCount", open.counts().all().overdue());
    model.put("byCountry", open.counts().byCountry());
    model.put("funded", shown.stream().filter(a -> a.funding() != null
        && a.funding().requiredUsd() != null).toList());
    model.put("overdueTasks", standing.overdueTasks(open));
    List<PlanningReads.Cycle> cycles = planning.open();
    model.put("cycles", cycles);
    model.put("timeline", Timeline.of(cycles));
    model.put("rollouts", training.all("OPEN"));
    return html(HttpStatus.OK, "overview", language(lang, request, viewer), model);
  }

  @GetMapping("/dashboard/appeals/{id}")
  ResponseEntity<String> appeal(@PathVariable String id, HttpServletRequest request,
      Authentication viewer, @RequestParam(required = false) String lang) {
    var detail = appeals.detail(id);
    Map<String, Object> model = base(request, viewer);
    if (detail.isEmpty()) {
      model.put("id", id);
      return html(HttpStatus.NOT_FOUND, "notfound", language(lang, request, viewer), model);
    }
    model.put("detail", detail.get());
    model.put("appeal", detail.get().appeal());
    return html(HttpStatus.OK, "appeal", language(lang, request, viewer), model);
  }

  @GetMapping("/dashboard/appeals/{id}/documents/{version}")
  ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable int version) {
    return PdfDownload.of(appeals.document(id, version, null)
        .orElseThrow(() -> new NotVisibleException("appeal document", id + " v" + version)));
  }

  @GetMapping("/dashboard/durations")
  ResponseEntity<String> durations(HttpServletRequest request, Authentication viewer,
      @RequestParam(required = false) String lang) {
    Map<String, Object> model = base(request, viewer);
    model.put("appealSteps", durations.of(StepDurations.APPEALS));
    model.put("rolloutSteps", durations.of(StepDurations.TRAINING_ROLLOUTS));
    model.put("planningSteps", durations.of(StepDurations.PLANNING_CYCLES));
    return html(HttpStatus.OK, "durations", language(lang, request, viewer), model);
  }

  /**
   * The viewer's choice of language, kept for their next pages and their e-mails; back to the page
   * they chose it on, in it.
   */
  @PostMapping("/dashboard/language")
  ResponseEntity<Void> chooseLanguage(Authentication viewer, @RequestParam String language,
      @RequestParam(required = false) String back) {
    String code = Languages.ours(language);
    if (code == null) {
      return ResponseEntity.badRequest().build();
    }
    languages.choose(viewerId(viewer), code);
    String page = back != null && back.matches("/dashboard(/[A-Za-z0-9._~-]+)*") ? back
        : "/dashboard";
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(page)).build();
  }

  private static String viewerId(Authentication viewer) {
    return viewer == null ? "" : viewer.getPrincipal() instanceof
        org.eie.workflows.security.EieUser user ? user.id() : viewer.getName();
  }

  private static Map<String, Object> base(HttpServletRequest request, Authentication viewer) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("viewer", viewerId(viewer));
    model.put("csrf", request.getAttribute(CsrfToken.class.getName()));
    model.put("path", request.getRequestURI());
    return model;
  }

  /** {@code ?lang=}, else the viewer's own language, else the browser's, else English. */
  private Locale language(String lang, HttpServletRequest request, Authentication viewer) {
    String chosen = viewer == null ? null : languages.of(viewerId(viewer)).orElse(null);
    return Locale.forLanguageTag(Languages.forPage(lang, chosen,
        request.getHeader("Accept-Language")));
  }

  private ResponseEntity<String> html(HttpStatus status, String page, Locale locale,
      Map<String, Object> model) {
    return ResponseEntity.status(status).contentType(new MediaType("text", "html",
        java.nio.charset.StandardCharsets.UTF_8))
        .header("Cache-Control", "no-store")
        .header("Content-Language", locale.getLanguage())
        .body(pages.render(page, locale, model));
  }

  /** The planning cycles laid out on one year axis for the SVG timeline. */
  record Timeline(int fromYear, int toYear, int currentYear, List<Bar> bars) {
    record Bar(String label, int x, int width, Integer markerX, String status) {
    }

    static final int YEAR_WIDTH = 120;

    static Timeline of(List<PlanningReads.Cycle> cycles) {
      int current = EngineReads.now().atOffset(java.time.ZoneOffset.UTC).getYear();
      int from = cycles.stream().map(PlanningReads.Cycle::firstYear)
          .filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(current);
      int to = cycles.stream().map(PlanningReads.Cycle::lastYear)
          .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(current + 2);
      List<Bar> bars = cycles.stream().filter(cycle -> cycle.firstYear() != null).map(cycle ->
          new Bar(cycle.label() == null ? cycle.businessKey() : cycle.label(),
              (cycle.firstYear() - from) * YEAR_WIDTH,
              ((cycle.lastYear() == null ? cycle.firstYear() + 2 : cycle.lastYear())
                  - cycle.firstYear() + 1) * YEAR_WIDTH,
              cycle.currentYear() == null ? null
                  : (cycle.currentYear() - from) * YEAR_WIDTH + YEAR_WIDTH / 2,
              cycle.status())).toList();
      return new Timeline(from, to, current, bars);
    }

    public List<Integer> years() {
      return java.util.stream.IntStream.rangeClosed(fromYear, toYear).boxed().toList();
    }

    public int width() {
      return (toYear - fromYear + 1) * YEAR_WIDTH;
    }
  }
}
