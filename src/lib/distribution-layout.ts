/**
 * Where the Quick Launcher sits inside a Cloud Pipeline distribution (`cloud-pipeline.<version>.tgz`)
 * and inside the launcher archive. build-dist-with-launcher writes these paths; render-edge-config
 * and deploy-quick-launcher read them. Changing one is a breaking change of the hand-off.
 */
export const DISTRIBUTION_KIND = 'distribution';

/** The launcher's folder at the root of the distribution. */
export const LAUNCHER_DIR = 'quick-launcher';

/** The built launcher (index.html, js/, css/, assets/). */
export const LAUNCHER_WWW_DIR = `${LAUNCHER_DIR}/www`;

/** The default settings templates that render-edge-config uses when no override is given. */
export const SETTINGS_TEMPLATE_PATHS = {
  app: `${LAUNCHER_DIR}/templates/app-launcher.json.hbs`,
  tool: `${LAUNCHER_DIR}/templates/tool-launcher.json.hbs`,
} as const;
