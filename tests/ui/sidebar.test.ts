// The coordinator sidebar, built (build/Sidebar.html) and driven in headless Chromium against the
// in-memory FakeSidebarServer through the google.script.run stand-in. Screenshots: out/sidebar-*.png.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { CHROMIUM, describeWithTool, launchChromium } from '../support/external-tools';
import { FakeSidebarServer, installScriptRunStandIn, type RpcHandler, XSS_COHORT_NAME, XSS_STUDENT_NAME } from './sidebar-standin';

const ROOT = join(__dirname, '../..');
const SIDEBAR = join(ROOT, 'build/Sidebar.html');
const OUT = join(ROOT, 'out');

interface OpenSidebar {
  readonly page: Page;
  /** Dialogs (alert/confirm) the page opened: an XSS would show up here. */
  readonly dialogs: string[];
  readonly pageErrors: string[];
}

function todayIso(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

describeWithTool(CHROMIUM, 'coordinator sidebar (build/Sidebar.html in Chromium)', () => {
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    // The test runs against the artifact; build it so `jest tests/ui` works on its own (a child
    // process: jest's CommonJS runtime cannot import the .mjs build script).
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-sidebar.mjs')], { cwd: ROOT, stdio: 'pipe' });
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openSidebar(handler: RpcHandler): Promise<OpenSidebar> {
    const page = await browser.newPage({ viewport: { width: 300, height: 800 }, locale: 'pt-BR' });
    pages.push(page);
    const dialogs: string[] = [];
    const pageErrors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // No network: anything but the file itself is refused (the sidebar must be self-contained).
    await page.route(/^(?!file:)/, (route) => route.abort());
    await installScriptRunStandIn(page, handler);
    await page.goto(pathToFileURL(SIDEBAR).href);
    await page.waitForSelector('body[data-ready="true"]');
    return { page, dialogs, pageErrors };
  }

  /** The whole page, or (given `region`) the 300×800 view a coordinator sees with `region` scrolled into it. */
  async function shot(page: Page, name: string, region?: Locator): Promise<void> {
    if (region) await region.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(OUT, `sidebar-${name}.png`), fullPage: !region });
  }

  it('lists the cohorts with their facts, an "arquivada" badge, and names shown as text', async () => {
    const server = new FakeSidebarServer();
    const { page, dialogs, pageErrors } = await openSidebar(server.handler);
    const cards = page.locator('#cohort-list > li');
    await expect(cards.count()).resolves.toBe(4);
    const first = cards.filter({ hasText: 'Turma 2026-09' });
    await expect(first.locator('dl').innerText()).resolves.toMatch(/Início\s+07\/09\/2026/);
    await expect(first.locator('dl').innerText()).resolves.toMatch(/Produtos\s+Excel Essencial, Power BI/);
    await expect(first.locator('dl').innerText()).resolves.toMatch(/Alunos\s+42/);
    await expect(first.locator('dl').innerText()).resolves.toMatch(/Última semana\s+26\/10\/2026/);
    const archived = cards.filter({ hasText: 'Turma 2026-03' });
    await expect(archived.locator('.badge').innerText()).resolves.toBe('arquivada');
    await expect(archived.locator('button').count()).resolves.toBe(0);
    // The cohort named '"><script>…' is text in its card, not markup.
    await expect(page.locator('#cohort-list strong', { hasText: XSS_COHORT_NAME }).count()).resolves.toBe(1);
    await expect(page.locator('script').count()).resolves.toBe(1);
    await expect(page.locator('#run-list').innerText()).resolves.toContain('Concluída');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    await shot(page, 'overview');
  });

  it('creates a cohort: validation errors are shown inline (on blur, then on submit) before anything is written', async () => {
    const server = new FakeSidebarServer();
    const { page } = await openSidebar(server.handler);
    await page.getByRole('button', { name: 'Nova turma' }).click();
    await page.getByLabel('Tag da Cademi').selectOption({ label: 'Turma 2026-11 (#13)' });
    await expect(page.getByLabel('Nome da turma').inputValue()).resolves.toBe('Turma 2026-11');
    await page.getByLabel('E-mail do tutor').fill('tutor@');
    await page.getByLabel('E-mail do tutor').press('Tab'); // blur → validateCohort
    const tutorError = page.locator('#cohort-error-tutorEmail');
    await tutorError.waitFor({ state: 'visible' });
    await expect(tutorError.innerText()).resolves.toContain('E-mail do tutor inválido');
    await expect(page.getByLabel('E-mail do tutor').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#cohort-error-productIds').isVisible()).resolves.toBe(false); // not touched yet

    await page.getByRole('button', { name: 'Criar turma' }).click();
    await page.locator('#cohort-error-productIds').waitFor({ state: 'visible' });
    await expect(page.locator('#cohort-error-start').innerText()).resolves.toContain('data de início');
    expect(server.callsOf('saveCohort')).toHaveLength(0);
    await shot(page, 'form-errors', page.locator('#cohort-form'));

    await page.getByLabel('Início').fill('2026-11-09');
    await page.getByLabel('Power BI').check();
    await page.getByLabel('SQL do Zero').check();
    await page.getByLabel('Meta de progresso').selectOption('Intensivo 8 semanas');
    await page.getByLabel('E-mail do tutor').fill('tutor@escola.com.br');
    await page.getByRole('button', { name: 'Criar turma' }).click();
    await page.locator('#cohort-list strong', { hasText: 'Turma 2026-11' }).waitFor();
    await expect(page.locator('#status-message').innerText()).resolves.toBe('Turma “Turma 2026-11” criada.');
    await expect(page.locator('#cohort-form').isHidden()).resolves.toBe(true);
    expect(server.callsOf('saveCohort')).toEqual([
      [
        { name: 'Turma 2026-11', tagId: 13, start: '2026-11-09', productIds: [102, 103], goalTrack: 'Intensivo 8 semanas', tutorEmail: 'tutor@escola.com.br' },
        null,
      ],
    ]);
    const card = page.locator('#cohort-list > li', { hasText: 'Turma 2026-11' });
    await expect(card.locator('dl').innerText()).resolves.toMatch(/Início\s+09\/11\/2026[\s\S]*Meta\s+Intensivo 8 semanas/);
  });

  it('edits a cohort and archives another after a confirm step; a server error shows in the alert area', async () => {
    const server = new FakeSidebarServer();
    const { page } = await openSidebar(server.handler);
    await page.getByRole('button', { name: 'Editar turma Turma 2026-10' }).click();
    await expect(page.locator('#cohort-form-title').innerText()).resolves.toBe('Editar turma Turma 2026-10');
    await expect(page.getByLabel('Excel Essencial').isChecked()).resolves.toBe(true);
    await page.getByLabel('E-mail do tutor').fill('novo.tutor@escola.com.br');
    await page.getByRole('button', { name: 'Salvar alterações' }).click();
    await page.locator('#status-message', { hasText: 'Turma “Turma 2026-10” atualizada.' }).waitFor();
    expect(server.cohorts.find((cohort) => cohort.name === 'Turma 2026-10')?.tutorEmail).toBe('novo.tutor@escola.com.br');

    server.failNext('archiveCohort', 'A aba Turmas está protegida: peça acesso de edição ao dono da planilha.');
    await page.getByRole('button', { name: 'Arquivar turma Turma 2026-10' }).click();
    const confirm = page.getByRole('group', { name: 'Confirmar arquivamento de Turma 2026-10' });
    await confirm.getByRole('button', { name: 'Arquivar' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('A aba Turmas está protegida').waitFor();
    expect(server.cohorts.find((cohort) => cohort.name === 'Turma 2026-10')?.active).toBe(true);
    await shot(page, 'error', page.locator('#cohort-list > li', { hasText: 'Turma 2026-10' }));

    await confirm.getByRole('button', { name: 'Arquivar' }).click();
    await page.locator('#cohort-list > li.archived', { hasText: 'Turma 2026-10' }).waitFor();
    await expect(alert.isHidden()).resolves.toBe(true);
    expect(server.cohorts.find((cohort) => cohort.name === 'Turma 2026-10')?.active).toBe(false);
  });

  it('moves a student, marks a dropout and undoes it', async () => {
    const server = new FakeSidebarServer();
    const { page } = await openSidebar(server.handler);
    const search = page.getByLabel('Buscar aluno (nome ou e-mail)');
    await search.fill('a');
    await expect(page.locator('#student-results-note').innerText()).resolves.toContain('ao menos 2');
    await search.fill('ana.souza');
    await page.getByRole('button', { name: /Ana Beatriz Souza/ }).click();
    await page.getByLabel('Para a turma').selectOption('Turma 2026-10');
    await page.getByLabel('A partir da semana de').fill('2026-10-19');
    await page.locator('#move-reason').fill('Trocou de horário');
    await shot(page, 'student-selected', page.locator('#students'));
    await page.getByRole('button', { name: 'Mover aluno' }).click();
    const outcome = page.locator('#student-outcome');
    await outcome.getByText('Aluno movido').waitFor();
    await expect(outcome.innerText()).resolves.toContain('Ana Beatriz Souza: Turma 2026-09 → Turma 2026-10 (a partir de 19/10/2026)');
    expect(server.callsOf('moveStudent')).toEqual([[1, 'Turma 2026-10', '2026-10-19', 'Trocou de horário']]);
    await page.locator('#adjustment-list li', { hasText: 'Ana Beatriz Souza' }).waitFor();

    await search.fill('Carla');
    await page.getByRole('button', { name: /Carla Dias/ }).click();
    await expect(page.getByLabel('Data da desistência').inputValue()).resolves.toBe(todayIso());
    await page.getByLabel('Data da desistência').fill('2026-10-28');
    await page.locator('#dropout-reason').fill('Mudou de emprego');
    await page.getByRole('button', { name: 'Marcar desistência' }).click();
    await outcome.getByText('Desistência registrada').waitFor();
    expect(server.callsOf('markDropout')).toEqual([[4, '2026-10-28', 'Mudou de emprego']]);
    const dropout = page.locator('#adjustment-list li', { hasText: 'Carla Dias' });
    await dropout.waitFor();
    await shot(page, 'adjustments', page.locator('#students'));

    await dropout.getByRole('button', { name: 'Desfazer ajuste de Carla Dias' }).click();
    await page.locator('#adjustment-list li.undone s', { hasText: 'Carla Dias' }).waitFor();
    await expect(page.locator('#adjustment-list li.undone').getByRole('button').count()).resolves.toBe(0);
    expect(server.adjustments.find((adjustment) => adjustment.studentId === 4)?.undone).toBe(true);
    await expect(page.locator('#status-message').innerText()).resolves.toContain('Ajuste desfeito');
    await shot(page, 'undone', page.locator('#adjustments'));
  });

  it('shows a student named like HTML as text (no img element, no dialog), also among possible dropouts', async () => {
    const server = new FakeSidebarServer();
    const { page, dialogs, pageErrors } = await openSidebar(server.handler);
    await page.getByLabel('Buscar aluno (nome ou e-mail)').fill('xss@');
    const match = page.locator('#student-results .result-name');
    await match.waitFor();
    await expect(match.innerText()).resolves.toBe(XSS_STUDENT_NAME);

    await page.getByRole('button', { name: 'Verificar acessos encerrados' }).click();
    const entry = page.locator('#dropout-list > li', { hasText: XSS_STUDENT_NAME });
    await entry.waitFor();
    await expect(page.locator('#dropout-list > li').count()).resolves.toBe(2);
    await expect(entry.innerText()).resolves.toContain('Acesso encerrado: Excel Essencial');
    await expect(page.locator('#dropouts-note').innerText()).resolves.toContain('2 aluno(s)');
    await shot(page, 'xss-dropouts', page.locator('#students'));
    await entry.getByRole('button', { name: 'Confirmar desistência' }).click();
    await entry.getByText('Desistência registrada').waitFor();
    expect(server.callsOf('markDropout')).toEqual([[3, todayIso(), 'Acesso encerrado na Cademi']]);
    await page.locator('#adjustment-list li', { hasText: XSS_STUDENT_NAME }).waitFor();

    await page.waitForTimeout(300); // let any injected onerror fire, if one had been created
    await expect(page.locator('img').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('runs a sync: polls runStatus every 2 s, shows the progress bar up to 100% and refreshes the state', async () => {
    const server = new FakeSidebarServer();
    const { page } = await openSidebar(server.handler);
    const statesBefore = server.callsOf('getState').length;
    await page.getByRole('button', { name: 'Atualizar agora' }).click();
    const progress = page.locator('#run-progress');
    await page.waitForFunction(() => {
      const value = (document.getElementById('run-progress') as HTMLProgressElement).value;
      return value > 0 && value < 100;
    });
    await expect(page.getByRole('button', { name: 'Atualizar agora' }).isDisabled()).resolves.toBe(true);
    await expect(page.locator('#run-message').innerText()).resolves.toMatch(/Em andamento · semana 02\/11\/2026 · \d+\/120 alunos/);
    await shot(page, 'progress', page.locator('body'));
    await page.waitForFunction(() => (document.getElementById('run-progress') as HTMLProgressElement).value === 100, undefined, { timeout: 15000 });
    await expect(progress.evaluate((element) => (element as HTMLProgressElement).value)).resolves.toBe(100);
    await expect(page.locator('#run-percent').innerText()).resolves.toBe('100%');
    await page.locator('#run-list li', { hasText: '120 alunos, 3 turmas' }).waitFor();
    await expect(page.locator('#cohort-list > li', { hasText: 'Turma 2026-09' }).innerText()).resolves.toMatch(/Última semana\s+02\/11\/2026/);
    expect(server.callsOf('runNow')).toHaveLength(1);
    expect(server.callsOf('runStatus')).toHaveLength(3);
    expect(server.callsOf('getState').length).toBeGreaterThan(statesBefore);
    await expect(page.getByRole('button', { name: 'Atualizar agora' }).isEnabled()).resolves.toBe(true);
    await shot(page, 'done', page.locator('body'));
  });

  it('is usable with the keyboard: Tab reaches the main buttons with a visible focus ring, Enter activates', async () => {
    const server = new FakeSidebarServer();
    const { page } = await openSidebar(server.handler);
    const reached: string[] = [];
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        return {
          tag: element.tagName,
          text: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim(),
          outline: style.outlineStyle,
          width: style.outlineWidth,
        };
      });
      if (!focused) continue;
      if (focused.tag === 'BUTTON') {
        expect(focused.outline).toBe('solid');
        expect(focused.width).toBe('2px');
      }
      reached.push(focused.text);
      if (focused.text === 'Verificar acessos encerrados') break;
    }
    expect(reached).toEqual(
      expect.arrayContaining(['Atualizar agora', 'Nova turma', 'Editar turma Turma 2026-09', 'Arquivar turma Turma 2026-09', 'Verificar acessos encerrados']),
    );

    for (let step = 0; step < 40 && (await page.evaluate(() => document.activeElement?.textContent?.trim())) !== 'Nova turma'; step++) {
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
    await page.locator('#cohort-form').waitFor({ state: 'visible' });
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('cohort-tag');
    await shot(page, 'keyboard', page.locator('#cohorts'));
  });
});
