// What the page shows: the header (title, mode, host), a list of application cards, or one of the
// real launcher's states ("Fetching applications list", "Authentication error", "Error fetching
// applications list", "No applications configured", app.js:125-160, folder-app.js:96-132).
import { BUILD } from './build-config.js';

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const content = () => document.getElementById('content');

/** The header line naming the mode and host the settings chose. */
export function showMode(settings) {
  const mode = document.getElementById('mode');
  mode.textContent = `${settings.applicationsMode} mode · ${document.location.hostname}`;
  document.body.dataset.mode = settings.applicationsMode;
}

/** The footer: build version and, once known, the user. */
export function showFooter(user, settings) {
  const who = user ? `${user.userName}${settings && settings.isAnonymous ? ' (anonymous access)' : ''}` : 'not signed in';
  document.getElementById('footer').textContent = `${BUILD.title} ${BUILD.version} · ${who}`;
}

/** One of the error states, with the raw reason. */
export function showProblem(header, settings, raw) {
  const box = content();
  box.className = 'content error';
  box.replaceChildren(element('div', 'header', header), element('div', 'description', `Please, contact ${(settings && settings.supportName) || 'support team'} for details.`));
  if (raw) box.append(element('div', 'raw', raw));
}

/** The list of applications as cards (icon, name, description). */
export function showApplications(applications) {
  const box = content();
  box.className = 'content applications';
  const list = element('ul', 'applications-list');
  for (const application of applications) {
    const card = element('li', 'application-card');
    card.dataset.id = `${application.id}`;
    const icon = application.iconData ? element('img', 'icon') : element('div', 'icon placeholder', (application.name || '?').slice(0, 1).toUpperCase());
    if (application.iconData) {
      icon.src = application.iconData;
      icon.alt = '';
    }
    const text = element('div', 'text');
    text.append(element('div', 'name', application.name));
    if (application.description) text.append(element('div', 'description', application.description));
    if (application.image) text.append(element('div', 'image', application.image));
    card.append(icon, text);
    list.append(card);
  }
  box.replaceChildren(list);
}
