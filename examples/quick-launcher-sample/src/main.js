/* global __TITLE__, __BUILD_VERSION__, __BUILD_DESCRIPTION__ */
// The sample "application": like the real launcher, it fetches /settings from its own origin and
// picks the entry for its hostname.
const root = document.getElementById('root');
fetch('/settings')
  .then((response) => response.json())
  .then((settings) => {
    const mine = settings[document.location.hostname] || {};
    root.append(`${__TITLE__}: ${mine.applicationsMode || 'default'} mode (${__BUILD_VERSION__}, ${__BUILD_DESCRIPTION__})`);
  })
  .catch(() => root.append(`${__TITLE__} (no settings)`));
