package org.eie.workflows.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonParser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's REST API answers some malformed bodies of a form submission or start with a
 * server error (a body of {@code null}, a Json variable whose value is not JSON). Checked here
 * first, for the engine REST API and the webapps' engine API alike: the body is a JSON object,
 * its {@code variables} an object of {@code {type, value}} objects, a Json value parses, and no
 * Object, Xml or File value is accepted (a client never chooses a Java type). Otherwise 400 in the
 * engine API's own error shape, and nothing reaches the engine.
 */
class EngineFormBodies extends OncePerRequestFilter {

  private static final Pattern FORM_CALL = Pattern.compile(
      "(/engine-rest|/camunda/api/engine/engine/[^/]+)(/engine/[^/]+)?"
          + "/(task/[^/]+/(submit-form|complete|resolve)"
          + "|process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(submit-form|start))");
  private static final int MAX_BODY = 1_000_000;
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '([^']*)'");

  private final ObjectMapper json = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equals(request.getMethod()) || !FORM_CALL.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    String refusal = body.length > MAX_BODY ? "The body is larger than 1 MB" : refusalOf(body);
    if (refusal != null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(json.writeValueAsString(Map.of(
          "type", "InvalidRequestException", "message", refusal)));
      return;
    }
    chain.doFilter(new ReplayedBody(request, body), response);
  }

  private String refusalOf(byte[] body) {
    if (body.length == 0) {
      return null; // no variables at all: the engine handles that itself
    }
    JsonNode root;
    try {
      root = json.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      var duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getMessage()));
      return duplicate.find() ? duplicate.group(1) + ": appears more than once"
          : "The body is not valid JSON";
    }
    if (root == null || !root.isObject()) {
      return "The body must be a JSON object such as {\"variables\": {...}}";
    }
    JsonNode variables = root.get("variables");
    if (variables == null || variables.isNull()) {
      return null;
    }
    if (!variables.isObject()) {
      return "variables: must be a JSON object of {\"value\": ..., \"type\": ...}";
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> variable = it.next();
      String refusal = refusalOf(variable.getKey(), variable.getValue());
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  private String refusalOf(String name, JsonNode variable) {
    if (!variable.isObject()) {
      return name + ": must be {\"value\": ..., \"type\": ...}";
    }
    String type = variable.path("type").asText("").toLowerCase(Locale.ROOT);
    JsonNode value = variable.get("value");
    switch (type) {
      case "object", "xml", "file", "bytes" -> {
        return name + ": values of type " + type + " are not accepted";
      }
      case "json" -> {
        if (value != null && !value.isNull()) {
          if (!value.isTextual()) {
            return name + ": a Json value is JSON text";
          }
          try {
            json.readTree(value.asText());
          } catch (IOException e) {
            return name + ": is not valid JSON";
          }
        }
        return null;
      }
      default -> {
        if (value != null && value.isContainerNode()) {
          return name + ": a list or an object needs the type Json";
        }
        return null;
      }
    }
  }
}
