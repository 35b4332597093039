package org.eie.workflows.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bodies that write variables through the engine's REST API or the webapps' engine API, checked
 * before the engine sees them; otherwise 400 in the engine API's own error shape
 * ({@code {"type": "InvalidRequestException", "message": ...}}) and nothing is written.
 *
 * <p>Every engine write with a JSON body (a variable's {@code PUT .../variables/{name}},
 * {@code POST .../variables} and {@code .../localVariables} modifications, {@code complete},
 * {@code resolve}, submit-form, start and its start instructions, message correlation, signal,
 * process-instance modification, external task completion, ...; administrators' calls too): the
 * body is at most 1 MB and nests at most {@value #MAX_BODY_DEPTH} levels, and each Json value
 * (a {@code {"type": "Json", "value": "..."}} anywhere in it) is JSON text of at most
 * {@value #MAX_JSON_CHARS} characters nested at most {@value #MAX_JSON_DEPTH} levels. Deeper
 * values made every later read of their scope answer 500 (Jackson refuses more than 1,000 levels
 * when the engine parses them), and nothing of ours nests more than a few levels.
 *
 * <p>A form submission or start (and {@code complete}, {@code resolve}) is also read strictly,
 * since the engine answers some malformed ones with a server error (a body of {@code null}, a
 * Json variable whose value is not JSON): the body is a JSON object, its {@code variables} an
 * object of {@code {type, value}} objects, and no Object, Xml or File value is accepted (a client
 * never chooses a Java type).
 */
class EngineFormBodies extends OncePerRequestFilter {

  static final int MAX_JSON_DEPTH = 32;
  static final int MAX_JSON_CHARS = 500_000;
  static final int MAX_BODY_DEPTH = 64;
  private static final String ENGINE_API =
      "(/engine-rest|/camunda/api/engine/engine/[^/]+)(/engine/[^/]+)?";
  private static final Pattern ENGINE_CALL = Pattern.compile(ENGINE_API + "/.+");
  private static final Pattern FORM_CALL = Pattern.compile(ENGINE_API
      + "/(task/[^/]+/(submit-form|complete|resolve)"
      + "|process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(submit-form|start))");
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");
  private static final int MAX_BODY = 1_000_000;
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '([^']*)'");

  private final ObjectMapper json = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private final ObjectMapper jsonValues = new ObjectMapper();

  EngineFormBodies() {
    json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_BODY_DEPTH).build());
    jsonValues.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_JSON_DEPTH).build());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = pathOf(request);
    if (!WRITES.contains(request.getMethod()) || !ENGINE_CALL.matcher(path).matches()) {
      return true;
    }
    // Uploads (deployments, a binary variable's data) carry no Json values.
    String type = request.getContentType();
    return !FORM_CALL.matcher(path).matches() && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    String refusal = body.length > MAX_BODY ? "The body is larger than 1 MB"
        : refusalOf(pathOf(request), body);
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

  private static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private String refusalOf(String path, byte[] body) {
    if (body.length == 0) {
      return null; // no variables at all: the engine handles that itself
    }
    boolean form = FORM_CALL.matcher(path).matches();
    JsonNode root;
    try {
      root = json.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (StreamConstraintsException e) {
      return "The body nests deeper than " + MAX_BODY_DEPTH + " levels";
    } catch (IOException e) {
      if (!form) {
        return null; // not JSON: the engine answers as it does for any unreadable body
      }
      var duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getMessage()));
      return duplicate.find() ? duplicate.group(1) + ": appears more than once"
          : "The body is not valid JSON";
    }
    String refusal = form ? formRefusalOf(root) : null;
    // A single variable's PUT has the variable itself as its body.
    return refusal != null ? refusal
        : jsonValueRefusalOf(root, path.substring(path.lastIndexOf('/') + 1));
  }

  /** The first Json value anywhere in the body that is not JSON within the limits. */
  private String jsonValueRefusalOf(JsonNode node, String name) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      if ("json".equalsIgnoreCase(node.path("type").asText()) && node.path("value").isTextual()) {
        String refusal = jsonTextRefusalOf(name, node.get("value").asText());
        if (refusal != null) {
          return refusal;
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> field = it.next();
        String refusal = jsonValueRefusalOf(field.getValue(), field.getKey());
        if (refusal != null) {
          return refusal;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        String refusal = jsonValueRefusalOf(element, name);
        if (refusal != null) {
          return refusal;
        }
      }
    }
    return null;
  }

  private String jsonTextRefusalOf(String name, String text) {
    if (text.length() > MAX_JSON_CHARS) {
      return name + ": a Json value has at most " + MAX_JSON_CHARS + " characters";
    }
    try {
      jsonValues.readTree(text);
      return null;
    } catch (StreamConstraintsException e) {
      return name + ": a Json value nests at most " + MAX_JSON_DEPTH + " levels";
    } catch (IOException e) {
      return name + ": is not valid JSON";
    }
  }

  private String formRefusalOf(JsonNode root) {
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
      String refusal = formRefusalOf(variable.getKey(), variable.getValue());
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  private static String formRefusalOf(String name, JsonNode variable) {
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
        // Its text is checked with every other Json value of the body.
        return value == null || value.isNull() || value.isTextual() ? null
            : name + ": a Json value is JSON text";
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
