// One automation per spreadsheet, whoever installed it: the built bundle with two editors, each of
// whom sees and deletes only their own triggers, while the document records whose tick is the one.

import { configure, type GasSchool, gasSchool } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';
import { sidebarClient as sidebar } from '../support/sidebar-client';

const SUNDAY = mondayRun('2026-09-13'); // 06:00 on a Sunday: the weekly run is not due
const MINUTE = 60_000;
const ANA = 'ana@escola.com';
const BRUNO = 'bruno@escola.com';

function as(gas: GasSchool, email: string): void {
  gas.env.session.activeUserEmail = email;
}

function menu(gas: GasSchool, name: string): string {
  gas.env.execute(() => gas.fns[name](), { context: 'ui' });
  const alert = gas.env.ui.shown.filter((shown) => shown.kind === 'alert').at(-1);
  return String(alert?.prompt ?? '');
}

const owners = (gas: GasSchool) => gas.env.triggers.timeTriggers().map((trigger) => trigger.owner);
const record = (gas: GasSchool) =>
  JSON.parse(gas.env.properties.document.data.get('cademi.tickOwner') ?? 'null') as { triggerId: string; email: string | null } | null;

function school(): GasSchool {
  const gas = gasSchool(SUNDAY);
  configure(gas, { cohorts: 1 });
  gas.env.properties.document.gas().setProperty('cademi.lastCompletedWeek', '2026-09-07');
  return gas;
}

