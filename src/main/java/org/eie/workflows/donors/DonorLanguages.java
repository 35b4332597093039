package org.eie.workflows.donors;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * The languages the donors of an appeal read: the appeal step writes the document in each of them
 * (as well as the appeal's own) so that every donor receives it in their language.
 */
@Service
public class DonorLanguages {

  private final DonorRegistry registry;

  DonorLanguages(DonorRegistry registry) {
    this.registry = registry;
  }

  /** Languages of the active donors subscribed to the country or the appeal type. */
  public Set<String> of(String country, String appealType) {
    var languages = new TreeSet<String>();
    registry.subscribedTo(country, appealType).forEach(d -> languages.add(d.language()));
    return languages;
  }
}
