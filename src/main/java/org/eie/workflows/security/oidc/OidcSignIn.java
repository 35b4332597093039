package org.eie.workflows.security.oidc;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.security.EieUser;
import org.eie.workflows.security.oidc.OidcProperties.Provider;
import org.eie.workflows.security.oidc.ProviderUsers.Refused;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.http.HttpMethod;

/**
 * Single sign-on with the providers of {@code eie.oidc.providers}, only when at least one is
 * configured: the browser signs in with the authorization code flow and PKCE, API clients send
 * the provider's access tokens; both become a user of the engine's identity store whose groups
 * are set from the token ({@link ProviderUsers}). The webapps take the browser's sign-in through
 * Camunda's container-based authentication ({@link ProviderWebappFilter}); local accounts keep
 * their own logins beside it.
 */
@Configuration
@Conditional(OidcConfigured.class)
@EnableConfigurationProperties(OidcProperties.class)
public class OidcSignIn {

  private final OidcProperties properties;
  private final ProviderUsers users;
  private final ClientRegistrationRepository registrations;

  OidcSignIn(OidcProperties properties, EieProperties eie, IdentityService identity) {
    this.properties = properties;
    this.users = new ProviderUsers(identity);
    properties.providers().forEach((id, provider) -> provider.mappings().stream()
        .flatMap(mapping -> mapping.groups().stream())
        .filter(group -> !ClaimMapping.isOurs(group, eie.countries().keySet()))
        .findFirst().ifPresent(group -> {
          throw new IllegalStateException("eie.oidc.providers." + id + ".mappings: " + group
              + " is not a group of ours (docs/access.md, \"Signing in with your organisation\")");
        }));
    List<ClientRegistration> clients = new ArrayList<>();
    properties.providers().forEach((id, provider) -> clients.add(
        ClientRegistrations.fromIssuerLocation(provider.issuerUri()).registrationId(id)
            .clientId(provider.clientId()).clientSecret(provider.clientSecret())
            .clientName(provider.displayName(id)).scope(provider.scopes())
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").build()));
    this.registrations = new InMemoryClientRegistrationRepository(clients);
  }

  @Bean
  ClientRegistrationRepository clientRegistrationRepository() {
    return registrations;
  }

  /** The webapps' container-based authentication, after Spring Security's filters. */
  @Bean
  FilterRegistrationBean<ProviderWebappFilter> providerWebappFilter() {
    var registration = new FilterRegistrationBean<>(new ProviderWebappFilter());
    registration.setInitParameters(Map.of("authentication-provider",
        ProviderWebappAuthentication.class.getName()));
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setOrder(101);
    return registration;
  }

  /** The providers by registration id, for the sign-in page. */
  Map<String, Provider> providers() {
    return properties.providers();
  }

  /** Tasklist, Cockpit, Admin and the sign-in itself: {@code /login}, {@code /logout}. */
  public void signInWebapps(HttpSecurity http) throws Exception {
    var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
        "/oauth2/authorization");
    // PKCE for confidential clients too (Spring adds it by itself only for public ones).
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    http.oauth2Login(login -> login.loginPage("/login")
            .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
            .userInfoEndpoint(info -> info.oidcUserService(new ProviderSignIns(properties, users)))
            .successHandler(signedIn())
            .failureHandler(refused()))
        .logout(logout -> logout
            .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.POST, "/logout"))
            .logoutSuccessHandler(signedOut()))
        .addFilterBefore(new SignOut(), AuthorizationFilter.class)
        .addFilterAfter(new SignInRedirect(), SignOut.class);
  }

  /** The dashboard: without a login, the sign-in page; logging out ends the provider's too. */
  public void signInDashboard(HttpSecurity http) throws Exception {
    http.exceptionHandling(handling -> handling
            .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
        .logout(logout -> logout.logoutSuccessHandler(signedOut()));
  }

  /** {@code /engine-rest} and {@code /api}: the providers' access tokens, beside HTTP Basic. */
  public void acceptTokens(HttpSecurity http) throws Exception {
    http.oauth2ResourceServer(server -> server.authenticationManagerResolver(bearerTokens()));
  }

  private AuthenticationManagerResolver<HttpServletRequest> bearerTokens() {
    Map<String, String> providerByIssuer = new ConcurrentHashMap<>();
    properties.providers().forEach((id, provider) -> providerByIssuer.put(
        registrations.findByRegistrationId(id).getProviderDetails().getIssuerUri(), id));
    Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
    // A token of any other issuer (another realm, another tenant) is refused: 401.
    return new JwtIssuerAuthenticationManagerResolver(issuer -> {
      String id = providerByIssuer.get(issuer);
      return id == null ? null : managers.computeIfAbsent(issuer, trusted -> tokens(id, trusted));
    });
  }

  private AuthenticationManager tokens(String id, String issuer) {
    Provider provider = properties.providers().get(id);
    var decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        new JwtTimestampValidator(properties.clockSkew()), new JwtIssuerValidator(issuer),
        jwt -> jwt.getAudience() != null && jwt.getAudience().contains(provider.audience())
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "The token is not meant for this application (aud)", null))));
    var tokens = new JwtAuthenticationProvider(decoder);
    tokens.setJwtAuthenticationConverter((Jwt jwt) -> {
      try {
        EieUser user = users.signIn(id, provider, jwt.getClaims());
        return UsernamePasswordAuthenticationToken.authenticated(user, jwt, user.groups().stream()
            .map(group -> new SimpleGrantedAuthority("GROUP_" + group)).toList());
      } catch (Refused refused) {
        throw new InvalidBearerTokenException(refused.getMessage());
      }
    });
    return tokens::authenticate;
  }

  private AuthenticationSuccessHandler signedIn() {
    var saved = new SavedRequestAwareAuthenticationSuccessHandler();
    saved.setDefaultTargetUrl("/camunda/app/tasklist/");
    return (request, response, authentication) -> {
      SignOut.signedIn(request);
      saved.onAuthenticationSuccess(request, response, authentication);
    };
  }

  /** The sign-in page explains a refusal by its code ({@link ProviderUsers.Refusal}). */
  private static AuthenticationFailureHandler refused() {
    return (request, response, failure) -> {
      String code = failure instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException oauth
          ? oauth.getError().getErrorCode() : "error";
      response.sendRedirect("/login?refused=" + java.net.URLEncoder.encode(code,
          java.nio.charset.StandardCharsets.UTF_8));
    };
  }

  /** Ends the provider's session too (RP-initiated logout), then back to the sign-in page. */
  private LogoutSuccessHandler signedOut() {
    return new SignedOut(registrations);
  }
}
