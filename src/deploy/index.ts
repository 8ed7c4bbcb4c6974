// The deploy tooling (Node, build time): what the build and `npm run deploy:check` call.

export { analyzeBundle, type FreeReference } from './bundle-analysis';
export { readDeployOptions, parseDeployOptions, DeployConfigError, DEPLOY_CONFIG_FILE, type DeployOptions } from './deploy-options';
export { buildManifest, checkManifest, fetchAllowlist, reviewBundle, type AppsScriptManifest, type BundleReview } from './manifest';
export { runDeployCheck, deployReport, claspFilesToPush, PUSHED_FILES } from './deploy-check';
