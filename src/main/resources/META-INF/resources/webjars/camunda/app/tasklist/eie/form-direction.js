// A Camunda Form reads in the user's own language: the server translates the form Tasklist asks
// for (security/FormsInTheirLanguage) and says in it which language and direction it reads in
// ("eie:language", "eie:direction"). form-js takes its direction from the page, and Tasklist's
// page stays left to right, so this sets the form's container to the form's own direction and
// language: an Arabic form reads right to left. Each field keeps the direction of what is typed
// in it (dir="auto"), so a Latin name, an e-mail address or a figure in an Arabic form reads as
// typed and does not take its neighbours' direction.
const formRequest = new RegExp('/camunda/api/engine/engine/[^/]+/(task/[^/]+/deployed-form'
  + '|process-definition/.+/deployed-start-form)$');
const earlierFetch = window.fetch;
let reading = {direction: 'ltr', language: ''};

function applyDirection() {
  document.querySelectorAll('.fjs-form').forEach(form => {
    const container = form.closest('.fjs-container') || form;
    if (container.dir !== reading.direction) {
      container.dir = reading.direction;
    }
    if (reading.language && container.lang !== reading.language) {
      container.lang = reading.language;
    } else if (!reading.language && container.hasAttribute('lang')) {
      container.removeAttribute('lang');
    }
    container.querySelectorAll('input, textarea').forEach(field => {
      if (!field.hasAttribute('dir')) {
        field.dir = 'auto';
      }
    });
  });
}

function formRead(form) {
  reading = {direction: form['eie:direction'] === 'rtl' ? 'rtl' : 'ltr',
    language: form['eie:language'] || ''};
  applyDirection();
}

// Tasklist fetches the form with fetch(), then renders it: whichever comes first, the form is set
// when both are there.
window.fetch = function (resource, ...rest) {
  const answer = earlierFetch.call(this, resource, ...rest);
  const url = typeof resource === 'string' ? resource : resource && resource.url;
  if (url && formRequest.test(new URL(url, location.href).pathname)) {
    answer.then(response => (response.ok ? response.clone().json() : null))
      .then(form => form && formRead(form))
      .catch(() => {});
  }
  return answer;
};

new MutationObserver(applyDirection).observe(document.documentElement,
  {childList: true, subtree: true});
