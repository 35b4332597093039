// Names and order for what Tasklist's own markup leaves unnamed, so that a screen reader says
// what a control does (axe-core: button-name, link-name, aria-dialog-name, tabindex), and the
// task list's default priority, which every task has, out of the way. Tasklist renders with
// AngularJS long after this script starts and re-renders on every navigation: a MutationObserver
// looks at what is added. The names are in the person's language, the one eie/language.js gave
// the page (document.documentElement.lang, the language Tasklist speaks), else English.
const names = [
  ['.app-switch > .dropdown-toggle', {en: 'Camunda applications',
    fr: 'Applications Camunda', es: 'Aplicaciones de Camunda', pt: 'Aplicações Camunda',
    ar: 'تطبيقات Camunda'}],
  ['button.region-toggle[data-region="filters"]', {en: 'Show or hide the filters',
    fr: 'Afficher ou masquer les filtres', es: 'Mostrar u ocultar los filtros',
    pt: 'Mostrar ou ocultar os filtros', ar: 'إظهار عوامل التصفية أو إخفاؤها'}],
  ['button.region-toggle[data-region="list"]', {en: 'Show or hide the task list',
    fr: 'Afficher ou masquer la liste des tâches', es: 'Mostrar u ocultar la lista de tareas',
    pt: 'Mostrar ou ocultar a lista de tarefas', ar: 'إظهار قائمة المهام أو إخفاؤها'}],
  ['button.region-toggle[data-region="task"]', {en: 'Show or hide the task',
    fr: 'Afficher ou masquer la tâche', es: 'Mostrar u ocultar la tarea',
    pt: 'Mostrar ou ocultar a tarefa', ar: 'إظهار المهمة أو إخفاؤها'}],
  ['button.maximize[data-region="task"]', {en: 'Show the task in the whole window',
    fr: 'Afficher la tâche dans toute la fenêtre', es: 'Mostrar la tarea en toda la ventana',
    pt: 'Mostrar a tarefa na janela inteira', ar: 'عرض المهمة في النافذة كاملة'}],
  ['button.maximize', {en: 'Show in the whole window', fr: 'Afficher dans toute la fenêtre',
    es: 'Mostrar en toda la ventana', pt: 'Mostrar na janela inteira',
    ar: 'العرض في النافذة كاملة'}],
  ['.new-sort > .dropdown-toggle', {en: 'Sort the tasks by another property',
    fr: 'Trier les tâches selon une autre propriété', es: 'Ordenar las tareas por otra propiedad',
    pt: 'Ordenar as tarefas por outra propriedade', ar: 'فرز المهام حسب خاصية أخرى'}],
  ['a.instance-link', {en: 'Open the process instance in Cockpit',
    fr: 'Ouvrir l’instance du processus dans Cockpit',
    es: 'Abrir la instancia del proceso en Cockpit', pt: 'Abrir a instância do processo no Cockpit',
    ar: 'فتح مثيل العملية في Cockpit'}],
  ['[cam-widget-search] .dropdown-toggle', {en: 'Saved searches',
    fr: 'Recherches enregistrées', es: 'Búsquedas guardadas', pt: 'Pesquisas salvas',
    ar: 'عمليات البحث المحفوظة'}],
  ['.task-card-details .shutter > a', {en: 'Show more', fr: 'Afficher plus', es: 'Mostrar más',
    pt: 'Mostrar mais', ar: 'عرض المزيد'}],
  ['[cam-widget-search-pill] .remove-search', {en: 'Remove this criterion',
    fr: 'Retirer ce critère', es: 'Quitar este criterio', pt: 'Remover este critério',
    ar: 'إزالة هذا المعيار'}],
  ['.modal-header .close, button.close', {en: 'Close', fr: 'Fermer', es: 'Cerrar', pt: 'Fechar',
    ar: 'إغلاق'}]
];

function language() {
  const code = (document.documentElement.lang || 'en').slice(0, 2).toLowerCase();
  return names[0][1][code] ? code : 'en';
}

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
  const reader = language();
  names.forEach(([selector, name]) => root.querySelectorAll(selector).forEach(element => {
    if (unnamed(element)) {
      element.setAttribute('aria-label', name[reader]);
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
