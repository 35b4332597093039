package org.eie.workflows.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.eie.workflows.forms.EngineRestRefusals;
import org.eie.workflows.language.PersonalLanguage;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine APIs' refusal mappers ({@link EngineRestRefusals}) who reads the refusal: the
 * caller's language (their choice, else their browser's, else English), looked up only when a
 * refusal is answered. Here because only the security filters know the caller on both engine
 * APIs (HTTP Basic or a token on the REST API, the session on the webapps' API).
 */
final class RefusalsInTheirLanguage extends OncePerRequestFilter {

  private final PersonalLanguage languages;

  RefusalsInTheirLanguage(PersonalLanguage languages) {
    this.languages = languages;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !TenantSeal.ENGINE_API.matcher(TenantSeal.pathOf(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Supplier<String> language = () -> readerOf(request);
    request.setAttribute(EngineRestRefusals.READER_LANGUAGE, language);
    chain.doFilter(request, response);
  }

  /** The language the answers' filter already looked up (AnswersInTheirLanguage), else now. */
  private String readerOf(HttpServletRequest request) {
    if (request.getAttribute(AnswersInTheirLanguage.LANGUAGE) instanceof String known) {
      return known;
    }
    return languages.forReader(Callers.of(request).map(EieUser::id).orElse(null),
        request.getHeader("Accept-Language"));
  }
}
