// EiE Workflows: Admin's configuration (it replaces the one in Camunda's webjar, which is empty).
// The custom script ends the identity provider's session too when a user who signed in there
// logs out (see ../eie/sign-out.js), as in Tasklist and Cockpit.
export default {
  customScripts: ['../eie/sign-out']
};
