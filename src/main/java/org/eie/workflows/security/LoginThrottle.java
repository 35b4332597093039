package org.eie.workflows.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Failed logins, counted per source address and per user and source address, wherever a password
 * is checked (HTTP Basic, the dashboard's form, the webapps' login; {@link ThrottledLogins}).
 * After a few free failures each further failure doubles the time that source (or that user from
 * that source) must wait before a password of theirs is checked again. A success forgets the
 * user's failures from that source; a quiet period forgets everything.
 *
 * <p>Only the source that failed waits: a correct password from a source without failures is
 * never refused, so nobody can keep a user out by sending wrong passwords in their name. (The
 * engine's own per-user delay and lock-out, which did exactly that, are switched off in
 * {@code application.yml}.)
 */
@Component
class LoginThrottle {

  /** Failures of one source, all users together, before it waits: a shared office's typos. */
  static final int FREE_FAILURES_PER_SOURCE = 10;
  /** Failures of one user from one source before they wait. */
  static final int FREE_FAILURES_PER_USER = 3;
  static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
  /** Failures are forgotten this long after the last one. */
  static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(15);
  /** Sources, and users per source, remembered at most (the least used are dropped first). */
  static final long REMEMBERED = 100_000;

  /** Where a password was checked, the {@code route} of the metrics. */
  enum Route {
    HTTP_BASIC("http-basic"), DASHBOARD("dashboard"), WEBAPPS("webapps");

    final String label;

    Route(String label) {
      this.label = label;
    }
  }

  private record Failures(int count, Instant last) {
  }

  private final Clock clock;
  private final Cache<String, Failures> bySource;
  private final Cache<String, Failures> byUserAndSource;
  private final Map<Route, Counter> failures = new EnumMap<>(Route.class);
  private final Map<Route, Counter> throttled = new EnumMap<>(Route.class);

  @Autowired
  LoginThrottle(MeterRegistry meters) {
    this(meters, Clock.systemUTC());
  }

  LoginThrottle(MeterRegistry meters, Clock clock) {
    this.clock = clock;
    this.bySource = cache(clock);
    this.byUserAndSource = cache(clock);
    for (Route route : Route.values()) {
      failures.put(route, Counter.builder("eie.login.failures").tag("route", route.label)
          .description("Logins refused for a wrong password or an unknown user").register(meters));
      throttled.put(route, Counter.builder("eie.login.throttled").tag("route", route.label)
          .description("Logins answered 429 without checking the password, after failures")
          .register(meters));
    }
  }

  private static Cache<String, Failures> cache(Clock clock) {
    return Caffeine.newBuilder().maximumSize(REMEMBERED)
        .expireAfterWrite(FORGOTTEN_AFTER)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .build();
  }

  /**
   * How long a login as {@code user} (null when none can be read) from {@code address} must
   * still wait before its password may be checked; zero when it may be checked now.
   */
  Duration waitBefore(String address, String user) {
    Instant now = clock.instant();
    String source = sourceOf(address);
    Duration forSource = remaining(bySource.getIfPresent(source), FREE_FAILURES_PER_SOURCE, now);
    if (user == null) {
      return forSource;
    }
    Duration forUser = remaining(byUserAndSource.getIfPresent(pair(user, source)),
        FREE_FAILURES_PER_USER, now);
    return forUser.compareTo(forSource) > 0 ? forUser : forSource;
  }

  void failed(Route route, String address, String user) {
    failures.get(route).increment();
    Instant now = clock.instant();
    String source = sourceOf(address);
    bySource.asMap().compute(source, (key, before) -> next(before, now));
    if (user != null) {
      byUserAndSource.asMap().compute(pair(user, source), (key, before) -> next(before, now));
    }
  }

  void succeeded(String address, String user) {
    // The source's count stays: an attacker with an account of their own must not reset it.
    byUserAndSource.invalidate(pair(user, sourceOf(address)));
  }

  void throttled(Route route) {
    throttled.get(route).increment();
  }

  /** The wait after the {@code count}-th failure in a row. */
  static Duration waitAfter(int count, int free) {
    int doublings = count - free - 1;
    if (doublings < 0) {
      return Duration.ZERO;
    }
    if (doublings >= 30) {
      return LONGEST_WAIT;
    }
    Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  private static Duration remaining(Failures failures, int free, Instant now) {
    if (failures == null || forgotten(failures, now)) {
      return Duration.ZERO;
    }
    Instant until = failures.last().plus(waitAfter(failures.count(), free));
    return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
  }

  private static Failures next(Failures before, Instant now) {
    int count = before == null || forgotten(before, now) ? 1 : before.count() + 1;
    return new Failures(count, now);
  }

  private static boolean forgotten(Failures failures, Instant now) {
    return !failures.last().plus(FORGOTTEN_AFTER).isAfter(now);
  }

  private static String pair(String user, String source) {
    return user.toLowerCase(Locale.ROOT) + '\n' + source;
  }

  /**
   * The source of a login: the IPv4 address, or the /64 network of an IPv6 address (one
   * subscriber's or host's; otherwise a single machine would have more addresses to rotate
   * through than anyone could count).
   */
  static String sourceOf(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return String.valueOf(address);
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: nothing is looked up
      if (bytes.length != 16) {
        return InetAddress.getByAddress(bytes).getHostAddress(); // IPv4 written as IPv6
      }
      StringBuilder network = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
            .append(':');
      }
      return network.append(":/64").toString();
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
