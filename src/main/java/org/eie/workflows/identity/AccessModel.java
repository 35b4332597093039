package org.eie.workflows.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.TENANT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.eie.workflows.Processes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.eie.workflows.operations.StartupLock;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The identity and access model, in one place: groups by role, one tenant per country cluster,
 * which group may do what, the Tasklist filters each group sees, the administrator and (in demo
 * mode only) the demo users. Applied at start-up, before the web server accepts requests, and
 * idempotent: it adds what is missing and never removes what an administrator added in Admin.
 *
 * <p>Country isolation uses Camunda multi-tenancy with shared definitions: each country-level
 * process instance gets its country as tenant id ({@link CountryTenantIdProvider}) and only that
 * country's groups (plus the Secretariat and the global co-leads) are members of the tenant. The
 * engine then filters every query, in the REST API, Tasklist and Cockpit alike. Authorizations
 * (checks on) say which role may start, read or work on which process.
 */
@Component
class AccessModel implements InitializingBean {


  private static final Logger LOG = LoggerFactory.getLogger(AccessModel.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final EieProperties properties;
  private final StartupLock startupLock;
  /** Group authorizations read at start-up, by group, resource type and id: see existingGrant. */
  private final Map<String, Authorization> grantsRead = new java.util.HashMap<>();
  private final java.util.Set<Integer> typesRead = new java.util.HashSet<>();
  private static final List<Resource> READ_WHOLE = List.of(APPLICATION, FILTER,
      PROCESS_DEFINITION);

  AccessModel(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, EieProperties properties, StartupLock startupLock) {
    this.startupLock = startupLock;
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    String adminPassword = properties.adminPassword(); // fails fast, before anything is written
    // Nodes starting together take turns: each checks, then creates what is missing.
    startupLock.exclusively(() -> {
      // Read inside the lock: another node may just have written what this one would read.
      grantsRead.clear();
      typesRead.clear();
      writeAccessModel(adminPassword);
    });
  }

  private void writeAccessModel(String adminPassword) {
    roleGroups();
    countryClusters();
    administrator(adminPassword);
    taskListFilters();
    appealGrants();
    strategicPlanningGrants();
    trainingRollout();
    donorDeliveryGrants();
    withdrawFormerWriteGrants();
    if (properties.demo()) {
      DemoUsers.ALL.forEach(this::demoUser);
      LOG.info("Demo mode: {} demo users are available (see README.md).", DemoUsers.ALL.size());
    }
  }

  private void roleGroups() {
    group(Groups.GLOBAL_CO_LEADS, "Global co-leads (GEC Unit)", "WORKFLOW");
    group(Groups.SECRETARIAT, "INEE Secretariat", "WORKFLOW");
    group(Groups.STEERING_GROUP, "INEE Steering Group", "WORKFLOW");
    group(Groups.STANDARDS_WORKING_GROUP, "INEE Standards and Practice Working Group", "WORKFLOW");
    group(Groups.UNICEF, "UNICEF", "ORGANISATION");
    group(Groups.SAVE_THE_CHILDREN, "Save the Children", "ORGANISATION");
    for (String language : Groups.LANGUAGES) {
      group(Groups.languageCommunity(language), "Language Community: " + language, "WORKFLOW");
      grant(Groups.languageCommunity(language), APPLICATION, "tasklist", ACCESS);
    }

    for (String global : List.of(Groups.GLOBAL_CO_LEADS, Groups.SECRETARIAT)) {
      grant(global, APPLICATION, "tasklist", ACCESS);
      grant(global, APPLICATION, "cockpit", ACCESS);
      grant(global, PROCESS_INSTANCE, ANY, CREATE);
      grant(global, PROCESS_DEFINITION, Processes.APPEAL, READ, READ_INSTANCE, READ_HISTORY);
      // Cockpit's Human Tasks view and task counts; the country tenants still bound what is read.
      grant(global, TASK, ANY, READ);
    }
    grant(Groups.STEERING_GROUP, APPLICATION, "tasklist", ACCESS);
    grant(Groups.STANDARDS_WORKING_GROUP, APPLICATION, "tasklist", ACCESS);
    // What each role may do with the planning cycle and the training rollout is stated once, in
    // strategicPlanningGrants() and trainingRollout().
  }

  /**
   * The strategic planning cycle (issue 4), on top of the basic set in {@link #roleGroups()}:
   * the Secretariat and the GEC Unit start and run cycles; the Steering Group approves INEE's plan
   * and, like the Language Communities that translate both plans, may see the cycles it works on
   * and their plan document (which needs READ_HISTORY on the definition).
   */
  private void strategicPlanningGrants() {
    for (String runner : List.of(Groups.SECRETARIAT, Groups.GLOBAL_CO_LEADS)) {
      grant(runner, PROCESS_DEFINITION, Processes.PLANNING,
          READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY);
    }
    grant(Groups.STEERING_GROUP, PROCESS_DEFINITION, Processes.PLANNING, READ, READ_INSTANCE, READ_HISTORY);
    for (String language : Groups.LANGUAGES) {
      grant(Groups.languageCommunity(language), PROCESS_DEFINITION, Processes.PLANNING,
          READ, READ_INSTANCE, READ_HISTORY);
    }
  }

  private void countryClusters() {
    properties.countries().forEach((code, name) -> {
      if (identity.createTenantQuery().tenantId(code).count() == 0) {
        var tenant = identity.newTenant(code);
        tenant.setName(name);
        identity.saveTenant(tenant);
      }
      String coLeads = Groups.coLeadsOf(code);
      String partners = Groups.partnersOf(code);
      String coordinator = Groups.humanitarianCoordinatorOf(code);
      group(coLeads, "Co-leads, " + name + " Education Cluster", "WORKFLOW");
      group(partners, "Partners, " + name + " Education Cluster", "WORKFLOW");
      group(coordinator, "Humanitarian Coordinator's office, " + name, "WORKFLOW");
      for (String member : List.of(coLeads, partners, coordinator, Groups.GLOBAL_CO_LEADS,
          Groups.SECRETARIAT)) {
        if (identity.createTenantQuery().tenantId(code).groupMember(member).count() == 0) {
          identity.createTenantGroupMembership(code, member);
        }
      }
      grant(coLeads, TENANT, code, READ);
      grant(partners, TENANT, code, READ);
      grant(coordinator, TENANT, code, READ);

      grant(coLeads, APPLICATION, "tasklist", ACCESS);
      grant(coLeads, APPLICATION, "cockpit", ACCESS);
      grant(coLeads, PROCESS_INSTANCE, ANY, CREATE);
      // READ_TASK: every task of the country's appeals, bounded by the tenant; see
      // readsEveryTaskOf().
      grant(coLeads, PROCESS_DEFINITION, Processes.APPEAL,
          READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY, READ_TASK);

      grant(partners, APPLICATION, "tasklist", ACCESS);
      grant(partners, PROCESS_DEFINITION, Processes.APPEAL, READ);

      // The HC's office works on one task of its country's appeals, "Endorse the appeal", which
      // its candidate group gives it (the engine's grant on that task); it reads the definition
      // for Tasklist's process name and nothing of the instances beyond the task.
      grant(coordinator, APPLICATION, "tasklist", ACCESS);
      grant(coordinator, PROCESS_DEFINITION, Processes.APPEAL, READ);
    });
  }

  // --- Emergency funding appeal (issue 3) -------------------------------------------------------

  /**
   * What the appeal needs beyond the country-cluster grants above. Partners get nothing more on
   * purpose: they work only through their own tasks: "Submit a partner project", offered to
   * {@code partners-XX}, which {@code POST /api/appeals/{id}/projects} completes too, and "Revise
   * returned project", offered only to the group of the organisation that submitted it
   * ({@code partner-XX-<acronym>}, see partners/). Without READ_INSTANCE a
   * partner never reads another partner's projects or the panel's scores; and as those tasks
   * run in their own sub-instances, their variables hold only what the form needs. Co-leads and global
   * co-leads may read the publication-deadline decision and its history in Cockpit, to see why a
   * deadline was set.
   */
  private void appealGrants() {
    List<String> readers = new ArrayList<>(List.of(Groups.GLOBAL_CO_LEADS, Groups.SECRETARIAT));
    properties.countries().keySet().forEach(code -> readers.add(Groups.coLeadsOf(code)));
    for (String group : readers) {
      grant(group, Resources.DECISION_DEFINITION, APPEAL_DEADLINES, READ,
          org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY);
      for (String partnerProcess : APPEAL_PARTNER_PROCESSES) {
        grant(group, PROCESS_DEFINITION, partnerProcess, READ, READ_INSTANCE, READ_HISTORY);
      }
    }
    // The partners' tasks live in their own small process instances (called by the appeal), so
    // that a partner reading its task's variables sees only what its form needs. Partners read
    // those definitions (Tasklist shows the process name) and nothing of their instances beyond
    // their tasks, which the candidate group partners-XX gives them.
    properties.countries().keySet().forEach(code -> APPEAL_PARTNER_PROCESSES.forEach(
        partnerProcess -> grant(Groups.partnersOf(code), PROCESS_DEFINITION, partnerProcess, READ)));
  }

  static final String APPEAL_DEADLINES = "appealDeadlines";
  static final List<String> APPEAL_PARTNER_PROCESSES =
      List.of(Processes.APPEAL_PARTNER_SUBMISSION, Processes.APPEAL_PROJECT_REVISION);

  // --- end of the emergency funding appeal's grants ----------------------------------------------

  /**
   * The joint training package rollout (issue 5), all its grants in one place: the global co-leads
   * follow rollouts and every country branch; the Secretariat also starts them; the Standards and Practice working group and the Language Communities see the rollout
   * definition behind their tasks (their tasks come to them as candidate groups); each country's
   * co-leads read only their own country's {@code trainingCountryRollout}
   * instances (a withdrawal goes through our API), which the country tenant keeps from every
   * other country. Co-leads may read the
   * rollout's definition (finishing their country continues the rollout, which the engine checks)
   * but none of its instances, so other countries' results stay hidden from them. The Secretariat
   * also reads the country tasks (READ_TASK), to follow every country in Tasklist.
   */
  private void trainingRollout() {
    grant(Groups.GLOBAL_CO_LEADS, PROCESS_DEFINITION, Processes.TRAINING,
        READ, READ_INSTANCE, READ_HISTORY);
    grant(Groups.GLOBAL_CO_LEADS, PROCESS_DEFINITION, Processes.TRAINING_COUNTRY,
        READ, READ_INSTANCE, READ_HISTORY);
    grant(Groups.SECRETARIAT, PROCESS_DEFINITION, Processes.TRAINING,
        READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY);
    grant(Groups.SECRETARIAT, PROCESS_DEFINITION, Processes.TRAINING_COUNTRY,
        READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
    grant(Groups.STANDARDS_WORKING_GROUP, PROCESS_DEFINITION, Processes.TRAINING, READ);
    Groups.LANGUAGES.forEach(language ->
        grant(Groups.languageCommunity(language), PROCESS_DEFINITION, Processes.TRAINING, READ));
    properties.countries().keySet().forEach(code -> {
      grant(Groups.coLeadsOf(code), PROCESS_DEFINITION, Processes.TRAINING_COUNTRY,
          READ, READ_INSTANCE, READ_HISTORY);
      grant(Groups.coLeadsOf(code), PROCESS_DEFINITION, Processes.TRAINING, READ);
    });
  }

  /**
   * The appeal's donor deliveries (a sub-process in the appeal's country tenant): the Secretariat
   * and the co-leads follow them in Cockpit; a failed delivery is retried through our API
   * ({@code POST /api/appeals/{id}/deliveries/retry}), which checks the role and records why.
   */
  private void donorDeliveryGrants() {
    for (String global : List.of(Groups.GLOBAL_CO_LEADS, Groups.SECRETARIAT)) {
      grant(global, PROCESS_DEFINITION, Processes.APPEAL_DONOR_DELIVERY,
          READ, READ_INSTANCE, READ_HISTORY);
    }
    properties.countries().keySet().forEach(code -> grant(Groups.coLeadsOf(code),
        PROCESS_DEFINITION, Processes.APPEAL_DONOR_DELIVERY, READ, READ_INSTANCE, READ_HISTORY));
  }

  /**
   * Least privilege on databases set up by earlier versions of this model, which gave the role
   * groups UPDATE_INSTANCE on the process definitions (and with it: modify instances, write any
   * variable, execute jobs). Only that permission, only on our definitions and only for the groups
   * this model manages is taken back; whatever an administrator granted otherwise stays.
   * Actions beyond completing one's tasks go through our API ({@link RoleActions}).
   */
  private void withdrawFormerWriteGrants() {
    List<String> definitions = List.of(Processes.APPEAL, Processes.PLANNING, Processes.TRAINING,
        Processes.TRAINING_COUNTRY, Processes.APPEAL_DONOR_DELIVERY,
        Processes.APPEAL_PARTNER_SUBMISSION, Processes.APPEAL_PROJECT_REVISION);
    for (Authorization authorization : authorizations.createAuthorizationQuery()
        .resourceType(PROCESS_DEFINITION).list()) {
      String group = authorization.getGroupId();
      if (group == null || Groups.ADMINS.equals(group)
          || !definitions.contains(authorization.getResourceId())
          || !authorization.isPermissionGranted(UPDATE_INSTANCE)) {
        continue;
      }
      authorization.removePermission(UPDATE_INSTANCE);
      authorizations.saveAuthorization(authorization);
      LOG.info("Withdrew UPDATE_INSTANCE on {} from group {}.", authorization.getResourceId(),
          group);
    }
  }

  private void administrator(String password) {
    group(Groups.ADMINS, "Administrators", "SYSTEM");
    for (Resource resource : Resources.values()) {
      grant(Groups.ADMINS, resource, ANY, ALL);
    }
    String username = properties.admin().username();
    if (identity.createUserQuery().userId(username).count() == 0) {
      User admin = identity.newUser(username);
      admin.setFirstName("EiE Workflows");
      admin.setLastName("Administrator");
      admin.setPassword(password);
      identity.saveUser(admin);
      LOG.info("Created the administrator account '{}'.", username);
    }
    // A direct member of camunda-admin: the Admin webapp's first-run setup then refuses to create
    // another administrator (the HTTP layer also blocks that endpoint; see security/).
    membership(username, Groups.ADMINS);
  }

  private void taskListFilters() {
    List<String> globalRoles = new ArrayList<>(List.of(Groups.GLOBAL_CO_LEADS, Groups.SECRETARIAT,
        Groups.STEERING_GROUP, Groups.STANDARDS_WORKING_GROUP));
    Groups.LANGUAGES.forEach(language -> globalRoles.add(Groups.languageCommunity(language)));
    List<String> everyone = new ArrayList<>(globalRoles);

    properties.countries().forEach((code, name) -> {
      String coLeads = Groups.coLeadsOf(code);
      String partners = Groups.partnersOf(code);
      String coordinator = Groups.humanitarianCoordinatorOf(code);
      everyone.add(coLeads);
      everyone.add(partners);
      everyone.add(coordinator);
      filter("My country's tasks: " + name, -10,
          "Open tasks of the " + name + " Education Cluster that you may work on",
          "filter.countryTasks", name,
          tasks.createTaskQuery().tenantIdIn(code)
              .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
          coLeads, partners, coordinator);
    });
    filter("My group's tasks", 0, "Open tasks offered to your groups or assigned to you",
        "filter.groupTasks", null,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks(),
        globalRoles.toArray(String[]::new));
    filter("Assigned to me", 10, "Tasks you have claimed", "filter.assignedToMe", null,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
        everyone.toArray(String[]::new));
    filter("Due soon", 20, "Your tasks due within the next three days", "filter.dueSoon", null,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().dueBeforeExpression("${dateTime().plusDays(3)}"),
        everyone.toArray(String[]::new));
  }

  /**
   * Whether a group reads every task of a process definition through a grant above rather than
   * through the task's own grant (which then carries only the work permission, see
   * {@link TaskGrants}): the global co-leads and the Secretariat read every task (TASK *), country
   * co-leads every task of an appeal (READ_TASK on it); the tenants still bound both to their
   * countries. Keep in step with those grants.
   */
  static boolean readsEveryTaskOf(String groupId, String processDefinitionKey) {
    return Groups.GLOBAL_CO_LEADS.equals(groupId) || Groups.SECRETARIAT.equals(groupId)
        || (Processes.APPEAL.equals(processDefinitionKey) && groupId != null
            && groupId.startsWith(Groups.coLeadsOf("")));
  }

  /**
   * A filter with its English name and description; {@code wording} names its words in every
   * language (tasklist/messages*.properties), {@code country} the country they speak of, if any.
   */
  private void filter(String name, int priority, String description, String wording,
      String country, TaskQuery query, String... readers) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      // Saved from Tasklist under the name a reader saw in their language: still ours.
      filter = filters.createFilterQuery().list().stream()
          .filter(f -> f.getProperties() != null
              && wording.equals(f.getProperties().get(TaskListColumns.FILTER_WORDING))
              && Objects.equals(country, f.getProperties().get(TaskListColumns.FILTER_COUNTRY)))
          .findFirst().orElse(null);
    }
    // Tasklist lists these variables under each task: which country and which emergency.
    Map<String, Object> properties = new HashMap<>(Map.of("description", description,
        "priority", priority, "refresh", true, TaskListColumns.FILTER_WORDING, wording,
        "variables", List.of(
            Map.of("name", TaskListColumns.COUNTRY, "label", "Country"),
            Map.of("name", TaskListColumns.EMERGENCY,
                "label", "Emergency"))));
    if (country != null) {
      properties.put(TaskListColumns.FILTER_COUNTRY, country);
    }
    Filter wanted = filters.newTaskFilter(name);
    wanted.setQuery(query);
    wanted.setProperties(properties);
    if (filter == null) {
      filter = filters.saveFilter(wanted);
    } else if (!properties.equals(filter.getProperties()) || !name.equals(filter.getName())
        || !queryOf(wanted).equals(queryOf(filter))) {
      // A filter made by an earlier version asks and shows what this one does.
      filter.setName(name);
      filter.setQuery(query);
      filter.setProperties(properties);
      filter = filters.saveFilter(filter);
    }
    for (String reader : readers) {
      grant(reader, FILTER, filter.getId(), READ);
    }
  }

