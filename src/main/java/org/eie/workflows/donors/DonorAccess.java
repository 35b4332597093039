package org.eie.workflows.donors;

import org.eie.workflows.forms.Forbidden;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Who may work with which donors. Donor contacts are personal data, and a donor receives the
 * appeals of every country it is subscribed to, so:
 * <ul>
 * <li>administrators, the INEE Secretariat and the global co-leads manage every donor;</li>
 * <li>a country's co-leads read a donor subscribed to at least one of their countries (any
 *     other is answered as unknown), and register, change or unsubscribe a donor only if it is
 *     (and stays) subscribed to their countries alone, to at least one, and to no appeal type
 *     (which reaches every country's appeals of that type): any other is the Secretariat's;</li>
 * <li>partners, working groups and the rest get 403.</li>
 * </ul>
 * Which countries a role coordinates is {@link Groups#countriesCoordinatedBy}, the rule partner
 * organisations follow too.
 */
@Component
class DonorAccess {

  private final CurrentUser user;
  private final EieProperties properties;

  DonorAccess(CurrentUser user, EieProperties properties) {
    this.user = user;
    this.properties = properties;
  }

  /** The current user's id, or 403 if their role may not work with donors at all. */
  String requireDonorManager() {
    return user.id().filter(id -> !coordinatedCountries().isEmpty())
        .orElseThrow(() -> new Forbidden(
            "Only the INEE Secretariat and the co-leads manage donors"));
  }

  /**
   * Whether the current user may see what happened in a country: everywhere for those who
   * coordinate every country, a country's co-leads in their country.
   */
  boolean seesCountry(String country) {
    return coordinatedCountries().contains(country);
  }

  /** Whether the current user may read this donor (otherwise it is answered as unknown). */
  boolean reads(Donor donor) {
    return coordinatesEveryCountry()
        || donor.countries().stream().anyMatch(coordinatedCountries()::contains);
  }

  /** 403 unless the current user may change or unsubscribe this donor as it stands. */
  void requireManagerOf(Donor donor) {
    beyondCaller(donor.countries(), donor.appealTypes()).ifPresent(beyond -> {
      throw new Forbidden("This donor is subscribed " + beyond
          + ": the INEE Secretariat and the global co-leads manage it");
    });
  }

  /** 403 unless the current user may subscribe a donor to these countries and appeal types. */
  void requireMaySubscribe(DonorInput donor) {
    beyondCaller(donor.countries(), donor.appealTypes()).ifPresent(beyond -> {
      throw new Forbidden("You may not subscribe a donor " + beyond
          + ": the INEE Secretariat and the global co-leads do");
    });
  }

  /**
   * How a subscription reaches beyond the caller's countries, if it does: a country not theirs,
   * an appeal type (every country's appeals of that type), or no country of theirs at all.
   */
  private Optional<String> beyondCaller(List<String> countries, List<String> appealTypes) {
    if (coordinatesEveryCountry()) {
      return Optional.empty();
    }
    Set<String> yours = coordinatedCountries();
    List<String> others = countries.stream().filter(country -> !yours.contains(country))
        .toList();
    String yoursInWords = " (yours: " + String.join(", ", yours) + ")";
    if (!others.isEmpty()) {
      return Optional.of("to " + String.join(", ", others) + yoursInWords);
    }
    if (!appealTypes.isEmpty()) {
      return Optional.of("by appeal type (" + String.join(", ", appealTypes)
          + "), which reaches every country's appeals of that type" + yoursInWords);
    }
    if (countries.isEmpty()) {
      return Optional.of("to none of your countries" + yoursInWords);
    }
    return Optional.empty();
  }

  private boolean coordinatesEveryCountry() {
    return Groups.coordinateEveryCountry(user.groups());
  }

  private Set<String> coordinatedCountries() {
    return Groups.countriesCoordinatedBy(user.groups(), properties.countries().keySet());
  }
}
