package org.eie.workflows.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/eie-workflows-*.jar}, as {@code ./mvnw package} builds
 * it) started as a child process on the given PostgreSQL, listening on the loopback interface
 * only: as an operator runs it, so start-up and load figures include what the jar costs. Also
 * the same jar extracted with a class data sharing archive (docs/benchmarks.md, "Benchmarks").
 */
final class PackagedApp implements AutoCloseable {

  private final Process process;
  final int port;
  final double secondsToHealthy;

  private PackagedApp(Process process, int port, double secondsToHealthy) {
    this.process = process;
    this.port = port;
    this.secondsToHealthy = secondsToHealthy;
  }

  /** The jar {@code package} made (not Maven's {@code .original} of it). */
  static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("eie-workflows-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException(
              "No target/eie-workflows-*.jar: run the benchmark through ./mvnw -Pbenchmark verify"));
    }
  }

  /**
   * Starts {@code java [jvmOptions] -jar jar} and waits until {@code /actuator/health} answers
   * UP (Flyway done, the engine started, every process deployed, the demo users created).
   */
  static PackagedApp start(Path jar, List<String> jvmOptions, Database database)
      throws Exception {
    return start(thisJava(), jar, jvmOptions, database);
  }

  /** {@link #start(Path, List, Database)} with another JVM, {@code java}. */
  static PackagedApp start(Path java, Path jar, List<String> jvmOptions, Database database)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(java.toString()));
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    return launch(command, database, List.of());
  }

  /** The {@code java} of the JDK running the benchmark. */
  static Path thisJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * A JDK 25 or later for the ahead-of-time cache ({@code -XX:AOTCacheOutput}, JDK 25's one-step
   * training): {@code EIE_BENCH_AOT_JAVA} (its {@code java}), else the first JDK under
   * {@code /usr/lib/jvm} whose {@code release} file says 25 or later; none if neither.
   */
  static Optional<Path> aotJava() throws IOException {
    String given = System.getenv("EIE_BENCH_AOT_JAVA");
    if (given != null && !given.isBlank()) {
      return Optional.of(Path.of(given.trim()));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      for (Path home : homes.sorted().toList()) {
        Path release = home.resolve("release");
        if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
          Matcher version = JAVA_VERSION.matcher(Files.readString(release));
          if (version.find() && Integer.parseInt(version.group(1)) >= 25) {
            return Optional.of(home.resolve("bin/java"));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static final Pattern JAVA_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

  /**
   * Records an ahead-of-time cache for the extracted jar with {@code java} (JDK 25+): one training
   * run that stops after the context has started, as for the class data sharing archive; the
   * cache holds the classes loaded and linked, and the profiles of the methods run.
   */
  static List<String> trainAotCache(Path java, Path extracted, Database database)
      throws Exception {
    Path cache = extracted.resolveSibling("application.aot");
    List<String> training = new ArrayList<>(List.of(java.toString(),
        "-XX:AOTCacheOutput=" + cache, "-Xlog:aot=off", "-Xlog:cds=off",
        "-Dspring.context.exit=onRefresh", "-jar", extracted.toString()));
    training.addAll(database.arguments(0));
    run(training);
    return List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off");
  }

  /**
   * Camunda's own webapp ({@link org.eie.workflows.benchmark.bare.BareCamundaWebapp}) on the same
   * database, from this JVM's class path without our classes and resources ({@code
   * target/classes}), with the engine settings ours runs with.
   */
  static PackagedApp startBareCamunda(Database database) throws Exception {
    String ours = Path.of("target", "classes").toAbsolutePath().toString();
    String classPath = Stream.of(System.getProperty("java.class.path")
            .split(java.io.File.pathSeparator))
        .filter(entry -> !Path.of(entry).toAbsolutePath().toString().equals(ours))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    return launch(List.of(thisJava().toString(), "-cp", classPath,
            org.eie.workflows.benchmark.bare.BareCamundaWebapp.class.getName()), database,
        List.of(org.eie.workflows.benchmark.bare.BareCamundaWebapp.SETTINGS));
  }

  private static PackagedApp launch(List<String> program, Database database,
      List<String> settings) throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(program);
    command.addAll(database.arguments(port));
    command.addAll(settings);
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      waitUntilHealthy(port, process);
    } catch (Exception e) {
      process.destroyForcibly().waitFor();
      throw e;
    }
    return new PackagedApp(process, port, (System.nanoTime() - start) / 1e9);
  }

  /**
   * Extracts the jar (Spring Boot's {@code -Djarmode=tools extract}) and records a class data
   * sharing archive with one training run that stops after the context has started: the JVM then
   * maps the classes it loaded instead of loading and verifying them again.
   */
  static Path extractWithClassDataSharing(Path jar, Database database) throws Exception {
    Path folder = Path.of("target", "bench-extracted");
    String java = thisJava().toString();
    run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force",
        "--destination", folder.toString()));
    Path extracted = folder.resolve(jar.getFileName());
    List<String> training = new ArrayList<>(List.of(java,
        "-XX:ArchiveClassesAtExit=" + folder.resolve("application.jsa"),
        "-Dspring.context.exit=onRefresh", "-jar", extracted.toString()));
    training.addAll(database.arguments(0));
    run(training);
    return extracted;
  }

  static List<String> classDataSharing() {
    return List.of("-XX:SharedArchiveFile=" + Path.of("target", "bench-extracted",
        "application.jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  private static void run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with "
          + process.exitValue());
    }
  }

  private static void waitUntilHealthy(int port, Process process) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    var request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited during start-up");
      }
      try {
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep polling
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("Not healthy within 3 minutes");
  }

  @Override
  public void close() throws InterruptedException {
    // A graceful stop, bounded: the next start must not wait for a slow shutdown.
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** The PostgreSQL the child uses, and the arguments that point it there. */
  record Database(String url, String user, String password) {

    List<String> arguments(int port) {
      return List.of("--server.port=" + port, "--server.address=127.0.0.1",
          "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
          "--spring.datasource.password=" + password,
          "--camunda.bpm.job-execution.enabled=false");
    }
  }
}
