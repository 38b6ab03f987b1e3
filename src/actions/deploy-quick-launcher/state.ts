/**
 * What the main step leaves for the post step (core.saveState / STATE_<name>). One bundle is
 * both: the post step is told apart by STATE_isPost, as docker's actions do.
 */
export const STATE_IS_POST = 'isPost';
export const STATE_KUBECONFIG = 'kubeconfig';
export const STATE_CACHE_DIR = 'kubectl-cache';
