/* global CP_APPLICATIONS_TITLE, CP_APPLICATIONS_API, CP_APPLICATIONS_TAG, CP_APPLICATIONS_SUPPORT_NAME, CPAPI, TOOLS, BUILD_VERSION, BUILD_DESCRIPTION */
// The build-time variables (constants at the top of the bundle, see build.mjs), read in one place.

/** What the build baked in; the names are those of the real launcher's webpack.config.js. */
export const BUILD = {
  title: CP_APPLICATIONS_TITLE,
  api: CP_APPLICATIONS_API,
  tag: CP_APPLICATIONS_TAG,
  supportName: CP_APPLICATIONS_SUPPORT_NAME,
  cloudPipelineApi: CPAPI,
  tools: TOOLS,
  version: BUILD_VERSION,
  description: BUILD_DESCRIPTION,
};
