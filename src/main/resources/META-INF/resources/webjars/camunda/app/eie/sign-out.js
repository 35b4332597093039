// After "Log out" in Tasklist, Cockpit or Admin the webapps only drop their own login (an XHR). A user
// who signed in with an identity provider must also be signed out here and there: the page
// posts where the server's X-EiE-Sign-Out header says (/logout), which ends the session here,
// and goes to the provider's end-session endpoint, which ends the provider's. Local accounts get no header.
const logoutPath = /\/camunda\/api\/admin\/auth\/user\/[^/]+\/logout$/;
const open = XMLHttpRequest.prototype.open;

XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && logoutPath.test(new URL(url, location.href).pathname)) {
    this.addEventListener('load', () => {
      const signOut = this.getResponseHeader('X-EiE-Sign-Out');
      if (this.status < 300 && signOut) {
        // A form would be stopped by the webapps' CSP (form-action 'self') when its answer
        // redirects to the provider: ask for the address and go there.
        fetch(signOut, {method: 'POST', credentials: 'same-origin',
          headers: {'Accept': 'application/json'}})
          .then(answer => answer.json())
          .then(answer => location.assign(answer.location))
          .catch(() => location.assign('/login'));
      }
    });
  }
  return open.call(this, method, url, ...rest);
};
