package org.eie.workflows.dashboard;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.eie.workflows.documents.Clock24;
import org.eie.workflows.language.Languages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the dashboard's pages on the server from {@code templates/dashboard/*.html}: plain HTML
 * tables and inline SVG, no script, so a page is one small request on a slow connection.
 */
@Component
class DashboardPages {

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final MessageSource messages;

  DashboardPages(DashboardMessages messages) {
    this.messages = messages.source();
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/dashboard/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(this.messages);
    engine.setEnableSpringELCompiler(true);
  }

  String render(String page, Locale locale, Map<String, Object> model) {
    var context = new Context(locale, model);
    context.setVariable("fmt", new Formats(messages, locale));
    context.setVariable("lang", locale.getLanguage());
    context.setVariable("dir", Languages.isRightToLeft(locale.getLanguage()) ? "rtl" : "ltr");
    context.setVariable("languages", LANGUAGE_NAMES);
    return engine.process(page, context);
  }

  /** Each language by its own name ("Français", "العربية"), for the language chooser. */
  static final Map<String, String> LANGUAGE_NAMES = Languages.CODES.stream().collect(
      java.util.stream.Collectors.toMap(code -> code, code -> {
        Locale language = Locale.forLanguageTag(code);
        String name = language.getDisplayLanguage(language);
        return name.substring(0, 1).toUpperCase(language) + name.substring(1);
      }, (a, b) -> a, java.util.LinkedHashMap::new));

  /** Dates, money and deadlines in the viewer's language. */
  public static final class Formats {
    private final MessageSource messages;
    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    Formats(MessageSource messages, Locale locale) {
      this.messages = messages;
      this.locale = locale;
      this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
          .withZone(ZoneOffset.UTC);
      this.dateTime = Clock24.dateAndTime(FormatStyle.MEDIUM, locale).withZone(ZoneOffset.UTC);
    }

    public String date(Instant instant) {
      return instant == null ? "" : date.format(instant);
    }

    public String dateTime(Instant instant) {
      return instant == null ? "" : dateTime.format(instant) + " UTC";
    }

    /** Whole dollars without decimals, an amount with cents with its two digits of cents. */
    public String usd(BigDecimal amount) {
      if (amount == null) {
        return "—";
      }
      NumberFormat format = NumberFormat.getNumberInstance(locale);
      int cents = amount.stripTrailingZeros().scale() > 0 ? 2 : 0;
      format.setMinimumFractionDigits(cents);
      format.setMaximumFractionDigits(Math.max(cents, amount.stripTrailingZeros().scale()));
      return format.format(amount) + " USD";
    }

    public String percent(BigDecimal percent) {
      if (percent == null) {
        return "—";
      }
      NumberFormat format = NumberFormat.getNumberInstance(locale);
      format.setMinimumFractionDigits(1);
      format.setMaximumFractionDigits(1);
      return format.format(percent) + " %";
    }

    /** The width of a coverage bar, at most the full bar. */
    public int bar(BigDecimal percent, int full) {
      if (percent == null) {
        return 0;
      }
      return (int) Math.round(Math.min(100.0, percent.doubleValue()) * full / 100.0);
    }

    public String minutes(Long minutes) {
      if (minutes == null) {
        return "";
      }
      long m = Math.abs(minutes);
      String text = m >= 1440 ? messages.getMessage("duration.days",
          new Object[] {String.format(locale, "%.1f", m / 1440.0)}, locale)
          : m >= 60 ? messages.getMessage("duration.hours",
              new Object[] {String.format(locale, "%.1f", m / 60.0)}, locale)
          : messages.getMessage("duration.minutes", new Object[] {m}, locale);
      return text;
    }

    /** "met on …", "due in 3 days", "overdue since …", "closed …". */
    public String deadline(Deadline deadline) {
      if (deadline == null) {
        return "—";
      }
      Object argument = switch (deadline.state()) {
        case DUE -> deadline.daysLeft();
        case OVERDUE -> date(deadline.overdueSince());
        case MET, MET_LATE -> date(deadline.doneAt() == null ? deadline.dueAt() : deadline.doneAt());
        case CLOSED -> date(deadline.dueAt());
      };
      return messages.getMessage("deadline.state." + deadline.state(), new Object[] {argument},
          locale);
    }

    public String deadlineName(Deadline deadline) {
      return deadline == null ? "" : messages.getMessage("deadline." + deadline.name(), null,
          deadline.name(), locale);
    }

    /**
     * A country by its name in the page's language ("Liban", "لبنان"), CLDR's as the JDK has it;
     * in English, and for a code CLDR does not know, the name this installation configured.
     */
    public String country(String code, String configuredName) {
      if (code == null || locale.getLanguage().equals(Languages.ENGLISH)) {
        return configuredName;
      }
      String name = new Locale("", code).getDisplayCountry(locale);
      return name.isEmpty() || name.equalsIgnoreCase(code) ? configuredName : name;
    }

    public String text(String key, String fallback) {
      return key == null ? "" : messages.getMessage(key, null, fallback, locale);
    }

    /** A step of a process in the viewer's language; the diagram's name if it has no key. */
    public String step(String processKey, String activityId, String name) {
      return text(processKey + "." + activityId, name);
    }

    /**
     * The steps a process is at, named by the diagram (as the read API answers them), in the
     * viewer's language, joined: each found by its English name in the step bundle.
     */
    public String steps(java.util.List<String> names) {
      return names == null ? "" : String.join(", ", names.stream()
          .map(name -> {
            String key = StepWording.keyOf(name);
            return key == null ? name : text(key, name);
          }).toList());
    }
  }
}
