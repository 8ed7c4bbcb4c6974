// The coordinator's monthly routine from the sidebar alone, in Chromium, against the REAL server
// functions of build/Code.js over the Apps Script fakes (with the simulator behind UrlFetchApp):
// open a new cohort, move two students, record a dropout (and undo another), run the sync.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { readHistoryRows } from '../../src/core/report/report-sheets';
import { SHEET } from '../../src/core/sheets';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook';
import { MARKUP_NAME } from '../../src/simulator';
import { configure, type GasSchool, gasSchool } from '../support/apps-script-school';
import { CHROMIUM, describeWithTool, launchChromium } from '../support/external-tools';
import { mondayRun } from '../support/school-workbook';
import { untypedSidebarRpc } from '../support/sidebar-client';
import { installScriptRunStandIn } from './sidebar-standin';

const ROOT = join(__dirname, '../..');

describeWithTool(CHROMIUM, 'sidebar against the real server functions over the fakes', () => {
  let browser: Browser;
  let gas: GasSchool;
  let page: Page;
  const dialogs: string[] = [];

  const history = () =>
    gas.env.runtime.quietly(() => readHistoryRows(new SpreadsheetWorkbook(gas.env.spreadsheet.gas()).readSheet(SHEET.history), 'America/Sao_Paulo'));

  beforeAll(async () => {
    // Week 1 was synced before; the coordinator opens the sidebar on the next Monday, before 06:00.
    gas = gasSchool(mondayRun('2026-09-14'));
    configure(gas, { cohorts: 2 });
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    gas.env.runTriggersUntil(gas.env.time.now() + 60 * 60_000, gas.fns);
    gas.env.time.set(mondayRun('2026-09-21') - 2 * 60 * 60_000);

    mkdirSync(join(ROOT, 'out'), { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 300, height: 900 }, locale: 'pt-BR' });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.route(/^(?!file:)/, (route) => route.abort());
    await installScriptRunStandIn(page, async (method, args) => {
      // While the sidebar polls, the tick trigger keeps running in the background, as in Sheets.
      if (method === 'runStatus') gas.env.runTriggersUntil(gas.env.time.now() + 10 * 60_000, gas.fns);
      return untypedSidebarRpc(gas, method, args);
    });
    await page.goto(pathToFileURL(join(ROOT, 'build/Sidebar.html')).href);
    await page.waitForSelector('body[data-ready="true"]');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens a new cohort with a tag and products picked from Cademi, and the school default goal', async () => {
    await page.getByRole('button', { name: 'Nova turma' }).click();
    // The school's default goal (`Meta padrão` in Configuração, `Padrão` unless changed) is chosen and named.
    await expect(page.getByLabel('Meta de progresso').inputValue()).resolves.toBe('Padrão');
    await expect(page.locator('#cohort-goal-hint').innerText()).resolves.toBe('Meta padrão da escola: Padrão');
    await page.getByLabel('Tag da Cademi').selectOption({ label: 'Turma 2026-09 (#103)' });
    await page.getByLabel('Início').fill('07/09/2026');
    for (const product of ['Fundamentos', 'Prática Guiada', 'Projeto Final']) await page.getByLabel(product).check();
    await page.getByLabel('Tutor', { exact: true }).fill('Carla Dias <carla@escola.com.br>');
    await page.getByRole('button', { name: 'Criar turma' }).click();
    await page.locator('#cohort-list strong', { hasText: 'Turma 2026-09' }).waitFor();
    const turmas = gas.env.spreadsheet.sheet(SHEET.cohorts).dump();
    expect(turmas.find((row) => row[0] === 'Turma 2026-09')?.slice(1, 7)).toEqual([
      103,
      expect.any(Number),
      '11,12,13',
      'Padrão',
      'Carla Dias <carla@escola.com.br>',
      'Sim',
    ]);
  });

  it('moves two students, records a dropout and undoes a mistaken one, all found by search', async () => {
    const week1 = history().filter((row) => row.cohort === 'Turma 2026-07' && row.situation !== 'Desistente' && row.name !== MARKUP_NAME);
    const students = [...new Map(week1.map((row) => [row.studentId, row])).values()].slice(0, 4);
    const search = page.getByLabel('Buscar aluno (nome ou e-mail)');
    const pick = async (email: string) => {
      await search.fill(email);
      await page.locator('#student-results button').first().click();
    };
    for (const student of students.slice(0, 2)) {
      await pick(student.email);
      await page.getByLabel('Para a turma').selectOption('Turma 2026-08');
      await page.getByLabel('A partir da semana de').fill('21/09/2026');
      await page.locator('#move-reason').fill('mudou de horário');
      await page.getByRole('button', { name: 'Mover aluno' }).click();
      await page.locator('#student-outcome').getByText('Aluno movido').waitFor();
    }
    for (const student of students.slice(2, 4)) {
      await pick(student.email);
      await page.getByLabel('Data da desistência').fill('18/09/2026');
      await page.locator('#dropout-reason').fill('cancelou a matrícula');
      await page.getByRole('button', { name: 'Marcar desistência' }).click();
      await page.locator('#student-outcome').getByText('Desistência registrada').waitFor();
    }
    const mistaken = students[3];
    await page
      .locator('#adjustment-list li', { hasText: mistaken.name })
      .getByRole('button', { name: `Desfazer ajuste de ${mistaken.name}` })
      .click();
    await page.locator('#adjustment-list li.undone', { hasText: mistaken.name }).waitFor();
    const ajustes = gas.env.spreadsheet.sheet(SHEET.adjustments).dump().slice(1);
    expect(ajustes.map((row) => [row[1], row[3], row[8] === '' ? 'ativo' : 'desfeito'])).toEqual([
      [students[0].studentId, 'Mover', 'ativo'],
      [students[1].studentId, 'Mover', 'ativo'],
      [students[2].studentId, 'Desistência', 'ativo'],
      [students[3].studentId, 'Desistência', 'desfeito'],
    ]);
    (globalThis as { routineStudents?: typeof students }).routineStudents = students;
  });

  it('shows a student named like markup as text', async () => {
    await page.getByLabel('Buscar aluno (nome ou e-mail)').fill('onerror');
    await page.locator('#student-results .result-name', { hasText: MARKUP_NAME }).waitFor();
    await expect(page.locator('img').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('runs the sync from the sidebar; the progress bar reaches 100% and the week applies the changes', async () => {
    gas.env.time.set(mondayRun('2026-09-21'));
    await page.getByRole('button', { name: 'Atualizar agora' }).click();
    await page.waitForFunction(() => (document.getElementById('run-progress') as HTMLProgressElement).value === 100, undefined, { timeout: 30_000 });
    // The panels scroll inside the frame: as tall as they are, for the picture.
    const height = await page.evaluate(() => document.getElementById('content')!.scrollHeight + document.getElementById('messages')!.offsetHeight);
    await page.setViewportSize({ width: 300, height: Math.max(900, height) });
    await page.screenshot({ path: join(ROOT, 'out/sidebar-real-server.png') });
    await page.setViewportSize({ width: 300, height: 900 });
    const students = (globalThis as { routineStudents?: { studentId: number }[] }).routineStudents!;
    const week2 = history().filter((row) => row.week === '2026-09-21');
    const cohortsOf = (id: number) => [...new Set(week2.filter((row) => row.studentId === id).map((row) => row.cohort))];
    expect(cohortsOf(students[0].studentId)).toEqual(['Turma 2026-08']);
    expect(cohortsOf(students[1].studentId)).toEqual(['Turma 2026-08']);
    expect(week2.filter((row) => row.studentId === students[2].studentId).every((row) => row.situation === 'Desistente')).toBe(true);
    expect(week2.filter((row) => row.studentId === students[3].studentId).some((row) => row.situation === 'Desistente')).toBe(false);
    expect(week2.some((row) => row.cohort === 'Turma 2026-09')).toBe(true);
    // Old weeks stay where they were.
    expect(
      history()
        .filter((row) => row.week === '2026-09-14' && row.studentId === students[0].studentId)
        .every((row) => row.cohort === 'Turma 2026-07'),
    ).toBe(true);
  });
});
