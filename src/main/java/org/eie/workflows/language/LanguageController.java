package org.eie.workflows.language;

import jakarta.servlet.http.HttpServletRequest;
import org.eie.workflows.forms.Forbidden;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every user's own language: {@code GET} says the language they read in (their choice, else their
 * browser's, else English) and whether they chose it; {@code PUT {"language":"es"}} chooses it.
 * Only one's own: there is no user id in the path to get wrong.
 */
@RestController
class LanguageController {

  static final String PATH = "/api/me/language";
  /**
   * The same answer with the webapps' login: Tasklist's page asks it before it starts
   * (webjars/camunda/app/eie/language.js), and only the dashboard takes that login.
   */
  static final String WEBAPPS_PATH = "/dashboard/me/language";

  private final PersonalLanguage languages;
  private final CurrentUser user;

  LanguageController(PersonalLanguage languages, CurrentUser user) {
    this.languages = languages;
    this.user = user;
  }

  /** {@code chosen}: false while the user has not chosen (the browser's language is shown). */
  record LanguageAnswer(String language, boolean chosen) {
  }

  /** The body of {@code PUT}: {@code language}, one of {@link Languages#CODES}. */
  record LanguageInput(String language) {
    String validated() {
      String code = Languages.ours(language);
      if (code == null) {
        throw new InvalidInput("language", (language == null || language.isBlank()
            ? "is required" : "'" + language + "' is not one of our languages")
            + " (one of " + String.join(", ", Languages.CODES) + ")");
      }
      return code;
    }
  }

  @GetMapping({PATH, WEBAPPS_PATH})
  LanguageAnswer read(HttpServletRequest request) {
    var chosen = languages.of(currentUser());
    return new LanguageAnswer(chosen.orElseGet(() -> Languages.ofBrowser(request)),
        chosen.isPresent());
  }

  @PutMapping(PATH)
  LanguageAnswer change(@RequestBody LanguageInput body) {
    String userId = currentUser();
    String code = body.validated();
    languages.choose(userId, code);
    return new LanguageAnswer(code, true);
  }

  private String currentUser() {
    return user.id().orElseThrow(
        () -> new Forbidden("A language belongs to a signed-in user"));
  }
}
