// A link from the webapp to the EiE dashboard, in the header's navigation when there is one,
// otherwise in a corner. The dashboard takes the webapp's login from the shared session.
// One script for Tasklist and Cockpit: each app's config.js names it as '../eie/dashboard-link'.
const label = (navigator.language || 'en').toLowerCase().startsWith('fr')
  ? 'Tableau de bord EiE' : 'EiE dashboard';

function addLink() {
  if (document.getElementById('eie-dashboard-link')) {
    return true;
  }
  const link = document.createElement('a');
  link.id = 'eie-dashboard-link';
  link.href = '/dashboard';
  link.textContent = label;
  const nav = document.querySelector('.cam-nav .navbar-nav, .navbar-nav, .cam-nav ul');
  if (nav) {
    const item = document.createElement('li');
    item.appendChild(link);
    nav.appendChild(item);
    return true;
  }
  if (!document.body) {
    return false;
  }
  link.style.cssText = 'position:fixed;right:1em;bottom:1em;z-index:2000;padding:.3em .8em;'
    + 'background:#1d3557;color:#fff;border-radius:3px;';
  document.body.appendChild(link);
  return true;
}

if (!addLink()) {
  document.addEventListener('DOMContentLoaded', addLink);
}
