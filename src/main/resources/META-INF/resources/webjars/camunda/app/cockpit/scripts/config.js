// EiE Workflows: Cockpit's configuration (it replaces the one in Camunda's webjar). The custom
// script adds a link to the EiE dashboard (/dashboard), which shows what Cockpit CE does not.
export default {
  customScripts: ['../eie/dashboard-link', '../eie/sign-out']
};
