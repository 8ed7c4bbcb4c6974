// doPost in the built bundle: the secret guards it, the value lands in _Webhook, the week uses it.

import { configure, gasSchool } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';

describe('Cademi webhook web app (doPost)', () => {
  it('refuses a wrong secret, records a valid event, and the next week skips that call', () => {
    const monday = mondayRun('2026-09-14');
    const gas = gasSchool(monday - 2 * 60 * 60_000);
    configure(gas, { cohorts: 1 });
    gas.env.ui.scriptAlert('OK');
    gas.env.execute(() => gas.fns.configurarWebhook(), { context: 'ui' });
    const secret = gas.env.properties.script.data.get('cademi.webhookSecret')!;
    expect(secret).toMatch(/^[0-9a-f]{32}$/);
    expect(gas.env.ui.shown.at(-1)?.prompt).toContain(`?secret=${secret}`);

    const student = gas.school.studentsWithTagAt(101, monday).find((candidate) => gas.school.lastAccessAt(candidate.id, monday) !== null)!;
    const body = JSON.stringify({ event_id: 'x', event_type: 'usuario.progresso', event: { usuario: { id: student.id }, produto: { id: 11 }, progresso: 64 } });
    const post = (given: string) =>
      JSON.parse(gas.env.execute(() => gas.fns.doPost({ parameter: { secret: given }, postData: { contents: body } }), { context: 'webapp' }).getContent());
    expect(post('errado')).toEqual({ ok: false, error: 'não autorizado' });
    expect(gas.env.spreadsheet.gas().getSheetByName('_Webhook')).toBeNull();
    expect(post(secret)).toEqual({ ok: true });

    gas.env.time.set(monday);
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    gas.env.runTriggersUntil(gas.env.time.now() + 60 * 60_000, gas.fns);
    expect(gas.env.urlFetch.log.some((fetch) => fetch.url.endsWith(`/progresso_por_produto/${student.id}/11`))).toBe(false);
    expect(gas.env.urlFetch.log.some((fetch) => fetch.url.endsWith(`/progresso_por_produto/${student.id}/12`))).toBe(true);
    const row = gas.env.spreadsheet
      .sheet('Histórico')
      .dump()
      .find((cells) => cells[2] === student.id && cells[5] === 11)!;
    expect(row[7]).toBe(64);
  });
});
