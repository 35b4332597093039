package org.eie.workflows.variables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.DataFormats;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The one way a process writes a JSON variable and reads it back (history reads go through
 * {@link StoredVariables}, with {@link #as} for a typed value). A value is written as the engine's
 * JSON object value: Jackson through Camunda Spin, with the Java type's name beside it, readable
 * in Tasklist, Cockpit and REST, never Java-serialised. It is read from its stored text with the
 * same Jackson, into the type the reader asks for: so a value reads whatever type name it was
 * stored under (a record that moved package still reads), and a value of another shape is
 * refused, naming the variable, rather than taken for absent.
 */
public final class JsonVariables {

  private JsonVariables() {
  }

  /**
   * A value as a JSON variable: a record, a list or a map of them. A list is stored as an
   * {@link ArrayList} whatever list the caller holds, as the processes always stored theirs: the
   * engine keeps the Java type's name beside the value, and an unmodifiable list's
   * ({@code List.of}, {@code toList()}) could not be instantiated to read it back.
   */
  public static ObjectValue json(Object value) {
    Object stored = value instanceof List<?> list && !(value instanceof ArrayList<?>)
        ? new ArrayList<>(list) : value;
    return Variables.objectValue(stored).serializationDataFormat(SerializationDataFormats.JSON)
        .create();
  }

  /**
   * A value as a Spin JSON variable, for a Camunda Form only: a form's dynamic list
   * ({@code valuesKey}) and table ({@code dataSource}) read a variable that Tasklist receives as
   * JSON, which it does only for Spin's {@code Json} type (an object value reaches the form as
   * text). Never for a variable the process reads back: write those with {@link #json}.
   */
  public static JsonValue forForm(Object value) {
    try {
      return SpinValues.jsonValue(mapper().writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("A form's value cannot be written as JSON", e);
    }
  }

  /**
   * The JSON variable {@code name} of this scope as a {@code type}; null if absent.
   *
   * @throws IllegalStateException if it holds something that is not a {@code type}
   */
  public static <T> T read(VariableScope scope, String name, Class<T> type) {
    return read(name, scope.getVariableTyped(name, false), type);
  }

  /** The JSON variable {@code name} of this scope as a list of {@code element}s; null if absent. */
  public static <E> List<E> list(VariableScope scope, String name, Class<E> element) {
    return list(name, scope.getVariableTyped(name, false), element);
  }

  /**
   * The JSON variable {@code name} as read outside a scope (the runtime service); null if absent.
   *
   * @param value as read without deserialising, e.g. {@code getVariableTyped(id, name, false)}
   * @throws IllegalStateException if it holds something that is not a {@code type}
   */
  public static <T> T read(String name, TypedValue value, Class<T> type) {
    return valueAs(name, value, mapper().getTypeFactory().constructType(type), type);
  }

  /** {@link #read(String, TypedValue, Class)} for a list of {@code element}s. */
  @SuppressWarnings("unchecked")
  public static <E> List<E> list(String name, TypedValue value, Class<E> element) {
    JavaType type = mapper().getTypeFactory().constructCollectionType(ArrayList.class, element);
    List<?> list = valueAs(name, value, type, List.class);
    if (list != null) {
      for (Object item : list) {
        if (item != null && !element.isInstance(item)) {
          throw wrongShape(name, type);
        }
      }
    }
    return (List<E>) list;
  }

  /**
   * For a history read through {@link StoredVariables#json}: the stored JSON as a {@code type},
   * read as the engine reads it; a value of another shape is damaged.
   */
  public static <T> Function<JsonNode, T> as(Class<T> type) {
    return node -> {
      try {
        return mapper().treeToValue(node, type);
      } catch (JsonProcessingException e) {
        return StoredVariables.fail();
      }
    };
  }

  private static <T> T valueAs(String name, TypedValue value, JavaType javaType, Class<T> type) {
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
        String text = serializable.getValueSerialized();
        return text == null ? null : type.cast(mapper().readValue(text, javaType));
      }
      Object plain = value.getValue();
      if (plain == null || type.isInstance(plain)) {
        return type.cast(plain);
      }
      if (plain instanceof SpinJsonNode node) {
        return type.cast(mapper().readValue(node.toString(), javaType));
      }
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException(wrongShape(name, javaType).getMessage(), e);
    }
    throw wrongShape(name, javaType);
  }

  private static IllegalStateException wrongShape(String name, JavaType type) {
    return new IllegalStateException("The variable '" + name + "' does not hold a "
        + type.toCanonical());
  }

  /** Spin's own Jackson, as the engine uses it to write and read object values. */
  private static ObjectMapper mapper() {
    return ((JacksonJsonDataFormat) DataFormats.json()).getObjectMapper();
  }
}
