package org.eie.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eie.workflows.security.LoginThrottle.Route;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic, on a clock the test moves: nothing sleeps. */
@Tag("fast")
class LoginThrottleTest {

  private static final String ATTACKER = "203.0.113.7";
  private static final String OFFICE = "198.51.100.20";

  private final MovableClock clock = new MovableClock();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final LoginThrottle throttle = new LoginThrottle(meters, clock);

  @Test
  void eachFailureAfterTheFreeOnesDoublesTheWaitUpToFiveMinutes() {
    assertThat(LoginThrottle.waitAfter(3, 3)).isZero();
    assertThat(LoginThrottle.waitAfter(4, 3)).hasSeconds(1);
    assertThat(LoginThrottle.waitAfter(5, 3)).hasSeconds(2);
    assertThat(LoginThrottle.waitAfter(6, 3)).hasSeconds(4);
    assertThat(LoginThrottle.waitAfter(11, 3)).hasSeconds(128);
    assertThat(LoginThrottle.waitAfter(12, 3)).hasSeconds(256);
    assertThat(LoginThrottle.waitAfter(13, 3)).isEqualTo(Duration.ofMinutes(5));
    assertThat(LoginThrottle.waitAfter(Integer.MAX_VALUE, 3)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void theUserWaitsFromTheAddressThatFailedAndFromNoOther() {
    failAsLbUnicef(ATTACKER, 4);
    assertThat(throttle.waitBefore(ATTACKER, "lb.unicef")).hasSeconds(1);
    assertThat(throttle.waitBefore(OFFICE, "lb.unicef")).isZero();
    assertThat(throttle.waitBefore(ATTACKER, "secretariat")).isZero();

    clock.pass(Duration.ofMillis(400));
    assertThat(throttle.waitBefore(ATTACKER, "lb.unicef")).hasMillis(600);
    clock.pass(Duration.ofMillis(600));
    assertThat(throttle.waitBefore(ATTACKER, "lb.unicef")).isZero();

    failAsLbUnicef(ATTACKER, 1);
    assertThat(throttle.waitBefore(ATTACKER, "LB.UNICEF")).hasSeconds(2);
    assertThat(meters.counter("eie.login.failures", "route", "http-basic").count()).isEqualTo(5);
  }

  @Test
  void theAddressWaitsForEveryUserAfterTenFailures() {
    for (int i = 0; i < 10; i++) {
      throttle.failed(Route.WEBAPPS, ATTACKER, "user" + i);
    }
    assertThat(throttle.waitBefore(ATTACKER, "someone-else")).isZero();
    throttle.failed(Route.WEBAPPS, ATTACKER, "user10");
    assertThat(throttle.waitBefore(ATTACKER, "someone-else")).hasSeconds(1);
    assertThat(throttle.waitBefore(ATTACKER, null)).hasSeconds(1);
    assertThat(throttle.waitBefore(OFFICE, "someone-else")).isZero();
  }

  @Test
  void successForgetsTheUsersFailuresButNotTheAddresses() {
    failAsLbUnicef(ATTACKER, 11);
    clock.pass(Duration.ofMinutes(5));
    assertThat(throttle.waitBefore(ATTACKER, "lb.unicef")).isZero();

    throttle.succeeded(ATTACKER, "lb.unicef");
    throttle.failed(Route.DASHBOARD, ATTACKER, "lb.unicef");
    assertThat(throttle.waitBefore(ATTACKER, "lb.unicef"))
        .as("the user's count starts again, the address's goes on at 12")
        .hasSeconds(2);
  }

  @Test
  void failuresAreForgottenAfterAQuarterOfAnHour() {
    failAsLbUnicef(ATTACKER, 20);
    assertThat(throttle.waitBefore(ATTACKER, "lb.unicef")).isEqualTo(Duration.ofMinutes(5));
    clock.pass(Duration.ofMinutes(15));

    throttle.failed(Route.HTTP_BASIC, ATTACKER, "lb.unicef");
    assertThat(throttle.waitBefore(ATTACKER, "lb.unicef")).isZero();
  }

  @Test
  void anIpv6SourceIsItsSlash64() {
    assertThat(LoginThrottle.sourceOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
        .isEqualTo(LoginThrottle.sourceOf("2001:db8:1:2::1"))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(LoginThrottle.sourceOf("2001:db8:1:3::1")).isNotEqualTo("2001:db8:1:2::/64");
    assertThat(LoginThrottle.sourceOf("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
    assertThat(LoginThrottle.sourceOf("192.0.2.1")).isEqualTo("192.0.2.1");

    for (int i = 0; i < 4; i++) {
      throttle.failed(Route.HTTP_BASIC, "2001:db8:1:2::" + Integer.toHexString(i + 1), "admin");
    }
    assertThat(throttle.waitBefore("2001:db8:1:2::ffff", "admin")).hasSeconds(1);
  }

  @Test
  void throttledLoginsAreCountedByRoute() {
    throttle.throttled(Route.DASHBOARD);
    assertThat(meters.counter("eie.login.throttled", "route", "dashboard").count()).isEqualTo(1);
    assertThat(meters.counter("eie.login.throttled", "route", "webapps").count()).isZero();
  }

  private void failAsLbUnicef(String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(Route.HTTP_BASIC, address, "lb.unicef");
    }
  }

  private static final class MovableClock extends Clock {

    private Instant now = Instant.parse("2026-03-01T09:00:00Z");

    void pass(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
