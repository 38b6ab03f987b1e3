/** The producer recorded in every manifest.json. Kept equal to package.json by a test. */
export const PRODUCER_NAME = 'quick-launcher-actions';
export const PRODUCER_VERSION = '1.0.0';
