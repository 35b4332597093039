package org.eie.workflows.donors;

import org.eie.workflows.forms.NotFound;
import org.eie.workflows.forms.InvalidInput;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The donor registry: donors and their subscriptions, in our own tables. */
@Component
class DonorRegistry {

  private final JdbcClient jdbc;
  private final CurrentVersions currentVersions;

  DonorRegistry(JdbcClient jdbc, CurrentVersions currentVersions) {
    this.jdbc = jdbc;
    this.currentVersions = currentVersions;
  }

  /** Registers a validated donor; 400 on {@code email} if that address is already registered. */
  @Transactional
  Donor register(DonorInput donor) {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    try {
      jdbc.sql("insert into eie_donor (id, organisation, contact_name, email, language, active,"
              + " created_at, updated_at) values (?, ?, ?, ?, ?, true, ?, ?)")
          .params(id, donor.organisation(), donor.contactName(), donor.email(), donor.language(),
              now, now)
          .update();
    } catch (DuplicateKeyException e) {
      throw new InvalidInput("email", "a donor with this e-mail is already registered");
    }
    subscribe(id, donor);
    return welcomed(find(id).orElseThrow());
  }

  /** Replaces a donor's details and subscriptions; re-activates an unsubscribed donor. */
  @Transactional
  Donor update(String id, DonorInput donor) {
    if (find(id).isEmpty()) {
      throw new NotFound("No donor " + id);
    }
    if (jdbc.sql("select count(*) from eie_donor where email = ? and id <> ?")
        .params(donor.email(), id).query(Integer.class).single() > 0) {
      throw new InvalidInput("email", "a donor with this e-mail is already registered");
    }
    jdbc.sql("update eie_donor set organisation = ?, contact_name = ?, email = ?, language = ?,"
            + " active = true, updated_at = ? where id = ?")
        .params(donor.organisation(), donor.contactName(), donor.email(), donor.language(),
            Timestamp.from(Instant.now()), id)
        .update();
    jdbc.sql("delete from eie_donor_country where donor_id = ?").param(id).update();
    jdbc.sql("delete from eie_donor_appeal_type where donor_id = ?").param(id).update();
    subscribe(id, donor);
    return welcomed(find(id).orElseThrow());
  }

  /**
   * A new subscriber (or one with new countries or appeal types, or back after unsubscribing)
   * gets the current version of each open appeal they now receive and do not have yet.
   */
  private Donor welcomed(Donor donor) {
    currentVersions.deliverTo(donor);
    return donor;
  }

  /** Unsubscribes: no further appeals; deliveries and pledges stay on record. */
  @Transactional
  Donor unsubscribe(String id) {
    if (jdbc.sql("update eie_donor set active = false, updated_at = ? where id = ?")
        .params(Timestamp.from(Instant.now()), id).update() == 0) {
      throw new NotFound("No donor " + id);
    }
    return find(id).orElseThrow();
  }

  Optional<Donor> find(String id) {
    return jdbc.sql("select * from eie_donor where id = ?").param(id)
        .query((rs, row) -> new Donor(rs.getString("id"), rs.getString("organisation"),
            rs.getString("contact_name"), rs.getString("email"), rs.getString("language"),
            countriesOf(rs.getString("id")), appealTypesOf(rs.getString("id")),
            rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant()))
        .optional();
  }

  List<Donor> all() {
    return jdbc.sql("select id from eie_donor order by organisation, contact_name")
        .query(String.class).list().stream().map(id -> find(id).orElseThrow()).toList();
  }

  /** Active donors subscribed to the country or to the appeal type (each once). */
  List<Donor> subscribedTo(String country, String appealType) {
    return jdbc.sql("select d.id from eie_donor d where d.active = true and ("
            + " exists (select 1 from eie_donor_country c where c.donor_id = d.id and c.country = ?)"
            + " or exists (select 1 from eie_donor_appeal_type t where t.donor_id = d.id"
            + " and t.appeal_type = ?)) order by d.id")
        .params(country, appealType).query(String.class).list().stream()
        .map(id -> find(id).orElseThrow()).toList();
  }

  private void subscribe(String id, DonorInput donor) {
    donor.countries().forEach(country -> jdbc.sql(
            "insert into eie_donor_country (donor_id, country) values (?, ?)")
        .params(id, country).update());
    donor.appealTypes().forEach(type -> jdbc.sql(
            "insert into eie_donor_appeal_type (donor_id, appeal_type) values (?, ?)")
        .params(id, type).update());
  }

  private List<String> countriesOf(String id) {
    return jdbc.sql("select country from eie_donor_country where donor_id = ? order by country")
        .param(id).query(String.class).list();
  }

  private List<String> appealTypesOf(String id) {
    return jdbc.sql("select appeal_type from eie_donor_appeal_type where donor_id = ?"
        + " order by appeal_type").param(id).query(String.class).list();
  }
}
