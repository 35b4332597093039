package org.eie.workflows.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * This node's name: {@code eie.node-id} (env {@code EIE_NODE_ID}), or the host name and HTTP
 * port. The same in every life of the node, different for every live node: it owns the node's
 * job locks ({@link NodeJobLocks}) and is written on each donor delivery attempt.
 */
@Component
public class Node {

  private final String id;

  Node(@Value("${eie.node-id:}") String configuredId, @Value("${server.port:8080}") int port) {
    this.id = StringUtils.hasText(configuredId) ? configuredId : defaultId(port);
  }

  public String id() {
    return id;
  }

  private static String defaultId(int port) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = System.getenv().getOrDefault("HOSTNAME", "");
    }
    if (!StringUtils.hasText(host) || port <= 0) {
      // No stable name (a random port, as in tests): a fresh one per start, Camunda's behaviour.
      return "node-" + UUID.randomUUID();
    }
    return host + ":" + port;
  }
}
