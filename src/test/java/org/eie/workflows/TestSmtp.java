package org.eie.workflows;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The port of the GreenMail server the mail tests start, which application-test.yml points the
 * application at: 3025 unless EIE_TEST_SMTP_PORT names another, so that two checkouts can run
 * their tests on one machine at the same time.
 */
public final class TestSmtp {

  public static final int PORT = port();

  private TestSmtp() {
  }

  public static ServerSetup setup() {
    return new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
  }

  private static int port() {
    String port = System.getenv("EIE_TEST_SMTP_PORT");
    return port == null || port.isBlank() ? 3025 : Integer.parseInt(port.trim());
  }
}
