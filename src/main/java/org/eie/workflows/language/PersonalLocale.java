package org.eie.workflows.language;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The locale of every request Spring MVC answers (our API's refusals, forms/ApiProblems): the
 * signed-in person's language ({@link PersonalLanguage}), else their browser's first of ours, else
 * English. The dashboard and the documents choose their language themselves. Changed only with
 * {@code PUT /api/me/language}, never by a request parameter.
 */
@Component("localeResolver")
class PersonalLocale implements LocaleResolver {

  private final PersonalLanguage languages;
  private final IdentityService identity;

  PersonalLocale(PersonalLanguage languages, IdentityService identity) {
    this.languages = languages;
    this.identity = identity;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Authentication user = identity.getCurrentAuthentication();
    return Locale.forLanguageTag(languages.forReader(user == null ? null : user.getUserId(),
        request.getHeader("Accept-Language")));
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("A person's language is changed with PUT "
        + LanguageController.PATH);
  }
}