describe('one tick per spreadsheet, with two editors', () => {
  it('the second editor\'s "Ativar" installs nothing and names the owner', () => {
    const gas = school();
    as(gas, ANA);
    expect(menu(gas, 'ativarAtualizacaoAutomatica')).toMatch(/^Atualização automática ativada/);
    as(gas, BRUNO);
    const message = menu(gas, 'ativarAtualizacaoAutomatica');
    expect(message).toContain(`pela conta de ${ANA}`);
    expect(message).toMatch(/nada foi instalado na sua conta/);
    expect(owners(gas)).toEqual([ANA]);
    expect(record(gas)).toMatchObject({ triggerId: gas.env.triggers.timeTriggers()[0].id, email: ANA });
    // "Atualizar agora" by the second editor installs nothing either: the owner's tick finishes the run.
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    expect(owners(gas)).toEqual([ANA]);
  });

  it('names "outro editor" when the owner\'s account did not reveal its e-mail', () => {
    const gas = school();
    as(gas, ANA);
    gas.env.session.emailsHidden = true;
    menu(gas, 'ativarAtualizacaoAutomatica');
    gas.env.session.emailsHidden = false;
    expect(record(gas)?.email).toBeNull();
    as(gas, BRUNO);
    expect(menu(gas, 'ativarAtualizacaoAutomatica')).toContain('pela conta de outro editor');
    expect(owners(gas)).toEqual([ANA]);
  });

  it('a duplicate tick created the old way deletes itself on its first run, and does nothing else', () => {
    const gas = school();
    as(gas, ANA);
    menu(gas, 'ativarAtualizacaoAutomatica');
    as(gas, BRUNO); // the previous version let every editor install a tick
    gas.env.triggers.gas().newTrigger('tick').timeBased().everyMinutes(10).create();
    expect(owners(gas)).toEqual([ANA, BRUNO]);
    const runs = gas.env.runTriggersUntil(gas.env.time.now() + 11 * MINUTE, gas.fns);
    expect(runs.map((run) => run.error)).toEqual([undefined, undefined]);
    expect(owners(gas)).toEqual([ANA]);
    expect(gas.env.properties.document.data.get('cademi.tickHeartbeat')).toBe(String(runs[0].at)); // only the owner beat
    expect(gas.env.logs.text()).toMatch(/duplicate of the recorded tick; deleted/);
    gas.env.runTriggersUntil(gas.env.time.now() + 60 * MINUTE, gas.fns);
    expect(owners(gas)).toEqual([ANA]);
  });

  it('after an upgrade with no record, the first tick to run adopts itself and the other deletes itself', () => {
    const gas = school();
    gas.env.properties.document.gas().setProperty('cademi.autoUpdate', 'on');
    for (const editor of [ANA, BRUNO]) {
      as(gas, editor);
      gas.env.triggers.gas().newTrigger('tick').timeBased().everyMinutes(10).create();
    }
    gas.env.runTriggersUntil(gas.env.time.now() + 11 * MINUTE, gas.fns);
    expect(owners(gas)).toEqual([ANA]);
    expect(record(gas)).toMatchObject({ triggerId: gas.env.triggers.timeTriggers()[0].id, email: ANA });
  });

  it('"Desativar" by a non-owner explains it, and the owner\'s tick removes itself on its next run', () => {
    const gas = school();
    as(gas, ANA);
    menu(gas, 'ativarAtualizacaoAutomatica');
    as(gas, BRUNO);
    const message = menu(gas, 'desativarAtualizacaoAutomatica');
    expect(message).toContain(`conta de ${ANA}`);
    expect(message).toMatch(/se remove sozinho na próxima execução, em até 10 minutos/);
    expect(owners(gas)).toEqual([ANA]); // Bruno cannot delete it
    gas.env.runTriggersUntil(gas.env.time.now() + 11 * MINUTE, gas.fns);
    expect(owners(gas)).toEqual([]);
    expect(record(gas)).toBeNull();
  });

  it('"Desativar" by the owner removes the trigger and the record at once', () => {
    const gas = school();
    as(gas, ANA);
    menu(gas, 'ativarAtualizacaoAutomatica');
    expect(menu(gas, 'desativarAtualizacaoAutomatica')).toBe('Atualização automática desativada. "Atualizar agora" continua disponível.');
    expect(owners(gas)).toEqual([]);
    expect(record(gas)).toBeNull();
  });

  it('a tick whose owner lost access is reported (sidebar, "Atualizar agora", "Ativar") and taken over', () => {
    const gas = school();
    as(gas, ANA);
    menu(gas, 'ativarAtualizacaoAutomatica');
    gas.env.runTriggersUntil(gas.env.time.now() + 21 * MINUTE, gas.fns); // two beats
    as(gas, BRUNO);
    expect(sidebar(gas).runStatus().automationNotice).toBeNull();
    // Ana loses access to the spreadsheet: her trigger still exists, but no longer runs.
    gas.env.triggers.timeTriggers()[0].nextAt = null;
    gas.env.time.advance(30 * MINUTE);
    const warning = String(sidebar(gas).getState().run.automationNotice);
    expect(warning).toContain(`conta de ${ANA} não roda desde 13/09/2026 às 06:20`);
    expect(warning).toMatch(/Use "Ativar atualização automática"/);

    const message = menu(gas, 'ativarAtualizacaoAutomatica');
    expect(message).toContain(`conta de ${ANA} não roda desde 13/09/2026 às 06:20`);
    expect(message).toMatch(/A partir de agora a automação roda pela sua conta/);
    expect(owners(gas)).toEqual([ANA, BRUNO]); // Ana's dead trigger is hers to delete
    expect(record(gas)?.email).toBe(BRUNO);
    gas.env.runTriggersUntil(gas.env.time.now() + 11 * MINUTE, gas.fns);
    expect(sidebar(gas).runStatus().automationNotice).toBeNull();
    // If Ana's trigger comes back to life, it is the stray now and deletes itself.
    const anaTrigger = gas.env.triggers.timeTriggers().find((trigger) => trigger.owner === ANA)!;
    anaTrigger.nextAt = gas.env.time.now() + MINUTE;
    gas.env.runTriggersUntil(gas.env.time.now() + 2 * MINUTE, gas.fns);
    expect(owners(gas)).toEqual([BRUNO]);
  });

  it('"Atualizar agora" reports a dead owner and takes over so the run can finish', () => {
    const gas = school();
    as(gas, ANA);
    menu(gas, 'ativarAtualizacaoAutomatica');
    gas.env.triggers.triggers.length = 0; // Ana removed her trigger in the Apps Script dashboard
    gas.env.time.advance(60 * MINUTE);
    as(gas, BRUNO);
    const alerts = gas.env.ui.shown.length;
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    const shown = gas.env.ui.shown
      .slice(alerts)
      .filter((dialog) => dialog.kind === 'alert')
      .map((dialog) => String(dialog.prompt));
    expect(shown[0]).toContain(`conta de ${ANA} não roda desde`);
    expect(owners(gas)).toEqual([BRUNO]);
    expect(record(gas)?.email).toBe(BRUNO);
  });

  it('the sidebar\'s "Atualizar agora" says it took over from a dead owner', () => {
    const gas = school();
    as(gas, ANA);
    menu(gas, 'ativarAtualizacaoAutomatica');
    gas.env.triggers.triggers.length = 0;
    gas.env.time.advance(60 * MINUTE);
    as(gas, BRUNO);
    expect(String(sidebar(gas).runNow().automationNotice)).toMatch(
      new RegExp(`conta de ${ANA} não roda desde .*A partir de agora a automação roda pela sua conta`),
    );
    expect(owners(gas)).toEqual([BRUNO]);
  });
});
