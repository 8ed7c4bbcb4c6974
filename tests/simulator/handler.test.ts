// The simulated API over the pure handler: envelope, paging, lookups, formats, auth and errors.

import { createSchool, createSimulator, VirtualClock } from '../../src/simulator';
import { BASE, get, getData, LATE_2026, unlimitedSimulator, WEEK_MS } from './helpers';

const school = createSchool();

describe('envelope and determinism', () => {
  it('answers the same JSON for the same seed and instant', () => {
    const first = unlimitedSimulator(LATE_2026, createSchool({ seed: 42 })).simulator;
    const second = unlimitedSimulator(LATE_2026, createSchool({ seed: 42 })).simulator;
    for (const path of ['/usuario/lista_por_tag/103', '/usuario/progresso_por_produto/1001/11', '/usuario/acesso/1005', '/tag', '/produto']) {
      expect(get(second, path).body).toBe(get(first, path).body);
    }
  });

  it('wraps data in Cademi’s envelope with a profiler', () => {
    const response = get(unlimitedSimulator().simulator, '/tag');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    const body = JSON.parse(response.body);
    expect(body).toMatchObject({ success: true, code: 200 });
    expect(body.profiler.start).toBeCloseTo(LATE_2026 / 1000, 3);
    expect(body.profiler.finish).toBeGreaterThan(body.profiler.start);
    expect(body.data.itens).toEqual(
      expect.arrayContaining([
        { id: 103, nome: 'Turma 2026-09' },
        { id: 90, nome: 'Alunos VIP' },
      ]),
    );
  });
});

