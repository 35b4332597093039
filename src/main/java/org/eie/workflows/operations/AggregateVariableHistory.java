package org.eie.workflows.operations;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * History level full, except a copy of an aggregated (JSON) variable at every update: the appeal's
 * {@code projects} grows with each project and was written to {@code ACT_HI_DETAIL} and
 * {@code ACT_GE_BYTEARRAY} whole at each of its ten updates. The variable's current value
 * ({@code ACT_HI_VARINST}), its first value (the creation detail), every plain value's changes,
 * form fields, activities, tasks and the operation log are kept as before: what Cockpit, the
 * dashboard's step durations and the audit read. {@code eie.history.aggregate-update-copies:
 * true} writes every copy again (the engine's own behaviour at level full).
 */
@Component
@ConditionalOnProperty(name = "eie.history.aggregate-update-copies", havingValue = "false",
    matchIfMissing = true)
class AggregateVariableHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    var handlers = new ArrayList<>(configuration.getCustomHistoryEventHandlers() == null
        ? java.util.List.of() : configuration.getCustomHistoryEventHandlers());
    handlers.add(0, new WithoutAggregateUpdateCopies());
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** The engine's own database handler, minus the update details of serialised values. */
  static final class WithoutAggregateUpdateCopies extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      boolean aggregateUpdate = event.getByteValue() != null
          && event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE);
      return !aggregateUpdate && super.shouldWriteHistoricDetail(event);
    }
  }
}
