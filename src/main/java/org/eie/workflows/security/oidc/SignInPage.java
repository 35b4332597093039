package org.eie.workflows.security.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The sign-in page: one button per provider, the way to the local accounts' login, and why a
 * sign-in was refused (403: the provider knows the user, we give them no role).
 */
@Controller
@Conditional(OidcConfigured.class)
class SignInPage {

  private static final Set<String> REFUSALS = Set.of("no_role", "taken", "no_user_id");

  private final SpringTemplateEngine templates = new SpringTemplateEngine();
  private final OidcSignIn signIn;

  SignInPage(OidcSignIn signIn) {
    this.signIn = signIn;
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/signin/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    templates.setTemplateResolver(resolver);
    var messages = new ResourceBundleMessageSource();
    messages.setBasename("templates/signin/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    templates.setTemplateEngineMessageSource(messages);
  }

  /** The page's five languages; the browser's first choice among them, else English. */
  private static final List<Locale> LANGUAGES = org.eie.workflows.language.Languages.CODES.stream()
      .map(Locale::forLanguageTag).toList();

  static Locale languageOf(String acceptLanguage) {
    try {
      Locale chosen = acceptLanguage == null ? null
          : Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
      return chosen == null ? Locale.ENGLISH : chosen;
    } catch (IllegalArgumentException malformed) {
      return Locale.ENGLISH;
    }
  }

  @GetMapping("/login")
  ResponseEntity<String> signIn(@RequestParam(required = false) String refused,
      @RequestParam(required = false) String logout,
      @RequestHeader(name = "Accept-Language", required = false) String languages) {
    Map<String, String> providers = new LinkedHashMap<>();
    signIn.providers().forEach((id, provider) -> providers.put(id, provider.displayName(id)));
    String reason = refused == null ? null : REFUSALS.contains(refused) ? refused : "error";
    Locale locale = languageOf(languages);
    var context = new Context(locale);
    context.setVariable("lang", locale.getLanguage());
    context.setVariable("dir", "ar".equals(locale.getLanguage()) ? "rtl" : "ltr");
    context.setVariable("providers", providers);
    context.setVariable("refused", reason);
    context.setVariable("loggedOut", logout != null);
    return ResponseEntity.status(reason == null ? HttpStatus.OK : HttpStatus.FORBIDDEN)
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(templates.process("signin", context));
  }
}
