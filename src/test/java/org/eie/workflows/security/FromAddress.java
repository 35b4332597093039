package org.eie.workflows.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * HTTP from another loopback address (127.0.0.2, ...), so the application sees a second client
 * beside the tests' own 127.0.0.1 (Java's HttpClient cannot choose its local address). Plain
 * HTTP/1.0 over a socket: one request per connection, no chunked bodies. Keeps the cookies it is
 * given, as a browser of that client would.
 */
final class FromAddress {

  record Response(int status, Map<String, List<String>> headers, String body) {

    Optional<String> header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream().findFirst();
    }
  }

  private final String localAddress;
  private final int port;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  FromAddress(String localAddress, int port) {
    this.localAddress = localAddress;
    this.port = port;
  }

  Response get(String path, Map<String, String> headers) {
    return send("GET", path, headers, null, null);
  }

  Response postForm(String path, Map<String, String> headers, String form) {
    return send("POST", path, headers, "application/x-www-form-urlencoded", form);
  }

  Response send(String method, String path, Map<String, String> headers, String contentType,
      String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    var request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.0\r\n")
        .append("Host: localhost:").append(port).append("\r\n");
    headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    if (!cookies.isEmpty()) {
      request.append("Cookie: ").append(cookies.entrySet().stream()
          .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
          .collect(Collectors.joining("; "))).append("\r\n");
    }
    if (contentType != null) {
      request.append("Content-Type: ").append(contentType).append("\r\n");
    }
    request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
    try (var socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      socket.setSoTimeout(30_000);
      var out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Response parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    String[] lines = raw.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
      if (name.equals("set-cookie")) {
        String pair = value.split(";", 2)[0];
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    return new Response(status, headers, raw.substring(end + 4));
  }
}
