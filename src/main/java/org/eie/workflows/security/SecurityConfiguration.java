package org.eie.workflows.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.eie.workflows.forms.FormTranslations;
import org.eie.workflows.forms.TaskForms;
import org.eie.workflows.language.PersonalLanguage;
import org.eie.workflows.security.oidc.OidcSignIn;
import org.eie.workflows.tasklist.TaskListWording;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Secure by default. Nothing answers without authentication but the health check, the engine
 * list and the webapps' login (Tasklist, Cockpit and Admin keep their own session login, CSRF
 * protection and Camunda's application authorizations). The REST API {@code /engine-rest/**} and
 * our own {@code /api/**} take HTTP Basic credentials of Camunda users and run every call as that
 * user, so the engine's authorization and tenant checks apply. Both engine APIs (the REST API and
 * the webapps' {@code /camunda/api/engine}) are walled by the allow-list of {@link EngineRoutes},
 * and answer in the caller's language: forms, tasks, filters, processes
 * ({@link AnswersInTheirLanguage}).
 * The dashboard ({@code /dashboard})
 * logs in with a form against the same users, or takes the webapps' login from the session.
 */
@Configuration
class SecurityConfiguration {

  /** Waits after failed logins, checked before any password (ThrottledLogins). */
  private final LoginThrottle logins;
  /** Single sign-on with identity providers, when any is configured (docs/access.md, "Signing in with your organisation"). */
  private final OidcSignIn singleSignOn;

  /** Users' languages, for the engine's answers they read (AnswersInTheirLanguage). */
  private final PersonalLanguage languages;
  private final FormTranslations formTranslations = FormTranslations.fromClasspath();
  /** Tasks' deployed forms, for what Tasklist asks when it opens one (TaskFormAnswers). */
  private final TaskForms taskForms;
  /** Tasklist's reads, each in one engine command (made with the first chain). */
  private TasklistReadsInOneCommand tasklistReads;

  SecurityConfiguration(LoginThrottle logins, ObjectProvider<OidcSignIn> singleSignOn,
      PersonalLanguage languages, TaskForms taskForms) {
    this.logins = logins;
    this.singleSignOn = singleSignOn.getIfAvailable();
    this.languages = languages;
    this.taskForms = taskForms;
  }

  @Bean
  @Order(1)
  SecurityFilterChain restApi(HttpSecurity http, IdentityService identity, ProcessEngine engine,
      TaskListWording wording) throws Exception {
    if (singleSignOn != null) {
      singleSignOn.acceptTokens(http);
    }
    return http
        .securityMatcher(new OrRequestMatcher(path("/engine-rest/**"), path("/api/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path(HttpMethod.GET, "/engine-rest/engine")).permitAll()
            // Donors have no Camunda account: the unguessable, expiring token in the path is
            // their credential (donors/DonorDownloadController checks it, 404/410 otherwise).
            .requestMatchers(path(HttpMethod.GET, "/api/donor-downloads/{token}")).permitAll()
            .anyRequest().authenticated())
        .httpBasic(withDefaults())
        .addFilterBefore(ThrottledLogins.basic(logins), BasicAuthenticationFilter.class)
        .csrf(csrf -> csrf.disable()) // stateless, credentials on every request, no cookie
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
        .with(engineGuards(EngineAuthenticationFilter.class, engine, wording), withDefaults())
        .build();
  }

  /**
   * The dashboard: a form login against the same Camunda users (and their groups and tenants),
   * kept in the session, with CSRF protection; a user already logged into the webapps is let in
   * with that login. Every page runs as the viewer, so the engine's tenant check applies.
   */
  @Bean
  @Order(2)
  SecurityFilterChain dashboard(HttpSecurity http, IdentityService identity) throws Exception {
    if (singleSignOn != null) {
      singleSignOn.signInDashboard(http);
    }
    return http
        .securityMatcher(new OrRequestMatcher(path("/dashboard"), path("/dashboard/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/dashboard/login"), path("/dashboard/dashboard.css"))
            .permitAll()
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/dashboard/login")
            .defaultSuccessUrl("/dashboard", false).failureUrl("/dashboard/login?error"))
        .logout(logout -> logout.logoutUrl("/dashboard/logout")
            .logoutSuccessUrl("/dashboard/login?logout"))
        .addFilterBefore(ThrottledLogins.dashboard(logins), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new WebappSessionAuthentication(), AnonymousAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain everythingElse(HttpSecurity http, ProcessEngine engine,
      TaskListWording wording) throws Exception {
    if (singleSignOn != null) {
      singleSignOn.signInWebapps(http);
    }
    return http
        .authorizeHttpRequests(requests -> {
          if (singleSignOn != null) {
            requests.requestMatchers(path(HttpMethod.GET, "/login")).permitAll(); // sign-in page
          }
          requests
            .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
            // CVE-2026-77226: the Admin webapp's first-run setup must never create a user.
            .requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
            // Error pages render for requests that failed; asked for directly they are refused.
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            .requestMatchers(path("/"), path("/camunda/**")).permitAll()
            .anyRequest().denyAll();
        })
        // The webapps send Camunda's own CSRF token (CsrfPreventionFilter); a second scheme
        // would break them.
        .csrf(csrf -> csrf.disable())
        .addFilterBefore(ThrottledLogins.webapps(logins), AuthorizationFilter.class)
        .with(engineGuards(AuthorizationFilter.class, engine, wording), withDefaults())
        .build();
  }

  /**
   * The actuator: health for everyone (details only for administrators), the metrics
   * ({@code /actuator/prometheus}) for administrators only, by HTTP Basic: 401 without
   * credentials, 403 for anyone not in {@code camunda-admin}.
   */
  @Bean
  @Order(0)
  SecurityFilterChain actuator(HttpSecurity http) throws Exception {
    return http
        .securityMatcher(path("/actuator/**"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
            .requestMatchers(path("/actuator/prometheus"))
            .hasAuthority("GROUP_" + org.eie.workflows.identity.Groups.ADMINS)
            .anyRequest().denyAll())
        .httpBasic(withDefaults())
        .addFilterBefore(ThrottledLogins.basic(logins), BasicAuthenticationFilter.class)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  /**
   * Spring Security's own observations time each of the twenty-odd filters of every request, for
   * metrics nobody reads (the operators' are the engine's, the documents' and the HTTP
   * requests'): off, so the chains run undecorated.
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * The engine API's guards, the same in both chains that reach it (the REST API and the
   * webapps), in this order after {@code after}: the wall (allow-list per role), the guard on
   * query expressions, then Tasklist's reads each in one engine command (the guards after it run
   * inside), the tenant seal, the form bodies' limits, then the answers and refusals in the
   * reader's language, which so rewrite only what the caller may read, and last the answers from
   * a task's form.
   */
  private EngineGuards engineGuards(Class<? extends Filter> after, ProcessEngine engine,
      TaskListWording wording) {
    return new EngineGuards(after, engine, new AnswersInTheirLanguage(languages, List.of(
        new AnswerRewriter.DeployedForms(formTranslations),
        new AnswerRewriter.TaskListNames(wording))), languages,
        new TaskFormAnswers(taskForms, formTranslations, engine), tasklistReads(engine));
  }

  /**
   * One for both chains: the share of the connection pool it may hold is the node's, not each
   * chain's.
   */
  private synchronized TasklistReadsInOneCommand tasklistReads(ProcessEngine engine) {
    if (tasklistReads == null) {
      tasklistReads = new TasklistReadsInOneCommand(engine);
    }
    return tasklistReads;
  }

  /** {@link #engineGuards} as one step of a chain's configuration. */
  private static final class EngineGuards
      extends AbstractHttpConfigurer<EngineGuards, HttpSecurity> {

    private final Class<? extends Filter> after;
    private final ProcessEngine engine;
    private final AnswersInTheirLanguage answers;
    private final PersonalLanguage languages;
    private final TaskFormAnswers taskForms;
    private final TasklistReadsInOneCommand tasklistReads;

    EngineGuards(Class<? extends Filter> after, ProcessEngine engine,
        AnswersInTheirLanguage answers, PersonalLanguage languages, TaskFormAnswers taskForms,
        TasklistReadsInOneCommand tasklistReads) {
      this.after = after;
      this.engine = engine;
      this.answers = answers;
      this.languages = languages;
      this.taskForms = taskForms;
      this.tasklistReads = tasklistReads;
    }

    @Override
    public void init(HttpSecurity http) {
      http.addFilterAfter(new EngineRouteWall(), after)
          .addFilterAfter(new QueryExpressionGuard(), EngineRouteWall.class)
          .addFilterAfter(tasklistReads, QueryExpressionGuard.class)
          .addFilterAfter(new TenantSeal(engine), TasklistReadsInOneCommand.class)
          .addFilterAfter(new EngineFormBodies(), TenantSeal.class)
          .addFilterAfter(answers, EngineFormBodies.class)
          .addFilterAfter(new RefusalsInTheirLanguage(languages), AnswersInTheirLanguage.class)
          .addFilterAfter(taskForms, RefusalsInTheirLanguage.class);
    }
  }

  /**
   * Matches the whole path below the context, whichever servlet serves it: the REST API and the
   * webapps are Jersey servlets, not Spring MVC handlers.
   */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }
}
