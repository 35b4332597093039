package org.eie.workflows.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.spin.plugin.impl.JsonValueSerializer;
import org.camunda.spin.plugin.variable.value.SpinValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A stored Json value that Spin cannot parse (nested deeper than Jackson's limit of 1,000, or not
 * JSON at all: written through the Java API, by an old version or before the write limits of
 * {@code security/EngineFormBodies}) is read as its stored text instead of failing the read.
 *
 * <p>Without this, one such variable made every read of its scope answer 500 ("Cannot
 * deserialize object in variable"): the engine REST API's and Tasklist's
 * {@code /task/{id}/variables} and {@code /form-variables}, the process instance's variables,
 * Cockpit's variable list. The REST API hands out a Json value as its text anyway, so a reader
 * sees what is stored; Java code that asks for the parsed value of such a variable still fails,
 * with "Object is not deserialized".
 */
@Component
class StoredJsonAsText extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(StoredJsonAsText.class);

  /** After the engine is built: Spin adds its serializers in its own postInit. */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    VariableSerializers serializers = ((ProcessEngineConfigurationImpl)
        engine.getProcessEngineConfiguration()).getVariableSerializers();
    for (TypedValueSerializer<?> spin : serializers.getSerializers()) {
      if (spin instanceof JsonValueSerializer && !(spin instanceof TextOnFailure)) {
        int index = serializers.getSerializerIndex(spin);
        serializers.removeSerializer(spin);
        serializers.addSerializer(new TextOnFailure(), index);
        return;
      }
    }
    LOG.warn("Spin's Json serializer not found: a stored Json value that does not parse fails"
        + " the reads of its scope");
  }

  /** Spin's own Json serializer, which falls back to the stored text when it cannot parse. */
  static final class TextOnFailure extends JsonValueSerializer {

    @Override
    public SpinValue readValue(ValueFields fields, boolean deserialize, boolean asTransient) {
      if (!deserialize) {
        return super.readValue(fields, false, asTransient);
      }
      try {
        return super.readValue(fields, true, asTransient);
      } catch (ProcessEngineException e) {
        LOG.warn("Json variable '{}' cannot be parsed, read as text: {}", fields.getName(),
            e.getMessage());
        return super.readValue(fields, false, asTransient);
      }
    }
  }
}
