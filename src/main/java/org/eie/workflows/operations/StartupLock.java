package org.eie.workflows.operations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Start-up work that checks and then creates (the access model's groups, tenants, grants and
 * filters) runs one node at a time: in one transaction that first locks the row of
 * {@code eie_startup_lock}. A node starting beside another waits for it, then finds everything
 * created. The engine's commands join that transaction.
 */
@Component
public class StartupLock {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  StartupLock(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  public void exclusively(Runnable work) {
    transaction.executeWithoutResult(status -> {
      jdbc.sql("select id from eie_startup_lock where id = 1 for update").query(Integer.class)
          .optional();
      work.run();
    });
  }
}
