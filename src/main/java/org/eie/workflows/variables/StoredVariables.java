package org.eie.workflows.variables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The stored variables of one process instance, for a read. Administrators, old versions and the
 * Java API can store anything under any name, so every value is read through an accessor that
 * says what it should be: a value of the wrong type, JSON that does not parse and JSON of the
 * wrong shape read as absent, and their names are kept in {@link #damaged()}, for the read to
 * answer with everything else and name what it could not read. JSON variables are read in their
 * stored text, so reads need none of the processes' classes.
 */
public final class StoredVariables {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHUNK = 500;

  private final Map<String, Object> values;
  private final Set<String> damaged = new TreeSet<>();

  StoredVariables(Map<String, Object> values) {
    this.values = values;
  }

  /**
   * The named variables of many process instances in one query per 500, as the caller (the
   * engine's authorization and tenant checks apply): instance id -> its variables, every id
   * present. The process scope wins over a local variable of the same name.
   */
  public static Map<String, StoredVariables> of(HistoryService history,
      Collection<String> instanceIds, String... names) {
    Map<String, Map<String, Object>> values = new HashMap<>();
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(instanceIds));
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      for (HistoricVariableInstance row : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(chunk.toArray(String[]::new)).variableNameIn(names)
          .disableCustomObjectDeserialization().list()) {
        Object value = plain(row.getTypedValue());
        if (value == null) {
          continue;
        }
        Map<String, Object> ofInstance = values.computeIfAbsent(row.getProcessInstanceId(),
            id -> new HashMap<>());
        boolean processScope = row.getProcessInstanceId().equals(row.getActivityInstanceId());
        if (processScope || !ofInstance.containsKey(row.getName())) {
          ofInstance.put(row.getName(), value);
        }
      }
    }
    Map<String, StoredVariables> read = new HashMap<>();
    ids.forEach(id -> read.put(id, new StoredVariables(values.getOrDefault(id, Map.of()))));
    return read;
  }

  /**
   * The values the named variables of one process instance have had, from the engine's history
   * of variable updates (one query per name, as the caller), for a read that asks which value was
   * in force at a moment: a deadline a step was given before a revision moved it.
   */
  public static Past past(HistoryService history, String instanceId, String... names) {
    List<Past.Update> updates = new ArrayList<>();
    for (String name : names) {
      for (HistoricDetail detail : history.createHistoricDetailQuery()
          .processInstanceId(instanceId).variableUpdates().variableNameLike(name)
          .disableCustomObjectDeserialization().orderByTime().asc()
          .orderPartiallyByOccurrence().asc().list()) {
        if (detail instanceof HistoricVariableUpdate update && name.equals(
            update.getVariableName())) {
          updates.add(new Past.Update(name, update.getTime().toInstant(),
              plain(update.getTypedValue())));
        }
      }
    }
    return new Past(updates);
  }

  /** Values over time: {@link #at} gives those in force at a moment, read as usual. */
  public static final class Past {
    record Update(String name, Instant at, Object value) {
    }

    private final List<Update> updates;

    Past(List<Update> updates) {
      this.updates = updates;
    }

    /** The value each variable was last given at or before {@code moment} (absent if none). */
    public StoredVariables at(Instant moment) {
      Map<String, Object> values = new HashMap<>();
      for (Update update : updates) {
        if (!update.at().isAfter(moment)) {
          if (update.value() == null) {
            values.remove(update.name());
          } else {
            values.put(update.name(), update.value());
          }
        }
      }
      return new StoredVariables(values);
    }
  }

  /** Text, or null if absent or not text. */
  public String text(String name) {
    return read(name, value -> value instanceof String text ? text : fail());
  }

  /** A date (or ISO-8601 text with an offset), or null. */
  public Instant instant(String name) {
    return read(name, value -> {
      if (value instanceof Date date) {
        return date.toInstant();
      }
      if (value instanceof String text) {
        return OffsetDateTime.parse(text).toInstant();
      }
      return fail();
    });
  }

  /** A boolean, or null. */
  public Boolean flag(String name) {
    return read(name, value -> value instanceof Boolean flag ? flag : fail());
  }

  /** A JSON object, or null. */
  public JsonNode object(String name) {
    return json(name, node -> node.isObject() ? node : fail());
  }

  /** A JSON list, or null. */
  public JsonNode list(String name) {
    return json(name, node -> node.isArray() ? node : fail());
  }

  /**
   * What {@code reader} makes of the JSON value; null if absent, and damaged if it does not parse
   * or {@code reader} finds it is not of the shape it reads (it throws; {@link #fail()} says so).
   */
  public <T> T json(String name, Function<JsonNode, T> reader) {
    return read(name, value -> {
      try {
        return reader.apply(JSON.readTree(value.toString()));
      } catch (IOException e) {
        return fail();
      }
    });
  }

  /** What {@code reader} makes of the stored value; null if absent or if {@code reader} throws. */
  public <T> T read(String name, Function<Object, T> reader) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    try {
      return reader.apply(value);
    } catch (RuntimeException | StackOverflowError e) {
      damaged.add(name);
      return null;
    }
  }

  /** For a reader: the value is not what it reads. */
  public static <T> T fail() {
    throw new IllegalArgumentException("not the value this read expects");
  }

  /** The names of the variables read so far that could not be read, in name order. */
  public List<String> damaged() {
    return List.copyOf(damaged);
  }

  /** The names damaged in any of these reads, in name order. */
  public static List<String> damaged(StoredVariables... reads) {
    Set<String> names = new TreeSet<>();
    for (StoredVariables read : reads) {
      names.addAll(read.damaged);
    }
    return List.copyOf(names);
  }

  private static Object plain(TypedValue value) {
    // Its text even when the engine hands it deserialised, as it does within the command that
    // wrote it (a delegate reading the history of a sub-instance that just ended).
    if (value instanceof SerializableValue serializable && (!serializable.isDeserialized()
        || serializable.getValueSerialized() != null)) {
      return serializable.getValueSerialized();
    }
    return value == null ? null : value.getValue();
  }
}
