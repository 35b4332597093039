// Each person reads Tasklist in their own language (the one chosen on the dashboard or with
// PUT /api/me/language, else their browser's): Tasklist itself picks its locale from the
// browser's first language (navigator.languages) when it starts, among the locales config.js
// offers. Tasklist waits for its custom scripts before it starts, so this one asks the server
// first and, if the person has a language, makes the browser's answer theirs; Arabic texts read
// right to left. Before logging in nobody is known: after the login (the next navigation) the
// page starts once more if the person's language is not the one it started in.
const offered = ['en', 'fr', 'es', 'pt', 'ar'];
const rightToLeft = ['ar'];
const reloadedFor = 'eie-language-reloaded-for';

async function personsLanguage() {
  try {
    // Not signed in, the dashboard answers with a redirect to its login: no language then.
    // Tasklist waits for this script: a server that does not answer in time leaves the person
    // with their browser's language rather than without Tasklist.
    const answer = await fetch('/dashboard/me/language', {credentials: 'same-origin',
      redirect: 'manual', headers: {Accept: 'application/json'},
      signal: AbortSignal.timeout(10000)});
    const language = answer.ok ? (await answer.json()).language : null;
    return offered.includes(language) ? language : null;
  } catch (unreachable) {
    return null;
  }
}

function browsersLanguage() {
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  const code = first.split('-')[0].toLowerCase();
  return offered.includes(code) ? code : 'en';
}

// The page's own direction stays left to right: Camunda's frame has no right-to-left layout, and
// set right to left its columns overlap (the filters lie over the task's Claim button). The texts
// in it read right to left (styles/user-styles.css, after data-eie-direction), and each form
// takes its own direction (tasklist/eie/form-direction.js).
function showIn(language) {
  document.documentElement.lang = language;
  document.documentElement.dataset.eieLanguage = language;
  document.documentElement.dataset.eieDirection = rightToLeft.includes(language) ? 'rtl' : 'ltr';
}

const chosen = await personsLanguage();
if (chosen) {
  Object.defineProperty(navigator, 'languages', {get: () => [chosen], configurable: true});
  Object.defineProperty(navigator, 'language', {get: () => chosen, configurable: true});
}
const started = chosen || browsersLanguage();
showIn(started);

window.addEventListener('hashchange', async () => {
  if (location.hash.startsWith('#/login')) {
    return;
  }
  const language = await personsLanguage();
  // Once per language and tab: a server that answers now and not at the start cannot loop.
  if (language && language !== started && sessionStorage.getItem(reloadedFor) !== language) {
    sessionStorage.setItem(reloadedFor, language);
    location.reload();
  }
});
