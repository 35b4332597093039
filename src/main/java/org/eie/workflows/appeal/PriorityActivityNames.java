package org.eie.workflows.appeal;

import java.util.Optional;
import org.eie.workflows.donors.ActivityNames;
import org.springframework.stereotype.Component;

/** The standard activities' codes and names, for pledges earmarked by name. */
@Component
class PriorityActivityNames implements ActivityNames {

  @Override
  public Optional<String> codeOf(String text) {
    return Optional.ofNullable(PriorityActivity.parse(text)).map(Enum::name);
  }
}
