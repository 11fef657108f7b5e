package com.lumiku.platform.messaging;

import com.lumiku.platform.JsonDocuments;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The broker's consumers, per queue and per instance: which instance a consumer belongs to is the
 * client id its session carries ({@code jms-client-id} in the session's metadata), which each
 * instance's message-driven beans set to the instance's name ({@link InstanceName}). Artemis lists
 * consumers with their session's id but not that metadata ({@code listAllConsumersAsJSON}; its
 * {@code clientID} field is the connection's, which the resource adapter's inbound sessions leave
 * empty), and sessions with their metadata ({@code listAllSessionsAsJSON}); this joins the two.
 *
 * @param consumers per queue, per instance name, how many consumers; a consumer whose session has
 *     no client id (another client, or an instance that gives none) counts under {@link #UNNAMED}
 */
public record ConsumerCensus(Map<String, Map<String, Integer>> consumers) {

  /** The instance name of consumers whose session carries no client id. */
  public static final String UNNAMED = "";

  /** The session metadata key Artemis' client and resource adapter put the client id under. */
  static final String CLIENT_ID_KEY = "jms-client-id";

  /**
   * Joins the broker's answers.
   *
   * @param consumersJson the answer of {@code listAllConsumersAsJSON}: objects with {@code
   *     sessionID} and {@code queueName}
   * @param sessionsJson the answer of {@code listAllSessionsAsJSON}: objects with {@code sessionID}
   *     and {@code metadata}
   */
  public static ConsumerCensus parse(String consumersJson, String sessionsJson) {
    Map<String, String> clientIds = new HashMap<>();
    for (JsonObject session : array(sessionsJson)) {
      JsonObject metadata = session.getJsonObject("metadata");
      String clientId =
          metadata == null ? UNNAMED : metadata.getString(CLIENT_ID_KEY, UNNAMED).strip();
      clientIds.put(session.getString("sessionID", ""), clientId);
    }
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (JsonObject consumer : array(consumersJson)) {
      // A session closed between the two questions is gone: its consumer no longer counts.
      String clientId = clientIds.get(consumer.getString("sessionID", ""));
      if (clientId != null && !consumer.getBoolean("browseOnly", false)) {
        counts
            .computeIfAbsent(consumer.getString("queueName", ""), q -> new TreeMap<>())
            .merge(clientId, 1, Integer::sum);
      }
    }
    counts.replaceAll((queue, instances) -> Collections.unmodifiableMap(instances));
    return new ConsumerCensus(Collections.unmodifiableMap(counts));
  }

  /** How many consumers the instance has on the queue. */
  public int of(String queue, String instance) {
    return consumers.getOrDefault(queue, Map.of()).getOrDefault(instance, 0);
  }

  /** How many consumers the queue has, of every instance and of none. */
  public int total(String queue) {
    return byInstance(queue).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Per instance name (sorted; {@link #UNNAMED} first if any), the queue's consumers. */
  public Map<String, Integer> byInstance(String queue) {
    return consumers.getOrDefault(queue, Map.of());
  }

  private static List<JsonObject> array(String json) {
    if (json == null || json.isBlank()) {
      return List.of(); // Artemis answers "" for none, as for prepared branches
    }
    try (JsonReader reader =
        JsonDocuments.reader(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
      JsonArray array = reader.readArray();
      return array.getValuesAs(JsonObject.class);
    }
  }
}
