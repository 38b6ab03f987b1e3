import type { Stage } from '../../lib/stage.js';
import { buildDistStage } from '../build-dist-with-launcher/run.js';
import { buildImagesStage } from '../build-optimized-images/run.js';
import { deployStage } from '../deploy-quick-launcher/run.js';
import { renderEdgeConfigStage } from '../render-edge-config/run.js';
import type { StageName } from './stages.js';

/**
 * Each stage, the same object its own action runs. Only their input parsing loads with this
 * module (the root parses every selected stage's inputs first); each stage's work loads when
 * that stage runs, so a chain loads only the stages it runs.
 */
export const STAGES: Record<StageName, Stage> = {
  'build-dist': buildDistStage,
  'build-images': buildImagesStage,
  render: renderEdgeConfigStage,
  deploy: deployStage,
};
