// Names and order for what Tasklist's own markup leaves unnamed, so that a screen reader says
// what a control does (axe-core: button-name, link-name, aria-dialog-name, tabindex), and the
// task list's default priority, which every task has, out of the way. Tasklist renders with
// AngularJS long after this script starts and re-renders on every navigation: a MutationObserver
// looks at what is added. These names are English whatever language Tasklist speaks.
const names = [
  ['.app-switch > .dropdown-toggle', 'Camunda applications'],
  ['button.region-toggle[data-region="filters"]', 'Show or hide the filters'],
  ['button.region-toggle[data-region="list"]', 'Show or hide the task list'],
  ['button.region-toggle[data-region="task"]', 'Show or hide the task'],
  ['button.maximize[data-region="task"]', 'Show the task in the whole window'],
  ['button.maximize', 'Show in the whole window'],
  ['.new-sort > .dropdown-toggle', 'Sort the tasks by another property'],
  ['a.instance-link', 'Open the process instance in Cockpit'],
  ['[cam-widget-search] .dropdown-toggle', 'Saved searches'],
  ['.task-card-details .shutter > a', 'Show more'],
  ['[cam-widget-search-pill] .remove-search', 'Remove this criterion'],
  ['.modal-header .close, button.close', 'Close']
];

// Tasklist's default priority (Camunda's TaskEntity.DEFAULT_PRIORITY): on every task, it says
// nothing; a task given another priority (a reminder) still shows its own.
const defaultPriority = '50';

/** The text a screen reader would read for an element, roughly: enough to see it has none. */
function unnamed(element) {
  return !element.getAttribute('aria-label') && !element.getAttribute('aria-labelledby')
    && !element.getAttribute('title') && !element.innerText.trim()
    && !element.querySelector('img[alt]:not([alt=""])');
}

function tooltipOf(element) {
  const own = element.getAttribute('uib-tooltip');
  if (own && !own.includes('{{')) {
    return own;
  }
  const holder = element.parentElement && element.parentElement.closest('[uib-tooltip]');
  const near = holder && holder.getAttribute('uib-tooltip');
  return near && !near.includes('{{') ? near : null;
}

let dialogs = 0;

function improve(root) {
  names.forEach(([selector, name]) => root.querySelectorAll(selector).forEach(element => {
    if (unnamed(element)) {
      element.setAttribute('aria-label', name);
    }
  }));
  root.querySelectorAll('a, button').forEach(element => {
    if (!unnamed(element)) {
      return;
    }
    // Text Tasklist hides on narrower screens ("Add sorting" beside its icon) still names it.
    const name = element.textContent.trim().replace(/\s+/g, ' ') || tooltipOf(element);
    if (name) {
      if (element.tagName === 'A' && !element.hasAttribute('href')) {
        element.setAttribute('role', 'button'); // a link without an address only acts
      }
      element.setAttribute('aria-label', name);
    }
  });
  // The login form orders its fields with tabindex 1, 2, 3: the page's order is the same, and a
  // positive tabindex puts them before everything else on the page (the header's links).
  root.querySelectorAll('[tabindex]').forEach(element => {
    if (Number(element.getAttribute('tabindex')) > 0) {
      element.removeAttribute('tabindex');
    }
  });
  // The task search's typeahead puts combobox attributes on a plain text field.
  root.querySelectorAll('input[uib-typeahead]:not([role])')
    .forEach(input => input.setAttribute('role', 'combobox'));
  // The start dialog's title comes and goes (Angular's ng-if) as the user picks a process.
  root.querySelectorAll('[role="dialog"]:not([aria-label])').forEach(dialog => {
      const named = dialog.getAttribute('aria-labelledby');
      if (named && document.getElementById(named)) {
        return;
      }
      const title = dialog.querySelector('.modal-title, h3, h2, h4');
      if (title) {
        title.id = title.id || 'eie-dialog-title-' + (++dialogs);
        dialog.setAttribute('aria-labelledby', title.id);
      }
    });
  root.querySelectorAll('.tasks-list .priority').forEach(priority => priority.classList
    .toggle('eie-default-priority', priority.textContent.trim() === defaultPriority));
}

let pending = false;

function soon() {
  // Many mutations come at once while Angular renders: one pass per frame is enough.
  if (!pending) {
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      improve(document);
    });
  }
}

function start() {
  improve(document);
  new MutationObserver(soon).observe(document.body,
    {childList: true, subtree: true, characterData: true});
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}
