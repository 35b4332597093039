// After "Log out" in Tasklist or Cockpit the webapps only drop their own login (an XHR). A user
// who signed in with an identity provider must also be signed out here and there: the page
// posts where the server's X-EiE-Sign-Out header says (/logout), which ends the session and,
// through the provider's end-session endpoint, the provider's. Local accounts get no header.
const logoutPath = /\/camunda\/api\/admin\/auth\/user\/[^/]+\/logout$/;
const open = XMLHttpRequest.prototype.open;

XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && logoutPath.test(new URL(url, location.href).pathname)) {
    this.addEventListener('load', () => {
      const signOut = this.getResponseHeader('X-EiE-Sign-Out');
      if (this.status < 300 && signOut) {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = signOut;
        document.body.appendChild(form);
        form.submit();
      }
    });
  }
  return open.call(this, method, url, ...rest);
};
