// The coordinator sidebar's entry point: wires every panel to the shared context and loads the
// state (and, when the API token is set, the Cademi tags and products).

import { mountAdjustments } from './adjustments-view';
import { CohortForm } from './cohort-form';
import { mountCohortList } from './cohorts-view';
import { SidebarContext } from './context';
import { byId } from './dom';
import { mountPossibleDropouts } from './dropouts-view';
import { Messages } from './messages';
import { call } from './rpc-client';
import { mountStudentActions } from './student-actions';
import { mountSync } from './sync-view';

async function start(): Promise<void> {
  const messages = new Messages();
  const context = new SidebarContext(call, messages);
  const form = new CohortForm(context);
  mountCohortList(context, (cohort) => form.open(cohort));
  mountStudentActions(context);
  mountAdjustments(context);
  mountPossibleDropouts(context);
  mountSync(context);
  context.onState((state) => {
    byId('token-warning').hidden = state.tokenConfigured;
  });

  const loading = byId('loading');
  await context.attempt(() => context.refresh());
  if (context.state?.tokenConfigured) await context.attempt(() => context.loadCatalog());
  loading.hidden = true;
  document.body.dataset.ready = 'true';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
