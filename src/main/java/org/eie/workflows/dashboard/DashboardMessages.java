package org.eie.workflows.dashboard;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's wording in each of our languages ({@code language/Languages}), from
 * {@code templates/dashboard/messages*.properties} (UTF-8) so the Language Communities can
 * translate it without touching code; and the diagrams' step names, keyed
 * {@code <processKey>.<activityId>}, from {@code templates/dashboard/steps*.properties}.
 */
@Component
class DashboardMessages {

  private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

  DashboardMessages() {
    source.setBasenames("templates/dashboard/messages", StepWording.BUNDLE);
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
  }

  MessageSource source() {
    return source;
  }
}
