package org.eie.workflows.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eie.workflows.language.Languages;
import org.eie.workflows.language.PersonalLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine API's answers in the reader's language: the one they chose
 * ({@link PersonalLanguage}), else their browser's, else English, for Tasklist and REST clients
 * alike (both engine APIs). The engine keeps its words in English; each {@link AnswerRewriter}
 * says which answers it rewrites (the deployed forms; the names of tasks, filters and
 * processes) and how. An English reader's answer, and any answer no rewriter takes, passes
 * untouched and unbuffered. Another reader's answer is buffered, and rewritten only if it is a
 * {@code 200} in JSON: an error, or an answer of another type, is sent as the engine wrote it. It
 * runs behind the wall ({@link EngineRouteWall}) and the seal ({@link TenantSeal}), on what the
 * caller may already read.
 */
final class AnswersInTheirLanguage extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(AnswersInTheirLanguage.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The reader's language, once looked up, for the filters behind this one. */
  static final String LANGUAGE = AnswersInTheirLanguage.class.getName() + ".language";
  /** What an answer read in the reader's language depends on. */
  static final String VARY = "Accept-Language, Cookie, Authorization";

  private final PersonalLanguage languages;
  private final List<AnswerRewriter> rewriters;

  AnswersInTheirLanguage(PersonalLanguage languages, List<AnswerRewriter> rewriters) {
    this.languages = languages;
    this.rewriters = List.copyOf(rewriters);
  }

  /** The rewriter of the answer to {@code method} on the engine API's {@code path}, if any. */
  Optional<AnswerRewriter> rewriterFor(String method, String path) {
    if (!TenantSeal.ENGINE_API.matcher(path).matches()) {
      return Optional.empty();
    }
    String route = EngineRouteWall.routeOf(path);
    return rewriters.stream().filter(rewriter -> rewriter.matches(method, route)).findFirst();
  }

  /** The rewriter {@link #shouldNotFilter} found, for {@link #doFilterInternal}: looked up once. */
  private static final String REWRITER = AnswersInTheirLanguage.class.getName() + ".rewriter";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    Optional<AnswerRewriter> rewriter =
        rewriterFor(request.getMethod(), TenantSeal.pathOf(request));
    rewriter.ifPresent(found -> request.setAttribute(REWRITER, found));
    return rewriter.isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String language = languages.forReader(Callers.of(request).map(EieUser::id).orElse(null),
        request.getHeader("Accept-Language"));
    request.setAttribute(LANGUAGE, language);
    if (Languages.ENGLISH.equals(language)) {
      chain.doFilter(request, response);
      return;
    }
    AnswerRewriter rewriter = (AnswerRewriter) request.getAttribute(REWRITER);
    var answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    response.setHeader("Vary", VARY);
    String type = answer.getContentType();
    if (answer.getStatus() == HttpServletResponse.SC_OK && type != null && type.contains("json")
        && answer.getContentSize() > 0) {
      rewrite(answer, rewriter, language, request);
    }
    // Sets Content-Length to what is sent: the rewritten answer, or the engine's.
    answer.copyBodyToResponse();
  }

  private static void rewrite(ContentCachingResponseWrapper answer, AnswerRewriter rewriter,
      String language, HttpServletRequest request) throws IOException {
    JsonNode json;
    try {
      json = JSON.readTree(answer.getContentAsByteArray());
    } catch (IOException notJson) {
      LOG.warn("The engine's answer at {} is not JSON; sent as the engine wrote it",
          request.getRequestURI());
      return;
    }
    if (rewriter.rewrite(json, language)) {
      byte[] rewritten = JSON.writeValueAsBytes(json);
      answer.resetBuffer();
      answer.setHeader("Content-Language", language);
      answer.getOutputStream().write(rewritten);
    }
  }
}
