package org.eie.workflows.security;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.eie.workflows.forms.SharedCommand;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What Tasklist reads to list and open tasks, each answered by the engine in one command instead
 * of one per engine call: the filter list with its counts ({@code GET filter?itemCount=true}: the
 * filters, then a count for each), a filter's page of tasks ({@code filter/{id}/list}: the filter
 * read, the page, its count, the embedded definitions and the variables shown), and an open task's
 * form variables and deployed form ({@code GET task/{id}/form-variables} and
 * {@code deployed-form}: the tenant seal's look-up of the task as the caller, then the form's read).
 *
 * <p>It runs before the tenant seal, and the guards behind it and the REST API's resource run
 * unchanged inside an engine command, so every engine call they make joins that command (the
 * engine's own rule: a call inside a command reuses its context): one transaction, one connection,
 * one revoke look-up, and a filter or task read once is not read again. Every check the engine
 * makes still runs, as the caller: each count and each page is still authorized, the seal still
 * looks the task up as the caller, and every refusal is still the engine's or the seal's answer.
 *
 * <p>These routes only read. A call inside that fails (an invalid query, a filter the caller may
 * not read) has its answer written by the REST API and marks the shared transaction for rollback,
 * which then has nothing to undo: that rollback is not a second error. The transaction is begun
 * here, around the command, so that it is refused only here, at its end, and not logged as a
 * failed command; each call's own refusal is logged as before ({@link SharedCommand}).
 *
 * <p>Such a read holds its database connection from its first engine call to its last, where each
 * call held one only for itself. The lists are long: at most half the connection pool is held by
 * them at once, and a list beyond that waits its turn behind the other lists (first come, first
 * served), so the calls that open a task always find the other half free when many users are at
 * work. Opening a task is short and always runs in one command: one connection taken once, where
 * the seal's look-up and the form's read each queued for one.
 */
final class TasklistReadsInOneCommand extends OncePerRequestFilter {

  private static final Pattern LISTS = Pattern.compile("/filter(/[^/]+/(list|count))?");
  private static final Pattern OPENING_A_TASK =
      Pattern.compile("/task/[^/]+/(form-variables|deployed-form)");

  /** Hikari's default, for a pool that does not say its size. */
  private static final int DEFAULT_POOL_SIZE = 10;

  private final CommandExecutor commands;
  private final TransactionTemplate transaction;
  private final Semaphore connections;

  TasklistReadsInOneCommand(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.commands = configuration.getCommandExecutorTxRequired();
    this.transaction = new TransactionTemplate(
        ((SpringProcessEngineConfiguration) configuration).getTransactionManager());
    this.connections = new Semaphore(Math.max(1, poolSize(configuration.getDataSource()) / 2),
        true);
  }

  private static int poolSize(DataSource dataSource) {
    try {
      return dataSource.isWrapperFor(HikariDataSource.class)
          ? dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() : DEFAULT_POOL_SIZE;
    } catch (SQLException notAPool) {
      return DEFAULT_POOL_SIZE;
    }
  }

  /**
   * The list of filters and opening a task are GETs; a page of tasks a GET or, with Tasklist's
   * sorting, a POST.
   */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String route = EngineRouteWall.routeOf(TenantSeal.pathOf(request));
    if ("GET".equals(request.getMethod())) {
      return !LISTS.matcher(route).matches() && !OPENING_A_TASK.matcher(route).matches();
    }
    return !("POST".equals(request.getMethod()) && LISTS.matcher(route).matches()
        && route.endsWith("/list"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!LISTS.matcher(EngineRouteWall.routeOf(TenantSeal.pathOf(request))).matches()) {
      inOneCommand(request, response, chain);
      return;
    }
    // A list waits its turn, as it would for a connection, but only behind other lists.
    connections.acquireUninterruptibly();
    try {
      inOneCommand(request, response, chain);
    } finally {
      connections.release();
    }
  }

  private void inOneCommand(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    // Written out once the transaction has ended: a slow connection holds no database connection.
    var answer = new ContentCachingResponseWrapper(response);
    try {
      transaction.executeWithoutResult(status -> commands.execute((SharedCommand) context -> {
        try {
          chain.doFilter(request, answer);
        } catch (IOException | ServletException notTheEngines) {
          throw new Passed(notTheEngines);
        }
        return null;
      }));
    } catch (Passed passed) {
      if (passed.getCause() instanceof IOException io) {
        throw io;
      }
      throw (ServletException) passed.getCause();
    } catch (UnexpectedRollbackException answeredAlready) {
      // A refusal inside, answered by the REST API; a read leaves nothing to roll back.
    }
    answer.copyBodyToResponse();
  }

  /** The servlet's own exceptions, carried out of the command unchanged. */
  private static final class Passed extends RuntimeException {
    Passed(Exception cause) {
      super(cause);
    }
  }
}
