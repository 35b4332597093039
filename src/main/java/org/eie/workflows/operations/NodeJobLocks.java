package org.eie.workflows.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This node's name on the jobs it locks, the same in every life of the node: Camunda's default is
 * a new random owner per start, so a node restarted after a crash left the jobs its previous life
 * had locked to wait out the whole lock time. Here a restarting node releases them at once,
 * before its job executor starts.
 *
 * <p>The name is {@link Node#id()}. Two live nodes must never share it: a node that starts would
 * release the other's locks while that one still works on them.
 */
@Component
class NodeJobLocks extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(NodeJobLocks.class);

  private final JdbcClient jdbc;
  private final String nodeId;

  NodeJobLocks(JdbcClient jdbc, Node node) {
    this.jdbc = jdbc;
    this.nodeId = node.id();
  }

  String nodeId() {
    return nodeId;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(nodeId);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor();
    if (executor == null) {
      return;
    }
    executor.setLockOwner(nodeId);
    // Locks of this node's previous life: nothing of this node runs them now.
    int released = jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null,"
            + " REV_ = REV_ + 1 where LOCK_OWNER_ = ?")
        .param(nodeId).update();
    if (released > 0) {
      LOG.info("Node {}: released {} job locks held by its previous run; they run now.", nodeId,
          released);
    }
  }
}
