// A link from the webapp to the EiE dashboard, in the header's navigation. The dashboard takes
// the webapp's login from the shared session. One script for Tasklist and Cockpit: each app's
// config.js names it as '../eie/dashboard-link'.
// Custom scripts run before the app draws its header, so the link waits for the header's menu
// (.cam-nav) rather than floating over the page: a link fixed over the content covered
// Tasklist's Complete button at the foot of a task form.
// Named as the dashboard names itself (templates/dashboard/messages*.properties, app.title), in
// the person's language where eie/language found it (Tasklist), else the browser's.
const labels = {
  en: 'EiE dashboard',
  fr: 'Tableau de bord ESU',
  es: 'Panel de Educación en Emergencias',
  pt: 'Painel de Educação em Emergências',
  ar: 'لوحة متابعة التعليم في حالات الطوارئ'
};

function label() {
  const language = (document.documentElement.dataset.eieLanguage || navigator.language || 'en')
    .slice(0, 2).toLowerCase();
  return labels[language] || labels.en;
}

function addLink() {
  if (document.getElementById('eie-dashboard-link')) {
    return;
  }
  const menu = document.querySelector('.cam-nav > ul');
  if (!menu) {
    return;
  }
  const link = document.createElement('a');
  link.id = 'eie-dashboard-link';
  link.href = '/dashboard';
  link.textContent = label();
  const item = document.createElement('li');
  item.className = 'eie-dashboard';
  item.appendChild(link);
  menu.insertBefore(item, menu.firstChild);
}

// The header is drawn once the app starts and may be redrawn (after logging in or out): add the
// link whenever the menu is there without it.
new MutationObserver(addLink).observe(document.documentElement, {childList: true, subtree: true});
addLink();
