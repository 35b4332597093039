package org.eie.workflows.language;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.eie.workflows.identity.CurrentUser;
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
  private final CurrentUser user;

  PersonalLocale(PersonalLanguage languages, CurrentUser user) {
    this.languages = languages;
    this.user = user;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return Locale.forLanguageTag(languages.forReader(user.id().orElse(null),
        request.getHeader("Accept-Language")));
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("A person's language is changed with PUT "
        + LanguageController.PATH);
  }
}
