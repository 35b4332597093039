// Shows the filters' edit buttons only to users who may change filters (Camunda shows them to
// everyone, and saving answers 403): asks the engine, as Tasklist does for "Create filter", and
// marks the page; styles/user-styles.css hides them when the page is not marked. Asked again on
// every navigation: the script starts before the user logs in, and another user may log in.
const resourceTypeFilter = 5; // org.camunda.bpm.engine.authorization.Resources.FILTER
const marker = 'eie-may-edit-filters';

function checkFilterEditing() {
  fetch('/camunda/api/engine/engine/default/authorization/check?permissionName=UPDATE'
      + '&resourceName=filter&resourceType=' + resourceTypeFilter,
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response.json() : {authorized: false})
    .catch(() => ({authorized: false}))
    .then(answer => document.body && document.body.classList.toggle(marker,
        answer.authorized === true));
}

window.addEventListener('hashchange', checkFilterEditing);
if (document.body) {
  checkFilterEditing();
} else {
  document.addEventListener('DOMContentLoaded', checkFilterEditing);
}
