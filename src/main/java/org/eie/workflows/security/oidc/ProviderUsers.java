package org.eie.workflows.security.oidc;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.eie.workflows.security.EieUser;
import org.eie.workflows.security.oidc.OidcProperties.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * Users who sign in with a provider, kept in the engine's identity store: at every sign-in
 * (and for every API call with a token) the user's name and e-mail address are written from
 * the token and their group memberships set to exactly what the mapping gives, so a group the
 * provider no longer names is gone. Task notifications, candidate groups, the four-eyes checks
 * and Tasklist's own re-reading of a session's groups then see the same user as the token.
 *
 * <p>A user id that exists here and was not created by the same provider is refused: a provider
 * account called {@code admin} never becomes the local administrator.
 */
class ProviderUsers {

  /** Identity info key naming the provider that owns the user. */
  static final String PROVIDER_KEY = "eie.oidc.provider";

  private static final Logger log = LoggerFactory.getLogger(ProviderUsers.class);
  private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._@-]{0,63}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identity;

  ProviderUsers(IdentityService identity) {
    this.identity = identity;
  }

  /** Why a provider's user is not let in. */
  enum Refusal {
    /** The token names no group of ours (or only groups that do not exist yet). */
    NO_ROLE,
    /** The user id is taken by a local account or another provider's user. */
    TAKEN,
    /** The token has no usable user id claim. */
    NO_USER_ID
  }

  static final class Refused extends RuntimeException {
    private final Refusal refusal;

    Refused(Refusal refusal, String message) {
      super(message);
      this.refusal = refusal;
    }

    Refusal refusal() {
      return refusal;
    }
  }

  /** The user as the engine knows them after this sign-in, or {@link Refused}. */
  EieUser signIn(String providerId, Provider provider, Map<String, ?> claims) {
    Object idClaim = ClaimMapping.claim(claims, provider.userIdClaim());
    String userId = idClaim == null ? null : provider.userIdPrefix() + idClaim;
    if (userId == null || !USER_ID.matcher(userId).matches()) {
      throw new Refused(Refusal.NO_USER_ID, "Token of " + providerId + " has no usable "
          + provider.userIdClaim() + " claim");
    }
    Set<String> mapped = ClaimMapping.groupsOf(claims, provider.mappings());
    var previous = identity.getCurrentAuthentication();
    identity.clearAuthentication(); // the sign-in itself is not a user's action
    try {
      Set<String> groups = existing(mapped, providerId);
      if (groups.isEmpty()) {
        throw new Refused(Refusal.NO_ROLE, userId + " of " + providerId
            + " has no role here: the token names no mapped group");
      }
      User user = identity.createUserQuery().userId(userId).singleResult();
      if (user != null && !providerId.equals(identity.getUserInfo(userId, PROVIDER_KEY))) {
        throw new Refused(Refusal.TAKEN, "User id " + userId
            + " belongs to a local account or another provider; not signed in from " + providerId);
      }
      if (user == null) {
        user = identity.newUser(userId);
        // Nobody knows this password: a provider's user cannot log in with one.
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        user.setPassword(Base64.getEncoder().encodeToString(secret));
        describe(user, claims);
        identity.saveUser(user);
        identity.setUserInfo(userId, PROVIDER_KEY, providerId);
      } else if (describe(user, claims)) {
        identity.saveUser(user);
      }
      setMemberships(userId, groups);
      List<String> tenants = identity.createTenantQuery().userMember(userId)
          .includingGroupsOfUser(true).list().stream().map(Tenant::getId).sorted().toList();
      return new EieUser(userId, List.copyOf(groups), tenants);
    } finally {
      if (previous != null) {
        identity.setAuthentication(previous);
      }
    }
  }

  /** The mapped groups that exist; a partner organisation not registered yet gives nothing. */
  private Set<String> existing(Set<String> mapped, String providerId) {
    if (mapped.isEmpty()) {
      return Set.of();
    }
    Set<String> existing = new TreeSet<>(identity.createGroupQuery()
        .groupIdIn(mapped.toArray(String[]::new)).list().stream().map(Group::getId).toList());
    if (existing.size() < mapped.size()) {
      var missing = new TreeSet<>(mapped);
      missing.removeAll(existing);
      log.warn("Provider {} maps to groups that do not exist (yet): {}", providerId, missing);
    }
    return existing;
  }

  /** Writes name and e-mail from the token; true if anything changed. */
  private static boolean describe(User user, Map<String, ?> claims) {
    String first = text(claims.get("given_name"));
    String last = text(claims.get("family_name"));
    if (first == null && last == null && text(claims.get("name")) != null) {
      last = text(claims.get("name"));
    }
    String email = text(claims.get("email"));
    boolean changed = !Objects.equals(first, user.getFirstName())
        || !Objects.equals(last, user.getLastName()) || !Objects.equals(email, user.getEmail());
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(email);
    return changed;
  }

  private void setMemberships(String userId, Set<String> groups) {
    Set<String> current = new HashSet<>(identity.createGroupQuery().groupMember(userId).list()
        .stream().map(Group::getId).toList());
    for (String group : current) {
      if (!groups.contains(group)) {
        identity.deleteMembership(userId, group);
      }
    }
    for (String group : groups) {
      if (!current.contains(group)) {
        identity.createMembership(userId, group);
      }
    }
  }

  private static String text(Object claim) {
    return claim == null || !StringUtils.hasText(claim.toString()) ? null : claim.toString();
  }
}
