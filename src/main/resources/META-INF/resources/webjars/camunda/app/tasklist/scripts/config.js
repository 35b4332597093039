// EiE Workflows: Tasklist's configuration (it replaces the one in Camunda's webjar). Camunda's
// defaults are kept; Tasklist speaks our five languages (locales/*.json beside this folder; the
// person's own language is set by eie/language before Tasklist starts); the custom scripts add a
// link to the EiE dashboard (/dashboard) and hide what the user may not use (eie/dead-ends, with
// styles/user-styles.css), name what Tasklist leaves unnamed for screen readers (eie/accessible),
// keep every key typed into a form's text field (eie/keystrokes), confirm each completed task
// with what happens next (eie/task-done), and set each form in its own direction and form-js's
// refusals beside a field in the form's language (eie/form-direction: an Arabic form reads right
// to left).
export default {
  locales: {
    availableLocales: ['en', 'fr', 'es', 'pt', 'ar'],
    fallbackLocale: 'en'
  },
  customScripts: ['../eie/language', '../eie/dashboard-link', 'eie/dead-ends', '../eie/sign-out',
    'eie/accessible', 'eie/keystrokes', '../eie/task-done', 'eie/form-direction'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
