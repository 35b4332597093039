package org.eie.workflows.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.eie.workflows.Http;

/** Logged into Tasklist as a browser would be: session cookie and Camunda's CSRF token. */
final class WebappSession {

  private final HttpClient client;
  private final String base;
  private final String csrfToken;

  private WebappSession(HttpClient client, String base, String csrfToken) {
    this.client = client;
    this.base = base;
    this.csrfToken = csrfToken;
  }

  static WebappSession login(Http http, String user, String password) {
    String base = http.request("", null).build().uri().toString();
    var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    var page = send(client, HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).GET());
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    var login = send(client, HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (login.statusCode() != 200) {
      throw new IllegalStateException("Tasklist login failed: " + login.statusCode() + " " + login.body());
    }
    // The login starts a new session with a new CSRF token, handed out on the next read.
    var profile = send(client, HttpRequest.newBuilder(
        URI.create(base + "/camunda/api/admin/auth/user/default")).GET());
    String sessionToken = profile.headers().firstValue("X-XSRF-TOKEN").orElse(token);
    return new WebappSession(client, base, sessionToken);
  }

  HttpResponse<String> get(String path) {
    return send(client, HttpRequest.newBuilder(URI.create(base + path))
        .header("X-XSRF-TOKEN", csrfToken).GET());
  }

  HttpResponse<String> post(String path, String json) {
    return send(client, HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any method, with an optional body of the given content type ({@code null} for none). */
  HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
    var request = HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", csrfToken)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(client, request);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
