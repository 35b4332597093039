package org.eie.workflows;

import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.eie.workflows.forms.TransientFormFields;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.EngineRecord;

/**
 * One Camunda engine on an in-memory H2 database, without Spring, shared by the fast engine tests
 * of the whole test run (it boots once, in about a second). It has what the processes' forms and
 * variables need of the application's engine: Spin for the JSON variables, its settings of
 * application.yml for variables and ids, and the project's transient form fields
 * ({@link TransientFormFields}), so a form submitted here is recorded as Tasklist's is. Not here:
 * authorizations, tenants and the other engine plug-ins, which need the application. The job executor is off: a test runs the jobs it means to, with the clock where
 * it put it ({@link ClockUtil}).
 *
 * <p>A test class hands the engine its real delegates and listeners by the bean names the BPMN
 * uses ({@link #with}), then deploys what it drives: a diagram of {@code bpmn/}, or
 * {@link #oneTask} around a single recorder. Names stay registered for later classes, which
 * register their own again; each class deploys its own diagrams and reads only its own instances.
 */
public final class InMemoryEngine {

  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static ProcessEngine engine;

  private InMemoryEngine() {
  }

  /** The engine, with these beans (name to our real object) resolvable from its expressions. */
  public static synchronized ProcessEngine with(Map<String, Object> beans) {
    BEANS.putAll(beans);
    if (engine == null) {
      ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration.setProcessEngineName("eie-fast-tests");
      configuration.setJdbcUrl("jdbc:h2:mem:eie-fast-tests;DB_CLOSE_DELAY=-1");
      configuration.setDatabaseSchemaUpdate("create-drop");
      configuration.setJobExecutorActivate(false);
      configuration.setHistory(ProcessEngineConfigurationImpl.HISTORY_FULL);
      configuration.setBeans(BEANS);
      // Neither decision tables nor cases here; their start-up (FEEL's Scala) would be most of
      // the boot. A refused form is the test's expected answer, not an error to log.
      configuration.setDmnEnabled(false);
      configuration.setCmmnEnabled(false);
      configuration.setEnableCmdExceptionLogging(false);
      // As application.yml sets the application's engine: JSON object variables of our own
      // types, readable user and group ids.
      configuration.setDefaultSerializationFormat("application/json");
      configuration.setDeserializationTypeValidationEnabled(true);
      configuration.setDeserializationAllowedPackages("org.eie.workflows");
      configuration.setUserResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._@-]*");
      configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9_-]*");
      configuration.setImplicitVariableUpdateDetectionEnabled(false);
      configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin(),
          new TransientFormFields()));
      engine = configuration.buildProcessEngine();
      // Not one of the JVM's engines: the application's tests running in the same JVM find
      // theirs as the only one (the REST API's engine list, camunda-bpm-assert's look-up).
      ProcessEngines.unregister(engine);
    }
    return engine;
  }

  /** Deploys resources of the classpath ({@code bpmn/training/trainingCountryRollout.bpmn}). */
  public static void deploy(String... resources) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment();
    for (String resource : resources) {
      deployment.addClasspathResource(resource);
    }
    deployment.deploy();
  }

  /** Who acts, as the application asks it, over this engine's identity service. */
  public static CurrentUser currentUser() {
    return new CurrentUser(engine.getIdentityService());
  }

  /** The engine's record as the application reads it (its constructor is the identity package's). */
  public static EngineRecord engineRecord() {
    try {
      Constructor<EngineRecord> constructor = EngineRecord.class.getDeclaredConstructor(
          HistoryService.class, IdentityService.class, RepositoryService.class);
      constructor.setAccessible(true);
      return constructor.newInstance(engine.getHistoryService(), engine.getIdentityService(),
          engine.getRepositoryService());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A user of the identity store, in these groups (created when missing). */
  public static void user(String id, String firstName, String lastName, String... groups) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      identity.saveUser(user);
    }
    for (String groupId : groups) {
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        Group group = identity.newGroup(groupId);
        identity.saveGroup(group);
      }
      if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
        identity.createMembership(id, groupId);
      }
    }
  }

  /**
   * A process of one user task around a recorder, deployed under {@code key}: start, the task,
   * end; and an interrupting message boundary event ({@link OneTask#CANCEL_MESSAGE}) that cancels
   * the task, as a timer, a withdrawal or a cancelled appeal does.
   */
  public static OneTask oneTask(String key, String taskId) {
    return new OneTask(key, taskId);
  }

  /** The one-task process being described; {@link #deploy()} deploys it. */
  public static final class OneTask {

    /** The message that cancels the task. */
    public static final String CANCEL_MESSAGE = "CancelTheTask";

    private final String key;
    private final String taskId;
    private final Map<String, String> taskListeners = new LinkedHashMap<>();
    private String endListener;
    private boolean transientForm;

    private OneTask(String key, String taskId) {
      this.key = key;
      this.taskId = taskId;
    }

    /** A task listener on this event ({@code create}, {@code assignment}, {@code complete}). */
    public OneTask taskListener(String event, String bean) {
      taskListeners.put(event, bean);
      return this;
    }

    /** The execution listener at the task's end, as forms/TaskCompletion is wired. */
    public OneTask endListener(String bean) {
      endListener = bean;
      return this;
    }

    /** The task's form hands its fields over as one transient value, as in the appeal. */
    public OneTask transientForm() {
      transientForm = true;
      return this;
    }

    public void deploy() {
      StringBuilder extensions = new StringBuilder();
      if (transientForm) {
        extensions.append("<camunda:properties><camunda:property name=\"formFields\""
            + " value=\"transient\" /></camunda:properties>");
      }
      taskListeners.forEach((event, bean) -> extensions.append(
          "<camunda:taskListener delegateExpression=\"${" + bean + "}\" event=\"" + event
              + "\" />"));
      if (endListener != null) {
        extensions.append("<camunda:executionListener delegateExpression=\"${" + endListener
            + "}\" event=\"end\" />");
      }
      String xml = """
          <?xml version="1.0" encoding="UTF-8"?>
          <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s"
              targetNamespace="http://eie.org/fast-tests">
            <bpmn:message id="Message_Cancel" name="%3$s" />
            <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
              <bpmn:startEvent id="Event_Started" />
              <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="Event_Started" targetRef="%2$s" />
              <bpmn:userTask id="%2$s" name="%2$s">
                <bpmn:extensionElements>%4$s</bpmn:extensionElements>
              </bpmn:userTask>
              <bpmn:sequenceFlow id="Flow_ToDone" sourceRef="%2$s" targetRef="Event_Done" />
              <bpmn:endEvent id="Event_Done" />
              <bpmn:boundaryEvent id="Event_Cancelled" attachedToRef="%2$s" cancelActivity="true">
                <bpmn:messageEventDefinition messageRef="Message_Cancel" />
              </bpmn:boundaryEvent>
              <bpmn:sequenceFlow id="Flow_ToCancelled" sourceRef="Event_Cancelled"
                  targetRef="Event_CancelledEnd" />
              <bpmn:endEvent id="Event_CancelledEnd" />
            </bpmn:process>
          </bpmn:definitions>
          """.formatted(key, taskId, CANCEL_MESSAGE, extensions).strip();
      engine.getRepositoryService().createDeployment()
          .addString(key + ".bpmn", xml).deploy();
    }
  }

  /** The engine, with whatever beans are registered so far. */
  public static ProcessEngine engine() {
    return with(Map.of());
  }

  /** Starts the latest version of the process, as nobody in particular. */
  public static ProcessInstance start(String key, Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey(key, variables);
  }

  /** The instance's one open task. */
  public static Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .singleResult();
  }

  /**
   * Submits the open task's form as Tasklist does ({@code FormService.submitTaskForm}), signed
   * in as {@code userId} in {@code groups}.
   */
  public static void submit(ProcessInstance instance, Map<String, Object> form, String userId,
      String... groups) {
    asUser(userId, groups, () -> engine.getFormService().submitTaskForm(task(instance).getId(),
        form));
  }

  /** Completes the open task with these variables ({@code TaskService.complete}) as the user. */
  public static void complete(ProcessInstance instance, Map<String, Object> variables,
      String userId, String... groups) {
    asUser(userId, groups, () -> engine.getTaskService().complete(task(instance).getId(),
        variables));
  }

  /** Runs {@code action} signed in as the user; null signs nobody in. */
  public static void asUser(String userId, String[] groups, Runnable action) {
    IdentityService identity = engine.getIdentityService();
    if (userId != null) {
      identity.setAuthentication(userId, List.of(groups));
    }
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Cancels the one-task process's task by its interrupting message. */
  public static void cancel(ProcessInstance instance) {
    engine.getRuntimeService().createMessageCorrelation(OneTask.CANCEL_MESSAGE)
        .processInstanceId(instance.getId()).correlate();
  }

  /**
   * The variable's last value, read from history (so also after the instance ended); null if it
   * was never set or was removed.
   */
  public static Object recorded(ProcessInstance instance, String name) {
    HistoricVariableInstance variable = engine.getHistoryService()
        .createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  /** The names of the instance's variables that hold a value now or held one at its end. */
  public static List<String> recordedNames(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list().stream()
        .map(HistoricVariableInstance::getName).sorted().toList();
  }

  /**
   * The refusal of this type that ended the action, whether the engine passed it on or wrapped
   * it (as it wraps a task listener's or a job's exception); fails if the action ended otherwise.
   */
  public static <T extends Throwable> T refusal(Class<T> type, Runnable action) {
    Throwable thrown = null;
    try {
      action.run();
    } catch (RuntimeException e) {
      thrown = e;
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    throw new AssertionError("expected a refusal of type " + type.getSimpleName() + ", got "
        + thrown, thrown);
  }

  /** Puts the engine's clock back to the real time. */
  public static void realTime() {
    ClockUtil.reset();
  }
}
