package org.eie.workflows.documents;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
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

  @Override
  public String resolveMessage(ITemplateContext context, Class<?> origin, String key,
      Object[] parameters) {
    String template = context.getTemplateStack().get(0).getTemplate();
    try {
      var bundle = ResourceBundle.getBundle("templates/" + template, context.getLocale(),
          Utf8MessageResolver.class.getClassLoader(), NO_SERVER_LOCALE_FALLBACK);
      String message = bundle.getString(key);
      return parameters == null || parameters.length == 0 ? message
          : new MessageFormat(message, context.getLocale()).format(parameters);
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
