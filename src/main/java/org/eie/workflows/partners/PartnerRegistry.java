package org.eie.workflows.partners;

import org.eie.workflows.forms.NotFound;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.forms.StateConflict;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.identity.Groups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner organisations: our table {@code eie_partner_organisation} and, for each, a Camunda
 * group of its users. Changes to groups and memberships run past the engine's authorization
 * checks (co-leads hold no identity permissions): whoever calls a changing method here has passed
 * our own role check ({@link PartnerAccess}) first. Both the record and the group are written in
 * the one transaction the engine shares with us, so a failure leaves neither.
 */
@Component
public class PartnerRegistry {

  private final JdbcClient jdbc;
  private final ProcessEngine engine;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final EieProperties properties;

  PartnerRegistry(JdbcClient jdbc, ProcessEngine engine, EieProperties properties) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.authorizations = engine.getAuthorizationService();
    this.properties = properties;
  }

  /** The organisation with this id, whichever country. */
  public Optional<PartnerOrganisation> find(String id) {
    return jdbc.sql("select * from eie_partner_organisation where id = ?").param(id)
        .query(PartnerRegistry::organisation).optional();
  }

  /** A country's organisations, by name. */
  public List<PartnerOrganisation> ofCountry(String country) {
    return jdbc.sql("select * from eie_partner_organisation where country = ? order by name")
        .param(country).query(PartnerRegistry::organisation).list();
  }

  /**
   * The organisations of a country whose groups are among these (a user's groups at the time of
   * a submission): usually one, none for a user attached to no organisation of that country.
   */
  public List<PartnerOrganisation> organisationsOf(String country, Collection<String> groupIds) {
    return ofCountry(country).stream().filter(o -> groupIds.contains(o.groupId())).toList();
  }

  List<PartnerOrganisation> ofCountries(Collection<String> countries) {
    return jdbc.sql("select * from eie_partner_organisation order by country, name")
        .query(PartnerRegistry::organisation).list().stream()
        .filter(o -> countries.contains(o.country())).toList();
  }

  /**
   * Registers a validated organisation and creates its group; 400 on {@code acronym} or
   * {@code name} if the country already has one of that acronym or name.
   */
  @Transactional
  PartnerOrganisation register(PartnerOrganisationInput input, String registeredBy) {
    String id = input.id();
    if (find(id).isPresent()) {
      throw new InvalidInput("acronym", "an organisation with acronym '"
          + input.acronym() + "' is already registered in " + input.country() + " (" + id + ")");
    }
    if (jdbc.sql("select count(*) from eie_partner_organisation where country = ? and name = ?")
        .params(input.country(), input.name()).query(Integer.class).single() > 0) {
      throw new InvalidInput("name", "an organisation named '" + input.name()
          + "' is already registered in " + input.country());
    }
    String countryName = properties.countries().getOrDefault(input.country(), input.country());
    Group existing = withoutAuthorization(
        () -> identity.createGroupQuery().groupId(id).singleResult());
    if (existing != null && !PartnerOrganisation.GROUP_TYPE.equals(existing.getType())) {
      throw new InvalidInput("acronym", "the group id " + id + " is taken by another"
          + " group (" + existing.getName() + "): choose another acronym");
    }
    if (existing == null) {
      withoutAuthorization(() -> {
        Group group = identity.newGroup(id);
        group.setName(input.name() + " (" + input.acronym() + "), " + countryName);
        group.setType(PartnerOrganisation.GROUP_TYPE);
        identity.saveGroup(group);
        return null;
      });
    }
    withoutAuthorization(() -> {
      // Its members see their group's name in Tasklist, as every role group's members do (the
      // engine grants that to a new group itself; an adopted group may lack it).
      if (authorizations.createAuthorizationQuery().groupIdIn(id)
          .resourceType(Resources.GROUP).resourceId(id).count() == 0) {
        var read = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        read.setGroupId(id);
        read.setResource(Resources.GROUP);
        read.setResourceId(id);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
      }
      return null;
    });
    jdbc.sql("insert into eie_partner_organisation (id, country, name, acronym, type,"
            + " registered_by, registered_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(id, input.country(), input.name(), input.acronym(), input.type(), registeredBy,
            Timestamp.from(Instant.now()))
        .update();
    return find(id).orElseThrow();
  }

  /**
   * Attaches an existing Camunda user to an organisation: member of its group and of the
   * country's {@code partners-XX} (tenant, call for projects). Idempotent; records who did it.
   *
   * <p>A membership never gives anyone a country or a role they did not have: only a user who
   * holds no group yet (a partner user being onboarded), or whose every group is a partner group
   * of the organisation's own country ({@code partners-XX} or one of its registered
   * organisations) and who is a direct member of no other country's tenant, may join. Anyone else
   * (a co-lead of any country, an administrator, the Secretariat, a partner of another country)
   * is refused with 409 and nothing changes; their groups are changed by an administrator in
   * Admin.
   */
  @Transactional
  PartnerOrganisation addMember(PartnerOrganisation organisation, String userId, String addedBy) {
    if (withoutAuthorization(() -> identity.createUserQuery().userId(userId).count()) == 0) {
      throw new NotFound("No user " + userId + " (users are created in Admin)");
    }
    if (!mayJoin(userId, organisation.country())) {
      throw new StateConflict(userId + " already holds a role or a country beyond the partners"
          + " of " + organisation.country() + ": a partner organisation takes only users who are"
          + " partners of its country alone or hold no group yet (an administrator changes"
          + " other users' groups in Admin)");
    }
    withoutAuthorization(() -> {
      for (String group : List.of(organisation.groupId(),
          Groups.partnersOf(organisation.country()))) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
          identity.createMembership(userId, group);
        }
      }
      return null;
    });
    if (jdbc.sql("select count(*) from eie_partner_member where organisation_id = ? and"
        + " user_id = ?").params(organisation.id(), userId).query(Integer.class).single() == 0) {
      jdbc.sql("insert into eie_partner_member (organisation_id, user_id, added_by, added_at)"
              + " values (?, ?, ?, ?)")
          .params(organisation.id(), userId, addedBy, Timestamp.from(Instant.now())).update();
    }
    return organisation;
  }

  private boolean mayJoin(String userId, String country) {
    List<String> partnerGroups = new ArrayList<>(List.of(Groups.partnersOf(country)));
    ofCountry(country).forEach(organisation -> partnerGroups.add(organisation.groupId()));
    return withoutAuthorization(() -> identity.createGroupQuery().groupMember(userId).list())
        .stream().allMatch(group -> partnerGroups.contains(group.getId()))
        && withoutAuthorization(() -> identity.createTenantQuery().userMember(userId).list())
        .stream().allMatch(tenant -> tenant.getId().equals(country));
  }

  /** The organisation's users as its group has them, with who attached them where we know. */
  List<PartnerMember> membersOf(PartnerOrganisation organisation) {
    Map<String, PartnerMember> recorded = new HashMap<>();
    jdbc.sql("select user_id, added_by, added_at from eie_partner_member"
            + " where organisation_id = ?").param(organisation.id())
        .query((rs, row) -> new PartnerMember(rs.getString("user_id"), rs.getString("added_by"),
            rs.getTimestamp("added_at").toInstant()))
        .list().forEach(member -> recorded.put(member.userId(), member));
    List<User> users = withoutAuthorization(() -> identity.createUserQuery()
        .memberOfGroup(organisation.groupId()).orderByUserId().asc().list());
    return users.stream().map(user -> recorded.getOrDefault(user.getId(),
        new PartnerMember(user.getId(), null, null))).toList();
  }

  private <T> T withoutAuthorization(Callable<T> work) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired()
        .execute(command -> command.runWithoutAuthorization(work));
  }

  private static PartnerOrganisation organisation(ResultSet rs, int row) throws SQLException {
    return new PartnerOrganisation(rs.getString("id"), rs.getString("country"),
        rs.getString("name"), rs.getString("acronym"),
        PartnerOrganisationType.valueOf(rs.getString("type")), rs.getString("registered_by"),
        rs.getTimestamp("registered_at").toInstant());
  }
}
