// After a task is completed, Tasklist closes its form to "Select a task in the list" and nothing
// says what happens next. This shows a confirmation that does: the wording comes from the server
// (tasklist/next-steps*.properties, five languages), which also names a partner's new project's
// reference. Only the user who completed the task gets an answer. A refused claim gets the
// engine's reason beside Tasklist's own "An error happened" note.
const completion = /\/camunda\/api\/engine\/engine\/[^/]+\/task\/([^/]+)\/(submit-form|complete)$/;
const claim = /\/camunda\/api\/engine\/engine\/[^/]+\/task\/[^/]+\/(claim|assignee)$/;
const openRequest = XMLHttpRequest.prototype.open;

function language() {
  const tasklist = JSON.parse(localStorage.getItem('camunda-web') || '{}').language;
  const chosen = tasklist || document.documentElement.lang || navigator.language || 'en';
  return chosen.slice(0, 2).toLowerCase();
}

function box(direction, lang) {
  let shown = document.getElementById('eie-task-done');
  if (shown) {
    shown.remove();
  }
  shown = document.createElement('section');
  shown.id = 'eie-task-done';
  shown.setAttribute('role', 'status');
  shown.setAttribute('aria-live', 'polite');
  shown.dir = direction;
  shown.lang = lang;
  shown.style.cssText = 'position:fixed;top:4em;left:50%;transform:translateX(-50%);z-index:2000;'
    + 'max-width:36em;padding:1em 1.2em;background:#fff;color:#1d3557;border:2px solid #1d3557;'
    + 'border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.3);';
  document.body.appendChild(shown);
  return shown;
}

function line(parent, tag, text, className) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) {
    element.className = className;
  }
  parent.appendChild(element);
  return element;
}

function showConfirmation(answer) {
  const shown = box(answer.direction || 'ltr', answer.language || 'en');
  line(shown, 'h2', answer.heading, 'eie-task-done-heading').style.fontSize = '1.2em';
  line(shown, 'p', answer.next, 'eie-task-done-next');
  if (answer.reference) {
    line(shown, 'p', answer.reference, 'eie-task-done-reference').style.fontWeight = 'bold';
  }
  const close = line(shown, 'button', answer.close || 'Close', 'btn btn-default');
  close.type = 'button';
  close.addEventListener('click', () => shown.remove());
  close.focus();
}

function confirmCompletion(taskId) {
  fetch('/dashboard/me/completed-tasks/' + encodeURIComponent(taskId) + '?lang=' + language(),
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(answer => answer.ok ? answer.json() : null)
    .catch(() => null)
    .then(answer => showConfirmation(answer || {heading: 'The task is completed.', next: ''}));
}

function showRefusal(request) {
  let reason = '';
  try {
    reason = JSON.parse(request.responseText).message || '';
  } catch (notJson) {
    return;
  }
  const shown = box('ltr', 'en');
  shown.classList.add('eie-refused');
  line(shown, 'p', reason, 'eie-task-done-refusal');
  const close = line(shown, 'button', 'OK', 'btn btn-default');
  close.type = 'button';
  close.addEventListener('click', () => shown.remove());
}

XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST') {
    const path = new URL(url, location.href).pathname;
    const completed = completion.exec(path);
    if (completed) {
      this.addEventListener('load', () => {
        if (this.status >= 200 && this.status < 300) {
          confirmCompletion(decodeURIComponent(completed[1]));
        }
      });
    } else if (claim.test(path)) {
      this.addEventListener('load', () => {
        if (this.status === 403) {
          showRefusal(this);
        }
      });
    }
  }
  return openRequest.call(this, method, url, ...rest);
};
