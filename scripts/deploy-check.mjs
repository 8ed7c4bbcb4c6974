// `npm run deploy:check`: runs the deploy tooling's check over the built project (see src/deploy/deploy-check.ts).
import { createRequire } from 'node:module';

process.exitCode = createRequire(import.meta.url)('../dist/deploy.js').runDeployCheck(process.cwd(), process.argv.slice(2));
