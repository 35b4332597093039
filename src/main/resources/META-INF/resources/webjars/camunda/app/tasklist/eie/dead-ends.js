// Shows "Create task" and the filters' edit buttons only to users who may use them (Camunda shows
// them to everyone, and they answer 403): asks the engine, as Tasklist does for "Create filter",
// and marks the page; styles/user-styles.css hides what is not marked.
const check = (permission, resourceName, resourceType) =>
  fetch('/camunda/api/engine/engine/default/authorization/check?permissionName=' + permission
      + '&resourceName=' + resourceName + '&resourceType=' + resourceType,
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response.json() : {authorized: false})
    .then(answer => answer.authorized === true)
    .catch(() => false);

function mark(className) {
  const apply = () => document.body.classList.add(className);
  if (document.body) {
    apply();
  } else {
    document.addEventListener('DOMContentLoaded', apply);
  }
}

// Resource types: 5 filter, 7 task (org.camunda.bpm.engine.authorization.Resources).
check('CREATE', 'task', 7).then(allowed => allowed && mark('eie-may-create-tasks'));
check('UPDATE', 'filter', 5).then(allowed => allowed && mark('eie-may-edit-filters'));