describe('GET /usuario/lista_por_tag/{tag_id}', () => {
  const { simulator } = unlimitedSimulator(LATE_2026, school);

  it('pages a tag of more than 150 students with absolute next_page_url, null at the end', () => {
    const first = getData(simulator, '/usuario/lista_por_tag/103');
    expect(first.paginator.perPage).toBe(150);
    expect(first.usuario).toHaveLength(150);
    expect(first.paginator.prev_page_url).toBeNull();
    expect(first.paginator.next_page_url).toMatch(/^http:\/\/127\.0\.0\.1:9\/api\/v1\/usuario\/lista_por_tag\/103\?cursor=eyJ[\w-]+$/);
    const second = getData(simulator, first.paginator.next_page_url);
    expect(second.usuario.length).toBeGreaterThan(0);
    expect(second.paginator.next_page_url).toBeNull();
    expect(second.paginator.prev_page_url).toMatch(/^http:\/\/127\.0\.0\.1:9\//);
    const ids = [...first.usuario, ...second.usuario].map((user: { id: number }) => user.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('builds next_page_url on the origin the request came to', () => {
    const first = getData(simulator, 'https://portal.example.com.br/api/v1/usuario/lista_por_tag/103');
    expect(first.paginator.next_page_url.startsWith('https://portal.example.com.br/api/v1/usuario/lista_por_tag/103?cursor=')).toBe(true);
  });

  it('reaches every student of every cohort by following the pages', () => {
    const reached = new Set<number>();
    for (const cohort of school.cohorts) {
      let url: string | null = `${BASE}/usuario/lista_por_tag/${cohort.tagId}`;
      let pages = 0;
      while (url !== null) {
        const data = getData(simulator, url);
        for (const user of data.usuario) reached.add(user.id);
        url = data.paginator.next_page_url;
        pages++;
      }
      expect(pages).toBe(Math.max(1, Math.ceil(school.studentsWithTagAt(cohort.tagId, LATE_2026).length / 150)));
    }
    expect(reached.size).toBe(school.students.length);
  });

  it('goes back with prev_page_url', () => {
    const first = getData(simulator, '/usuario/lista_por_tag/103');
    const second = getData(simulator, first.paginator.next_page_url);
    const back = getData(simulator, second.paginator.prev_page_url);
    expect(back.usuario.map((user: { id: number }) => user.id)).toEqual(first.usuario.map((user: { id: number }) => user.id));
  });

  it('answers an empty list for a tag nobody carries, 404 for an unknown tag, 400 for a bad cursor', () => {
    const empty = getData(simulator, '/usuario/lista_por_tag/100');
    expect(empty.usuario).toEqual([]);
    expect(empty.paginator.next_page_url).toBeNull();
    const unknown = get(simulator, '/usuario/lista_por_tag/999');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ success: false, code: 404 });
    expect(get(simulator, '/usuario/lista_por_tag/103?cursor=!!').status).toBe(400);
    // A cursor of another listing is refused rather than silently misapplied.
    const produtoCursor = getData(simulator, '/produto').paginator.next_page_url.split('cursor=')[1];
    expect(get(simulator, `/usuario/lista_por_tag/103?cursor=${produtoCursor}`).status).toBe(400);
  });

  it('lists fewer students before a cohort’s enrolment has begun', () => {
    const early = unlimitedSimulator(Date.parse('2026-07-01T12:00:00Z'), school).simulator;
    expect(getData(early, '/usuario/lista_por_tag/105').usuario).toEqual([]);
  });

  it('lists a switcher under the old tag before the switch and under the new one after', () => {
    const switcher = school.students.find((student) => student.profile === 'switcher')!;
    const oldTag = school.cohorts[switcher.cohortIndex].tagId;
    const newTag = school.cohorts[switcher.cohortIndex + 1].tagId;
    const idsOf = (at: number, tag: number) => {
      const sim = unlimitedSimulator(at, school).simulator;
      const ids: number[] = [];
      let url: string | null = `${BASE}/usuario/lista_por_tag/${tag}`;
      while (url) {
        const data = getData(sim, url);
        ids.push(...data.usuario.map((user: { id: number }) => user.id));
        url = data.paginator.next_page_url;
      }
      return ids;
    };
    expect(idsOf(switcher.switchAt! - 1000, oldTag)).toContain(switcher.id);
    expect(idsOf(switcher.switchAt! - 1000, newTag)).not.toContain(switcher.id);
    expect(idsOf(switcher.switchAt! + 1000, oldTag)).not.toContain(switcher.id);
    expect(idsOf(switcher.switchAt! + 1000, newTag)).toContain(switcher.id);
  });
});

describe('students and progress', () => {
  const { simulator, clock } = unlimitedSimulator(LATE_2026, school);

  it('finds a student by id, e-mail or CPF, URL-encoded', () => {
    const student = school.students.find((candidate) => candidate.doc !== null)!;
    for (const key of [String(student.id), student.email, student.doc!]) {
      expect(getData(simulator, `/usuario/${encodeURIComponent(key)}`).usuario.id).toBe(student.id);
    }
    expect(get(simulator, '/usuario/999999').status).toBe(404);
  });

  it('returns the documented usuario fields, with the hostile names untouched', () => {
    const formula = getData(simulator, '/usuario/1008').usuario;
    expect(Object.keys(formula).sort()).toEqual(['celular', 'criado_em', 'doc', 'email', 'gratis', 'id', 'login_auto', 'nome', 'ultimo_acesso_em'].sort());
    expect(formula.nome.startsWith('=')).toBe(true);
    expect(getData(simulator, '/usuario/1009').usuario.nome).toBe('<img src=x onerror=alert(1)>');
    const never = school.students.find((student) => student.profile === 'never')!;
    expect(getData(simulator, `/usuario/${never.id}`).usuario.ultimo_acesso_em).toBeNull();
  });

  it('reports progress with a percent string, counts and lessons', () => {
    const progress = getData(simulator, '/usuario/progresso_por_produto/1001/12').progresso;
    const summary = school.progressAt(1001, 12, LATE_2026)!;
    expect(progress.completas).toBe(summary.completed);
    expect(progress.assistidas).toBe(summary.opened);
    expect(progress.total.replace(',', '.')).toBe(`${((summary.completed / 30) * 100).toFixed(1)}%`);
    expect(progress.aulas).toHaveLength(summary.opened);
    expect(progress.aulas[0]).toEqual({
      item_id: 12001,
      count: expect.any(Number),
      acesso_em: expect.any(String),
      aula: { id: 12001, ordem: 1, nome: expect.any(String) },
    });
  });

  it('uses both "41.7%" and "41,7%" across students', () => {
    const totals = school.students
      .slice(0, 80)
      .map((student) => getData(simulator, `/usuario/progresso_por_produto/${student.id}/11`).progresso.total as string);
    expect(totals.every((total) => /^\d{1,3}[.,]\d%$/.test(total))).toBe(true);
    expect(totals.some((total) => total.includes(','))).toBe(true);
    expect(totals.some((total) => total.includes('.'))).toBe(true);
  });

  it('uses both date formats, zone-less São Paulo time and ISO with offset, and they agree', () => {
    const users = getData(simulator, '/usuario/lista_por_tag/101').usuario as Array<{ id: number; ultimo_acesso_em: string | null }>;
    const dates = users.map((user) => user.ultimo_acesso_em).filter((date): date is string => date !== null);
    expect(dates.some((date) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(date))).toBe(true);
    expect(dates.some((date) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-03:00$/.test(date))).toBe(true);
    for (const user of users) {
      const expected = school.lastAccessAt(user.id, LATE_2026);
      if (user.ultimo_acesso_em === null) {
        expect(expected).toBeNull();
        continue;
      }
      const text = user.ultimo_acesso_em.includes('T') ? user.ultimo_acesso_em : `${user.ultimo_acesso_em.replace(' ', 'T')}-03:00`;
      expect(Date.parse(text)).toBe(expected);
    }
  });

  it('answers 404 for an unknown product and for a product the student does not have', () => {
    expect(get(simulator, '/usuario/progresso_por_produto/1001/999').status).toBe(404);
    expect(get(simulator, '/usuario/progresso_por_produto/1001/201').status).toBe(404);
    expect(get(simulator, '/usuario/progresso_por_produto/999999/11').status).toBe(404);
  });

  it('keeps the progress answer identical while ultimo_acesso_em does not change', () => {
    let idleWeeks = 0; // weeks the rule was checked on: none would make the test vacuous
    for (const student of school.students.slice(0, 60)) {
      clock.set(Date.parse('2026-08-01T12:00:00Z'));
      let previousAccess = getData(simulator, `/usuario/${student.id}`).usuario.ultimo_acesso_em;
      let previousProgress = getData(simulator, `/usuario/progresso_por_produto/${student.id}/11`).progresso;
      for (let week = 1; week <= 12; week++) {
        clock.advance(WEEK_MS);
        const access = getData(simulator, `/usuario/${student.id}`).usuario.ultimo_acesso_em;
        const progress = getData(simulator, `/usuario/progresso_por_produto/${student.id}/11`).progresso;
        if (access === previousAccess) {
          expect(progress).toEqual(previousProgress);
          idleWeeks++;
        }
        previousAccess = access;
        previousProgress = progress;
      }
    }
    expect(idleWeeks).toBeGreaterThan(0);
    clock.set(LATE_2026);
  });

  it('closes a dropout’s access (encerrado) some weeks after they stop', () => {
    const dropout = school.students.find((student) => student.profile === 'dropout')!;
    clock.set(dropout.accessEndsAt! - 1000);
    const before = getData(simulator, `/usuario/acesso/${dropout.id}`);
    expect(before.usuario.id).toBe(dropout.id);
    expect(before.acesso.filter((access: { produto: { id: number } }) => access.produto.id === 11)[0].encerrado).toBe(false);
    clock.set(dropout.accessEndsAt! + 1000);
    const after = getData(simulator, `/usuario/acesso/${dropout.id}`).acesso;
    const course = after.find((access: { produto: { id: number } }) => access.produto.id === 11);
    expect(course).toMatchObject({ encerrado: true, duracao_tipo: 'months', produto: { id: 11, nome: 'Fundamentos' } });
    expect(course.encerra_em).toEqual(expect.any(String));
    clock.set(LATE_2026);
  });
});

describe('products', () => {
  const { simulator } = unlimitedSimulator(LATE_2026, school);

  it('pages /produto by 15 and returns one product with its vitrine', () => {
    const first = getData(simulator, '/produto');
    expect(first.produto).toHaveLength(15);
    expect(first.produto[0]).toEqual({ id: 11, ordem: 1, nome: 'Fundamentos' });
    const second = getData(simulator, first.paginator.next_page_url);
    expect(second.produto.length).toBeGreaterThan(0);
    expect(second.paginator.next_page_url).toBeNull();
    const product = getData(simulator, '/produto/13').produto;
    expect(product).toMatchObject({ id: 13, ordem: 3, nome: 'Projeto Final', vitrine: expect.any(Object) });
    expect(get(simulator, '/produto/77').status).toBe(404);
  });
});

describe('auth, routes and faults', () => {
  const clock = new VirtualClock(LATE_2026);
  const simulator = createSimulator({ clock, school, ratePerSecond: 1e9, perMinute: 1e9 });

  it('answers 403 without Authorization and 405 for a wrong token', () => {
    const missing = get(simulator, '/tag', {});
    expect(missing.status).toBe(403);
    expect(JSON.parse(missing.body)).toMatchObject({ success: false, code: 403, msg: expect.any(String) });
    const wrong = get(simulator, '/tag', { Authorization: 'outra-chave' });
    expect(wrong.status).toBe(405);
    expect(JSON.parse(wrong.body)).toMatchObject({ success: false, code: 405, msg: 'Token inválido', profiler: expect.any(Object) });
  });

  it('accepts the raw key, a Bearer prefix and any header case', () => {
    expect(get(simulator, '/tag', { authorization: 'simulador-token' }).status).toBe(200);
    expect(get(simulator, '/tag', { Authorization: 'Bearer simulador-token' }).status).toBe(200);
    const custom = createSimulator({ clock, school, token: 'k-123' });
    expect(get(custom, '/tag', { Authorization: 'k-123' }).status).toBe(200);
  });

  it('answers 404 "Rota não encontrada" for unknown paths and other bases', () => {
    for (const url of [`${BASE}/nada`, 'http://127.0.0.1:9/api/v2/tag', 'http://127.0.0.1:9/tag']) {
      const response = get(simulator, url);
      expect(response.status).toBe(404);
      expect(JSON.parse(response.body).msg).toBe('Rota não encontrada');
    }
  });

  it('lets a fault hook replace answers, and counts every answer in stats', () => {
    let calls = 0;
    const faulty = createSimulator({
      clock,
      school,
      fault: () => (++calls % 2 === 1 ? { status: 503, headers: {}, body: 'Service Unavailable' } : undefined),
    });
    expect(get(faulty, '/tag').status).toBe(503);
    expect(get(faulty, '/tag').status).toBe(200);
    expect(faulty.stats).toEqual({ requests: 2, responses429: 0, byStatus: { 200: 1, 503: 1 } });
    faulty.resetStats();
    expect(faulty.stats).toEqual({ requests: 0, responses429: 0, byStatus: {} });
  });
});
