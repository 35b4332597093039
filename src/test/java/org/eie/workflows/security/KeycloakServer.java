package org.eie.workflows.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak for the single sign-on tests: the distribution Maven unpacked into
 * target/keycloak, started in development mode on a free port with an in-memory database and
 * the realms given, on the first JDK 21 or later found under /usr/lib/jvm. {@link #close()}
 * stops it with every process it started.
 */
final class KeycloakServer implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  final int port;
  private final Process process;
  final Duration startTime;

  private KeycloakServer(int port, Process process, Duration startTime) {
    this.port = port;
    this.process = process;
    this.startTime = startTime;
  }

  /** Starts Keycloak with these realms (realm name to its JSON) and waits until they answer. */
  static KeycloakServer start(Map<String, String> realms) throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.5.6"));
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException("No Keycloak at " + home.toAbsolutePath()
          + ": run the tests through Maven (failsafe), which unpacks it");
    }
    Path imports = home.resolve("data/import");
    Files.createDirectories(imports);
    try (Stream<Path> old = Files.list(imports)) {
      old.forEach(file -> file.toFile().delete());
    }
    for (var realm : realms.entrySet()) {
      Files.writeString(imports.resolve(realm.getKey() + ".json"), realm.getValue());
    }
    int port = freePort();
    var command = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
        "--http-port=" + port, "--db=dev-mem", "--import-realm", "--cache=local",
        "--hostname-strict=false")
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("keycloak.log").toFile());
    command.environment().put("JAVA_HOME", modernJdk().toString());
    // Quarkus' thread pool asks for this on Java 24 and later.
    command.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
    command.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    command.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    long started = System.nanoTime();
    var process = command.start();
    var server = new KeycloakServer(port, process, null);
    try {
      var deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
      for (String realm : realms.keySet()) {
        while (server.status("/realms/" + realm + "/.well-known/openid-configuration") != 200) {
          if (!process.isAlive() || System.nanoTime() > deadline) {
            throw new IllegalStateException("Keycloak did not start; see " + home.resolve("keycloak.log"));
          }
          Thread.sleep(500);
        }
      }
    } catch (RuntimeException | InterruptedException failure) {
      server.close();
      throw failure;
    }
    return new KeycloakServer(port, process, Duration.ofNanos(System.nanoTime() - started));
  }

  String issuer(String realm) {
    return "http://localhost:" + port + "/realms/" + realm;
  }

  /** An access token for a user, by the password grant (what a script or API client does). */
  String accessToken(String realm, String client, String secret, String user, String password)
      throws IOException, InterruptedException {
    var response = post("/realms/" + realm + "/protocol/openid-connect/token", Map.of(
        "grant_type", "password", "client_id", client, "client_secret", secret,
        "username", user, "password", password, "scope", "openid"), null);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("No token for " + user + ": " + response.body());
    }
    return field(response.body(), "access_token");
  }

  /** Removes a user from a group of the realm, as an administrator does in Keycloak. */
  void removeFromGroup(String realm, String user, String group)
      throws IOException, InterruptedException {
    String admin = accessToken("master", "admin-cli", "", "admin", "admin");
    String userId = field(get("/admin/realms/" + realm + "/users?exact=true&username=" + user,
        admin).body(), "id");
    String groupId = field(get("/admin/realms/" + realm + "/groups?exact=true&search=" + group,
        admin).body(), "id");
    var removed = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/admin/realms/" + realm
        + "/users/" + userId + "/groups/" + groupId)).header("Authorization", "Bearer " + admin)
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    if (removed.statusCode() != 204) {
      throw new IllegalStateException("Not removed from " + group + ": " + removed.statusCode());
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private int status(String path) {
    try {
      return get(path, null).statusCode();
    } catch (IOException notYet) {
      return -1;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> form, String token)
      throws IOException, InterruptedException {
    String body = form.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
        .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    var request = HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The first string value of a field in a JSON text (enough for Keycloak's answers here). */
  static String field(String json, String name) {
    Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!value.find()) {
      throw new IllegalStateException("No " + name + " in " + json);
    }
    return value.group(1);
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  static int anotherFreePort() {
    return freePort();
  }

  /** The newest JDK of version 21 or later under /usr/lib/jvm (Keycloak 26 needs 21). */
  private static Path modernJdk() throws IOException {
    try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
      return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
          .filter(jdk -> majorVersion(jdk) >= 21)
          .max(Comparator.comparingInt(KeycloakServer::majorVersion))
          .orElseThrow(() -> new IllegalStateException(
              "Keycloak needs a JDK 21 or later under /usr/lib/jvm (for example Temurin 25)"));
    }
  }

  private static int majorVersion(Path jdk) {
    try {
      Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)")
          .matcher(Files.readString(jdk.resolve("release")));
      return version.find() ? Integer.parseInt(version.group(1)) : 0;
    } catch (IOException noReleaseFile) {
      return 0;
    }
  }
}
