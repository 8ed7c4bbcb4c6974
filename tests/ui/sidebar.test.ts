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

const pad = (value: number) => String(value).padStart(2, '0');

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Today as the sidebar's date fields show it. */
function todayShown(): string {
  const now = new Date();
  return `${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()}`;
}

/** What covers what, measured in the page at one scroll position. */
interface Coverage {
  /** The scroll position: which control was brought to which edge of the frame. */
  readonly at: string;
  readonly toasts: number;
  /** Controls with some part in view (a control scrolled out of view can be covered by nothing). */
  readonly controlsInView: number;
  /** `control ∩ toast` overlaps, and controls whose visible centre another element is painted over. */
  readonly covered: readonly string[];
  readonly toastsOutOfView: number;
  /** The message row's share of the frame's height. */
  readonly messagesShare: number;
}

/**
 * Runs in the page: brings every control of the panels to the bottom edge of the frame, then to the
 * top, and measures at each position. A toast is any shown child of #messages; a control any button,
 * input, select, textarea or link outside it. A control's visible part is its box clipped by the
 * viewport and by every ancestor that scrolls; that part must meet no toast's box, and the element
 * painted at its centre must be the control itself (so nothing, positioned or not, lies over it).
 */
function measureAtEveryScroll(): Coverage[] {
  type Box = { left: number; top: number; right: number; bottom: number };
  const clip = (a: Box, b: Box): Box | null => {
    const box = { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
    return box.right > box.left && box.bottom > box.top ? box : null;
  };
  const messages = document.getElementById('messages')!;
  const shown = (element: Element) => element.getClientRects().length > 0 && element.getBoundingClientRect().height > 0;
  const name = (element: Element) => `${element.tagName.toLowerCase()}#${element.id || (element.textContent ?? '').trim().slice(0, 30)}`;
  const controls = [...document.querySelectorAll('button, input, select, textarea, a[href]')].filter(
    (control) => !messages.contains(control) && shown(control),
  );

  function measure(at: string): Coverage {
    const viewport: Box = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
    const toasts = [...messages.children].filter(shown).map((toast) => toast.getBoundingClientRect());
    const covered: string[] = [];
    let controlsInView = 0;
    for (const control of controls) {
      let visible: Box | null = clip(control.getBoundingClientRect(), viewport);
      for (let parent = control.parentElement; parent && visible; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowY !== 'visible') visible = clip(visible, parent.getBoundingClientRect());
      }
      if (!visible) continue;
      controlsInView++;
      for (const toast of toasts) if (clip(visible, toast)) covered.push(`${name(control)} under a toast`);
      const hit = document.elementFromPoint((visible.left + visible.right) / 2, (visible.top + visible.bottom) / 2);
      if (hit && hit !== control && !control.contains(hit)) covered.push(`${name(control)} under ${name(hit)}`);
    }
    return {
      at,
      toasts: toasts.length,
      controlsInView,
      covered,
      toastsOutOfView: toasts.filter((toast) => toast.top < 0 || toast.bottom > window.innerHeight).length,
      messagesShare: messages.getBoundingClientRect().height / window.innerHeight,
    };
  }

  const found: Coverage[] = [];
  for (const control of controls) {
    for (const block of ['end', 'start'] as const) {
      control.scrollIntoView({ block });
      found.push(measure(`${name(control)} at the ${block}`));
    }
  }
  return found;
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

  /** `clock`: the page's timers are Playwright's (they run until a test pauses them). */
  async function openSidebar(handler: RpcHandler, { locale = 'pt-BR', clock = false } = {}): Promise<OpenSidebar> {
    const page = await browser.newPage({ viewport: { width: 300, height: 800 }, locale });
    if (clock) await page.clock.install();
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

  /**
   * The 300×800 view a coordinator sees with `region` scrolled into it, or (no region) every panel:
   * the panels scroll inside the frame, so the frame is made as tall as they are for that picture.
   */
  async function shot(page: Page, name: string, region?: Locator): Promise<void> {
    const path = join(OUT, `sidebar-${name}.png`);
    if (region) {
      await region.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path });
      return;
    }
    const viewport = page.viewportSize()!;
    const height = await page.evaluate(() => document.getElementById('content')!.scrollHeight + document.getElementById('messages')!.offsetHeight);
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
    await page.screenshot({ path });
    await page.setViewportSize(viewport);
  }

  it('lists the cohorts with their facts, "arquivada" and "sem meta" badges, and names shown as text', async () => {
    const server = new FakeSidebarServer();
    server.cohorts[1] = { ...server.cohorts[1], studentCount: 1234 };
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
    const withoutGoal = cards.filter({ hasText: 'Turma 2026-10' });
    await expect(withoutGoal.locator('.badge').innerText()).resolves.toBe('sem meta');
    await expect(withoutGoal.locator('dl').innerText()).resolves.toMatch(/Meta\s+sem meta[\s\S]*Alunos\s+1\.234/);
    await expect(first.locator('.badge').count()).resolves.toBe(0);
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
    // The school's default goal is chosen, and the form says so.
    await expect(page.getByLabel('Meta de progresso').inputValue()).resolves.toBe('Padrão 12 semanas');
    await expect(page.locator('#cohort-goal-hint').innerText()).resolves.toBe('Meta padrão da escola: Padrão 12 semanas');
    await page.getByLabel('Tag da Cademi').selectOption({ label: 'Turma 2026-11 (#13)' });
    await expect(page.getByLabel('Nome da turma').inputValue()).resolves.toBe('Turma 2026-11');
    await page.getByLabel('Tutor', { exact: true }).fill('tutor@');
    await page.getByLabel('Tutor', { exact: true }).press('Tab'); // blur → validateCohort
    const tutorError = page.locator('#cohort-error-tutorEmail');
    await tutorError.waitFor({ state: 'visible' });
    await expect(tutorError.innerText()).resolves.toContain('E-mail do tutor inválido');
    await expect(page.getByLabel('Tutor', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#cohort-error-productIds').isVisible()).resolves.toBe(false); // not touched yet

    await page.getByRole('button', { name: 'Criar turma' }).click();
    await page.locator('#cohort-error-productIds').waitFor({ state: 'visible' });
    await expect(page.locator('#cohort-error-start').innerText()).resolves.toBe('Informe a data no formato dd/mm/aaaa.');
    expect(server.callsOf('saveCohort')).toHaveLength(0);
    await shot(page, 'form-errors', page.locator('#cohort-form'));

    await page.getByLabel('Início').fill('31/11/2026'); // November has 30 days
    await page.getByLabel('Início').press('Tab');
    await expect(page.locator('#cohort-error-start').innerText()).resolves.toBe('“31/11/2026” não é uma data válida: use dd/mm/aaaa, por exemplo 21/09/2026.');
    await page.getByLabel('Início').fill('9/11/2026');
    await page.getByLabel('Início').press('Tab');
    await expect(page.getByLabel('Início').inputValue()).resolves.toBe('09/11/2026'); // rewritten the one way dates are shown
    await expect(page.locator('#cohort-error-start').isHidden()).resolves.toBe(true);
    await page.getByLabel('Power BI').check();
    await page.getByLabel('SQL do Zero').check();
    await page.getByLabel('Meta de progresso').selectOption('Intensivo 8 semanas');
    await page.getByLabel('Tutor', { exact: true }).fill('tutor@escola.com.br');
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

  it('says why "Nova turma" starts without a goal when the school has no default', async () => {
    const server = new FakeSidebarServer();
    server.defaultGoal = { track: null, reason: 'a Meta padrão da aba Configuração está vazia' };
    const { page } = await openSidebar(server.handler);
    await page.getByRole('button', { name: 'Nova turma' }).click();
    await expect(page.getByLabel('Meta de progresso').inputValue()).resolves.toBe('');
    await expect(page.locator('#cohort-goal-hint').innerText()).resolves.toBe(
      'Sem meta padrão: a Meta padrão da aba Configuração está vazia. Escolha uma meta para a turma ter alertas de ritmo.',
    );
  });

  it('edits a cohort and archives another after a confirm step; a server error shows in the alert area', async () => {
    const server = new FakeSidebarServer();
    const { page } = await openSidebar(server.handler);
    await page.getByRole('button', { name: 'Editar turma Turma 2026-10' }).click();
    await expect(page.locator('#cohort-form-title').innerText()).resolves.toBe('Editar turma Turma 2026-10');
    await expect(page.getByLabel('Excel Essencial').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Início').inputValue()).resolves.toBe('05/10/2026');
    await expect(page.getByLabel('Meta de progresso').inputValue()).resolves.toBe(''); // its own: none, not the default
    await expect(page.locator('#cohort-goal-hint').isHidden()).resolves.toBe(true);
    await page.getByLabel('Tutor', { exact: true }).fill('novo.tutor@escola.com.br');
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
    await search.fill('example.com');
    await page.locator('#student-results-note', { hasText: '4 alunos encontrados.' }).waitFor();
    await search.fill('ana.souza');
    await page.locator('#student-results-note', { hasText: '1 aluno encontrado.' }).waitFor();
    await page.getByRole('button', { name: /Ana Beatriz Souza/ }).click();
    await page.getByRole('button', { name: 'Mover aluno' }).click(); // no target yet
    await expect(page.locator('#move-target-error').innerText()).resolves.toBe('Escolha a turma de destino.');
    expect(server.callsOf('moveStudent')).toEqual([]);
    await page.getByLabel('Para a turma').selectOption('Turma 2026-10');
    await expect(page.getByLabel('A partir da semana de').inputValue()).resolves.toBe(todayShown());
    await page.getByLabel('A partir da semana de').fill('19/10/2026');
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
    await expect(page.getByLabel('Data da desistência').inputValue()).resolves.toBe(todayShown());
    await page.getByLabel('Data da desistência').fill('');
    await page.getByRole('button', { name: 'Marcar desistência' }).click();
    await expect(page.locator('#dropout-date-error').innerText()).resolves.toBe('Informe a data no formato dd/mm/aaaa.');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('dropout-date');
    expect(server.callsOf('markDropout')).toEqual([]);
    await page.getByLabel('Data da desistência').fill('28/10/2026');
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
    await expect(page.locator('#dropouts-note').innerText()).resolves.toBe('2 alunos com acesso encerrado.');
    await expect(entry.innerText()).resolves.toContain('19 dias sem acessar');
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

  it('never covers a field or a button with its messages, one after another or together, at 300 px', async () => {
    const server = new FakeSidebarServer();
    const { page } = await openSidebar(server.handler, { clock: true });
    expect(page.viewportSize()?.width).toBe(300);
    await page.getByRole('button', { name: 'Nova turma' }).click();
    // From here the page's time moves only when the test moves it: a status line stays (it clears after
    // 10 s of page time) however long the measuring takes.
    // A second ahead: the page's clock keeps running while the evaluate's answer travels back, and
    // pausing at a time already past fails.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    const searchBox = page.getByLabel('Buscar aluno (nome ou e-mail)');
    const search = {
      fill: async (text: string) => {
        await searchBox.fill(text);
        await page.clock.runFor(300); // the search's debounce
      },
    };

    /** At every scroll position that matters, `toasts` messages are shown and none covers a control. */
    async function expectNothingCovered(toasts: number): Promise<void> {
      const positions = await page.evaluate(measureAtEveryScroll);
      expect(positions.length).toBeGreaterThan(30);
      for (const position of positions) {
        expect({ at: position.at, toasts: position.toasts, covered: position.covered, toastsOutOfView: position.toastsOutOfView }).toEqual({
          at: position.at,
          toasts,
          covered: [],
          toastsOutOfView: 0,
        });
        expect(position.controlsInView).toBeGreaterThan(3);
        // However many messages came, the panels keep at least two thirds of the frame.
        expect(position.messagesShare).toBeLessThanOrEqual(1 / 3 + 0.01);
      }
    }

    // One status line.
    await search.fill('ana.souza');
    await page.getByRole('button', { name: /Ana Beatriz Souza/ }).click();
    await page.locator('#status-message', { hasText: 'Aluno selecionado: Ana Beatriz Souza.' }).waitFor();
    await expectNothingCovered(1);

    // Several in a row: the latest replaces the one before, no pile.
    for (const [email, name] of [
      ['bruno@', 'Bruno Carvalho'],
      ['carla.dias', 'Carla Dias'],
    ]) {
      await search.fill(email);
      await page.getByRole('button', { name: new RegExp(name) }).click();
      await page.locator('#status-message', { hasText: `Aluno selecionado: ${name}.` }).waitFor();
    }
    await expect(page.locator('#messages > *:visible').count()).resolves.toBe(1);
    await expectNothingCovered(1);

    // A status line and a long error together (the next action clears the error, so it comes last).
    await search.fill('ana.souza');
    await page.getByRole('button', { name: /Ana Beatriz Souza/ }).click();
    await page.locator('#status-message', { hasText: 'Aluno selecionado: Ana Beatriz Souza.' }).waitFor();
    server.failNext('validateCohort', 'A aba Turmas está protegida: peça acesso de edição ao dono da planilha para criar ou editar turmas por aqui.');
    await page.getByLabel('Nome da turma').fill('Turma nova');
    await page.getByLabel('Nome da turma').press('Tab');
    await page.getByRole('alert').getByText('A aba Turmas está protegida').waitFor();
    await expectNothingCovered(2);
    await page.locator('#cohort-submit').evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await shot(page, 'messages');

    // The messages are live regions: the status line polite, the error an alert.
    await expect(page.locator('#status-message').getAttribute('role')).resolves.toBe('status');
    await expect(page.locator('#status-message').getAttribute('aria-live')).resolves.toBe('polite');
    await expect(page.locator('#error-message').getAttribute('role')).resolves.toBe('alert');
  });

  it.each([
    ['en-US', '9/7/2026'],
    ['de-DE', '7.9.2026'],
  ])('shows and takes dd/mm/aaaa dates in a browser set to %s, and sends the server ISO dates', async (locale, browserDate) => {
    const server = new FakeSidebarServer();
    const { page, pageErrors } = await openSidebar(server.handler, { locale });
    // The browser really speaks that language: its own date format is not ours.
    await expect(page.evaluate(() => [navigator.language, new Date(2026, 8, 7).toLocaleDateString()])).resolves.toEqual([locale, browserDate]);

    await page.getByRole('button', { name: 'Editar turma Turma 2026-09' }).click();
    const start = page.getByLabel('Início');
    await expect(start.inputValue()).resolves.toBe('07/09/2026');
    await expect(start.getAttribute('placeholder')).resolves.toBe('dd/mm/aaaa');
    await expect(start.getAttribute('inputmode')).resolves.toBe('numeric');
    await start.fill('21/09/2026');
    await page.getByRole('button', { name: 'Salvar alterações' }).click();
    await page.locator('#status-message', { hasText: 'Turma “Turma 2026-09” atualizada.' }).waitFor();
    expect(server.callsOf('saveCohort').map(([input]) => (input as { start: string }).start)).toEqual(['2026-09-21']);
    const card = page.locator('#cohort-list > li', { hasText: 'Turma 2026-09' });
    await expect(card.locator('dl').innerText()).resolves.toMatch(/Início\s+21\/09\/2026/);

    await page.getByLabel('Buscar aluno (nome ou e-mail)').fill('ana.souza');
    await page.getByRole('button', { name: /Ana Beatriz Souza/ }).click();
    const week = page.getByLabel('A partir da semana de');
    await expect(week.inputValue()).resolves.toBe(todayShown());
    await page.getByLabel('Para a turma').selectOption('Turma 2026-10');
    await week.fill('21/09/2026');
    await page.getByRole('button', { name: 'Mover aluno' }).click();
    await page.locator('#student-outcome').getByText('Aluno movido').waitFor();
    expect(server.callsOf('moveStudent')).toEqual([[1, 'Turma 2026-10', '2026-09-21', '']]);
    await expect(page.locator('#student-outcome').innerText()).resolves.toContain('(a partir de 21/09/2026)');
    await expect(page.locator('#adjustment-list').innerText()).resolves.toContain('a partir de 21/09/2026');
    expect(pageErrors).toEqual([]);
    await shot(page, `dates-${locale}`, page.locator('#students'));
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
