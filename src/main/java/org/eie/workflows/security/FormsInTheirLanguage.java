package org.eie.workflows.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.eie.workflows.forms.FormTranslations;
import org.eie.workflows.language.Languages;
import org.eie.workflows.language.PersonalLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A deployed Camunda Form read in the reader's language: the engine answers a task's
 * {@code deployed-form} or a definition's {@code deployed-start-form} with the English form it
 * was deployed with, and this rewrites its texts into the language the caller chose
 * ({@link PersonalLanguage}), else their browser's, for Tasklist and REST clients alike (both
 * engine APIs). Only texts change ({@link FormTranslations}): the fields' keys, the options'
 * values and the validation are those of the deployed form, so the submission is the same in
 * every language. English callers get the engine's answer untouched.
 */
final class FormsInTheirLanguage extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FormsInTheirLanguage.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The routes below the engine's root that answer a form's schema. */
  static final Pattern FORM_ROUTES = Pattern.compile("/task/[^/]+/deployed-form"
      + "|/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/deployed-start-form");

  private final PersonalLanguage languages;
  private final FormTranslations translations;

  FormsInTheirLanguage(PersonalLanguage languages, FormTranslations translations) {
    this.languages = languages;
    this.translations = translations;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = TenantSeal.pathOf(request);
    return !"GET".equals(request.getMethod()) || !TenantSeal.ENGINE_API.matcher(path).matches()
        || !FORM_ROUTES.matcher(EngineRouteWall.routeOf(path)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String language = languageOf(request);
    if (Languages.ENGLISH.equals(language)) {
      chain.doFilter(request, response);
      return;
    }
    var answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    response.setHeader("Vary", "Accept-Language, Cookie, Authorization");
    if (answer.getStatus() == HttpServletResponse.SC_OK && answer.getContentSize() > 0) {
      try {
        JsonNode form = JSON.readTree(answer.getContentAsByteArray());
        translations.translate(form, language, Languages.isRightToLeft(language));
        byte[] translated = JSON.writeValueAsBytes(form);
        answer.resetBuffer();
        answer.setContentLength(translated.length);
        answer.setHeader("Content-Language", language);
        answer.getOutputStream().write(translated);
      } catch (IOException notAForm) {
        LOG.warn("A deployed form at {} is not JSON; sent as the engine wrote it",
            request.getRequestURI());
      }
    }
    answer.copyBodyToResponse();
  }

  /** The caller's chosen language, else their browser's, else English. */
  private String languageOf(HttpServletRequest request) {
    String chosen = Callers.of(request).flatMap(user -> languages.of(user.id())).orElse(null);
    return Languages.forPage(null, chosen, request.getHeader("Accept-Language"));
  }
}
