package org.eie.workflows.documents;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

/**
 * Resolves {@code #{key}} from the message bundle beside the document's template
 * ({@code templates/appeal/appeal_fr.properties} for {@code appeal/appeal} in French), read as
 * UTF-8 so translators write plain text. A language without a bundle falls back to the base
 * (English) bundle, never to the server's default locale.
 */
class Utf8MessageResolver extends AbstractMessageResolver {

  private static final ResourceBundle.Control NO_SERVER_LOCALE_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /** Bundles by template and locale: they ship in the jar and never change while it runs. */
  private final Map<List<Object>, ResourceBundle> bundles = new ConcurrentHashMap<>();
  /**
   * Parsed messages with parameters (a choice of plural forms parses into several formats): a
   * 200-project document formats thousands. A MessageFormat is not thread-safe, hence the lock.
   */
  private final Map<List<Object>, MessageFormat> formats = new ConcurrentHashMap<>();

  @Override
  public String resolveMessage(ITemplateContext context, Class<?> origin, String key,
      Object[] parameters) {
    String template = context.getTemplateStack().get(0).getTemplate();
    Locale locale = context.getLocale();
    try {
      var bundle = bundles.computeIfAbsent(List.of(template, locale), unused ->
          ResourceBundle.getBundle("templates/" + template, locale,
              Utf8MessageResolver.class.getClassLoader(), NO_SERVER_LOCALE_FALLBACK));
      String message = bundle.getString(key);
      if (parameters == null || parameters.length == 0) {
        return message;
      }
      MessageFormat format = formats.computeIfAbsent(List.of(template, locale, key),
          unused -> new MessageFormat(message, locale));
      synchronized (format) {
        return format.format(parameters);
      }
    } catch (MissingResourceException e) {
      return null;
    }
  }

  @Override
  public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin,
      String key, Object[] parameters) {
    Locale locale = context.getLocale();
    return "??" + key + "_" + (locale == null ? "" : locale) + "??";
  }
}
