// The deploy tooling (Node, build time): what the build and `npm run deploy:check` call.

export { analyzeBundle, type FreeReference } from './bundle-analysis';
export { claspFilesToPush, deployReport, PUSHED_FILES, runDeployCheck } from './deploy-check';
export { DEPLOY_CONFIG_FILE, DeployConfigError, type DeployOptions, parseDeployOptions, readDeployOptions } from './deploy-options';
export { type AppsScriptManifest, type BundleReview, buildManifest, checkManifest, fetchAllowlist, reviewBundle } from './manifest';
