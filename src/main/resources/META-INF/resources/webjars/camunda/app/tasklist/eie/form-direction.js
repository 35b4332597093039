// A Camunda Form reads in the user's own language: the server translates the form Tasklist asks
// for (security/AnswersInTheirLanguage) and says in it which language and direction it reads in
// ("eie:language", "eie:direction"). form-js takes its direction from the page, and Tasklist's
// page stays left to right, so this sets the form's container to the form's own direction and
// language: an Arabic form reads right to left. Each field keeps the direction of what is typed
// in it (dir="auto"), so a Latin name, an e-mail address or a figure in an Arabic form reads as
// typed and does not take its neighbours' direction. form-js's own refusals beside a field ("Field is
// required.", "Field must have maximum value of 5.") are English in form-js: the translated form
// carries them in its language ("eie:messages", English text with {0} for the limit -> translation,
// from forms/validation*.properties), and each refusal shown is replaced by its translation, the
// limit or pattern kept.
const formRequest = new RegExp('/camunda/api/engine/engine/[^/]+/(task/[^/]+/deployed-form'
  + '|process-definition/.+/deployed-start-form)$');
const earlierFetch = window.fetch;
let reading = {direction: 'ltr', language: '', refusals: []};

/** "Field must have maximum value of {0}." as a pattern that reads the limit back. */
function refusal(english, translated) {
  const pattern = english.split(/\{\d\}/)
    .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+?)');
  return {english: new RegExp('^' + pattern + '$'), translated};
}

function translateRefusals(container) {
  container.querySelectorAll('.fjs-form-field-error li').forEach(item => {
    item.childNodes.forEach(text => {
      if (text.nodeType !== Node.TEXT_NODE) {
        return;
      }
      for (const known of reading.refusals) {
        const read = known.english.exec(text.data.trim());
        if (read) {
          // The text node form-js renders is changed in place, so form-js's next refusal for the
          // field replaces it (and is translated in turn).
          text.data = known.translated.replace(/\{(\d)\}/g, (all, n) => read[Number(n) + 1]);
          return;
        }
      }
    });
  });
}

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
    if (reading.refusals.length) {
      translateRefusals(container);
    }
  });
}

function formRead(form) {
  reading = {direction: form['eie:direction'] === 'rtl' ? 'rtl' : 'ltr',
    language: form['eie:language'] || '',
    refusals: Object.entries(form['eie:messages'] || {})
      .map(([english, translated]) => refusal(english, translated))};
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
  {childList: true, subtree: true, characterData: true});
