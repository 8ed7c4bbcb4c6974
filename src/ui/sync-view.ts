// `Atualizar agora` and `Últimas execuções`: starts a run, polls runStatus every 2 s while it is
// pending and shows its progress; when it ends, shows 100% and refreshes the state.

import { NO_RUNS, RUN_FINISHED, RUN_STARTED, RUN_STATE_LABEL, runFailed, runListDetail, runProgressText } from '../core/messages/sidebar';
import type { RunStatus, RunSummary } from '../core/sidebar/api';
import type { SidebarContext } from './context';
import { formatDate, formatDateTime } from './dates';
import { byId, el, replaceChildren } from './dom';
import { errorText } from './messages';

const POLL_INTERVAL_MS = 2000;

function isPending(status: RunStatus): boolean {
  return status.state === 'running' || status.state === 'paused';
}

export function mountSync(context: SidebarContext): void {
  const runButton = byId<HTMLButtonElement>('run-now');
  const box = byId('run-progress-box');
  const progress = byId<HTMLProgressElement>('run-progress');
  const percent = byId('run-percent');
  const message = byId('run-message');
  const runs = byId<HTMLUListElement>('run-list');
  const automation = byId('automation-notice');
  let polling = false;

  /** The automation's trigger stopped, or was just taken over: shown until the server stops saying so. */
  function showAutomation(status: RunStatus): void {
    automation.textContent = status.automationNotice ?? '';
    automation.hidden = !status.automationNotice;
  }

  function show(status: RunStatus, percentValue = status.percent): void {
    showAutomation(status);
    const value = Math.max(0, Math.min(100, Math.round(percentValue)));
    box.hidden = false;
    progress.value = value;
    progress.setAttribute('aria-valuetext', `${value}%`);
    percent.textContent = `${value}%`;
    const week = status.week ? formatDate(status.week) : null;
    message.textContent = runProgressText(RUN_STATE_LABEL[status.state], week, status.settled, status.total, status.message);
  }

  async function finish(status: RunStatus): Promise<void> {
    polling = false;
    runButton.disabled = false;
    runButton.removeAttribute('aria-busy');
    if (status.state === 'failed') {
      show(status);
      context.messages.error(runFailed(status.message));
    } else {
      show(status, 100);
      context.messages.status(RUN_FINISHED);
    }
    await context.attempt(() => context.refresh());
  }

  function follow(status: RunStatus): void {
    show(status);
    if (!isPending(status)) {
      void finish(status);
      return;
    }
    polling = true;
    runButton.disabled = true;
    runButton.setAttribute('aria-busy', 'true');
    setTimeout(() => {
      void context.call('runStatus').then(follow, (error: unknown) => {
        polling = false;
        runButton.disabled = false;
        runButton.removeAttribute('aria-busy');
        context.messages.error(errorText(error));
      });
    }, POLL_INTERVAL_MS);
  }

  runButton.addEventListener('click', () => {
    if (polling) return;
    runButton.disabled = true;
    void context
      .attempt(async () => {
        context.messages.status(RUN_STARTED);
        follow(await context.call('runNow'));
      })
      .then(() => {
        if (!polling) runButton.disabled = false;
      });
  });

  function runItem(run: RunSummary): HTMLLIElement {
    return el(
      'li',
      { className: 'run' },
      el('span', { className: 'run-head' }, el('strong', { text: run.outcome }), runListDetail(formatDateTime(run.startedAt), formatDate(run.week))),
      run.message ? el('span', { className: 'hint', text: run.message }) : null,
    );
  }

  let firstState = true;
  context.onState((state) => {
    showAutomation(state.run);
    replaceChildren(runs, ...(state.lastRuns.length ? state.lastRuns.map(runItem) : [el('li', { className: 'empty', text: NO_RUNS })]));
    if (firstState && isPending(state.run) && !polling) follow(state.run); // a run already under way
    firstState = false;
  });
}