  /** A filter's query as the engine stores it (JSON). */
  private static String queryOf(Filter filter) {
    return ((FilterEntity) filter).getQueryInternal();
  }

  private void demoUser(DemoUsers.DemoUser demo) {
    if (identity.createUserQuery().userId(demo.id()).count() == 0) {
      User user = identity.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@example.org");
      user.setPassword(DemoUsers.PASSWORD);
      identity.saveUser(user);
    }
    demo.groups().forEach(group -> membership(demo.id(), group));
  }

  private void group(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
    grant(id, GROUP, id, READ);
  }

  private void membership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization authorization = existingGrant(groupId, resource, resourceId);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      String id = authorizations.saveAuthorization(authorization).getId();
      // Read back: a second grant on the same row then updates the revision now stored.
      grantsRead.put(groupId + "|" + resource.resourceType() + "|" + resourceId,
          authorizations.createAuthorizationQuery().authorizationId(id).singleResult());
    }
  }

  /**
   * The group's authorization on the resource, if any. The kinds of resource with a bounded
   * number of rows that only this model writes at start-up (applications, filters, definitions)
   * are read once, all rows at a time: start-up asked about every grant apart, several hundred
   * queries. The rest are asked about one by one: tasks and instances can have a row per
   * instance, and the engine itself grants a new group READ on itself and on the tenants it
   * joins.
   */
  private Authorization existingGrant(String groupId, Resource resource, String resourceId) {
    String key = groupId + "|" + resource.resourceType() + "|" + resourceId;
    if (!READ_WHOLE.contains(resource)) {
      return authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
          .resourceId(resourceId).singleResult();
    }
    if (typesRead.add(resource.resourceType())) {
      for (Authorization row : authorizations.createAuthorizationQuery().resourceType(resource)
          .list()) {
        if (row.getGroupId() != null) {
          grantsRead.putIfAbsent(row.getGroupId() + "|" + row.getResourceType() + "|"
              + row.getResourceId(), row);
        }
      }
    }
    return grantsRead.get(key);
  }
}
