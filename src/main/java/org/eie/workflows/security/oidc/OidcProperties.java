package org.eie.workflows.security.oidc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The {@code eie.oidc.*} settings: the OpenID Connect providers users may sign in with, and for
 * each the table from the provider's claims to our groups (docs/access.md, "Signing in with your
 * organisation"). Nothing here is read when no provider is configured.
 *
 * @param providers  by registration id (it appears in the redirect URI
 *                   {@code /login/oauth2/code/<id>})
 * @param clockSkew  how far a token's expiry may lie in the past and still be accepted
 */
@ConfigurationProperties("eie.oidc")
public record OidcProperties(Map<String, Provider> providers, Duration clockSkew) {

  public OidcProperties {
    providers = providers == null ? Map.of() : new TreeMap<>(providers);
    clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
    providers.forEach((id, provider) -> provider.check(id));
  }

  /**
   * One identity provider.
   *
   * @param name         shown on the sign-in page ("UNICEF", "Save the Children")
   * @param issuerUri    the issuer; its discovery document is read at start-up
   * @param clientId     this application's client id at the provider
   * @param clientSecret its secret (a confidential client; PKCE is used as well)
   * @param audience     an API client's access token must name this audience ({@code aud});
   *                     default: the client id
   * @param scopes       requested at sign-in; default openid, profile, email
   * @param userIdClaim  the claim that becomes the user id here; default
   *                     {@code preferred_username}
   * @param userIdPrefix put before every user id from this provider, so that two providers (or a
   *                     provider and a local account) cannot name the same user
   * @param mappings     claim values to our groups; a value no row names gives nothing
   */
  public record Provider(String name, String issuerUri, String clientId, String clientSecret,
      String audience, List<String> scopes, String userIdClaim, String userIdPrefix,
      List<Mapping> mappings) {

    public Provider {
      scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email")
          : List.copyOf(scopes);
      userIdClaim = StringUtils.hasText(userIdClaim) ? userIdClaim : "preferred_username";
      userIdPrefix = userIdPrefix == null ? "" : userIdPrefix;
      mappings = mappings == null ? List.of() : List.copyOf(mappings);
      audience = StringUtils.hasText(audience) ? audience : clientId;
    }

    void check(String id) {
      if (!StringUtils.hasText(issuerUri) || !StringUtils.hasText(clientId)) {
        throw new IllegalStateException(
            "eie.oidc.providers." + id + ": issuer-uri and client-id are required");
      }
      if (!scopes.contains("openid")) {
        throw new IllegalStateException("eie.oidc.providers." + id + ".scopes: must contain openid");
      }
      mappings.forEach(mapping -> mapping.check(id));
    }

    String displayName(String id) {
      return StringUtils.hasText(name) ? name : id;
    }
  }

  /**
   * One row of the table: a user whose claim {@code claim} is {@code value}, or is a list
   * holding it, is a member of {@code groups}.
   *
   * @param claim  the claim's name; a dotted path reads inside a claim
   *               ({@code realm_access.roles})
   * @param value  compared exactly, case included
   * @param groups our group ids
   */
  public record Mapping(String claim, String value, List<String> groups) {

    public Mapping {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }

    void check(String provider) {
      if (!StringUtils.hasText(claim) || !StringUtils.hasText(value) || groups.isEmpty()) {
        throw new IllegalStateException("eie.oidc.providers." + provider
            + ".mappings: every row needs a claim, a value and at least one group");
      }
    }
  }
}
