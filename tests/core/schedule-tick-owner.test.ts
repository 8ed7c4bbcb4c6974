// The tick-ownership decisions, without Apps Script: who installs, who steps aside, who takes over.

import { describePeriod, formatDateTime } from '../../src/core/messages/automation';
import {
  disabledByOtherNotice,
  isTickAlive,
  otherOwnerNotice,
  parseHeartbeat,
  parseTickOwner,
  planInstall,
  planTick,
  staleOwnerNotice,
  type TickRecord,
} from '../../src/core/schedule/tick-owner';

const PERIOD = 10 * 60_000;
const T0 = Date.UTC(2026, 8, 14, 9, 0); // 06:00 in São Paulo
const record = (heartbeat: number | null, email: string | null = 'ana@escola.com'): TickRecord => ({
  owner: { triggerId: 'A1', email, installedAt: T0 },
  heartbeat,
});

describe('parsing the stored record', () => {
  it('accepts a well-formed record and refuses anything else', () => {
    expect(parseTickOwner(JSON.stringify({ triggerId: 'A1', email: 'ana@escola.com', installedAt: T0 }))).toEqual({
      triggerId: 'A1',
      email: 'ana@escola.com',
      installedAt: T0,
    });
    expect(parseTickOwner(JSON.stringify({ triggerId: 'A1', email: '', installedAt: T0 }))?.email).toBeNull();
    for (const bad of [null, '', '{', '{"triggerId":""}', JSON.stringify({ triggerId: 'A1', email: null, installedAt: 'x' })])
      expect(parseTickOwner(bad)).toBeNull();
    expect(parseHeartbeat(String(T0))).toBe(T0);
    expect(parseHeartbeat('abc')).toBeNull();
    expect(parseHeartbeat(null)).toBeNull();
  });
});

describe('liveness', () => {
  it('is alive within 2.5 tick periods of its last beat (or of its installation before the first beat)', () => {
    expect(isTickAlive(record(null), T0 + 2.5 * PERIOD, PERIOD)).toBe(true);
    expect(isTickAlive(record(null), T0 + 2.5 * PERIOD + 1, PERIOD)).toBe(false);
    expect(isTickAlive(record(T0 + 60 * 60_000), T0 + 80 * 60_000, PERIOD)).toBe(true);
    expect(isTickAlive(record(T0 + 60 * 60_000), T0 + 86 * 60_000, PERIOD)).toBe(false);
  });
});

describe('planInstall', () => {
  it("keeps the recorded tick when it is the editor's own, dropping their duplicates", () => {
    expect(planInstall(record(T0), ['B7', 'A1'], T0, PERIOD)).toEqual({ kind: 'mine', remove: ['B7'] });
  });
  it("installs nothing while another editor's tick is alive, and drops the editor's strays", () => {
    expect(planInstall(record(T0), ['B7'], T0 + PERIOD, PERIOD)).toEqual({ kind: 'other', owner: record(T0).owner, remove: ['B7'] });
  });
  it('takes over a dead owner, adopting an own tick when there is one', () => {
    expect(planInstall(record(T0), [], T0 + 26 * 60_000, PERIOD)).toEqual({ kind: 'install', adopt: null, remove: [], replaced: record(T0) });
    expect(planInstall(record(T0), ['B7', 'B8'], T0 + 26 * 60_000, PERIOD)).toEqual({ kind: 'install', adopt: 'B7', remove: ['B8'], replaced: record(T0) });
  });
  it('without a record (first install, or an upgrade), installs or adopts', () => {
    expect(planInstall(null, [], T0, PERIOD)).toEqual({ kind: 'install', adopt: null, remove: [], replaced: null });
    expect(planInstall(null, ['B7'], T0, PERIOD)).toEqual({ kind: 'install', adopt: 'B7', remove: [], replaced: null });
  });
});

describe('planTick', () => {
  it('runs a tick started by hand without claiming anything', () => {
    expect(planTick(record(T0), null, T0, PERIOD)).toEqual({ kind: 'manual' });
  });
  it("the owner's tick beats; another tick is a stray while the owner is alive", () => {
    expect(planTick(record(T0), 'A1', T0 + PERIOD, PERIOD)).toEqual({ kind: 'owner' });
    expect(planTick(record(T0), 'B7', T0 + PERIOD, PERIOD)).toEqual({ kind: 'stray' });
  });
  it('the first tick after an upgrade adopts itself; so does a tick outliving a dead owner', () => {
    expect(planTick(null, 'B7', T0, PERIOD)).toEqual({ kind: 'adopt', previous: null });
    expect(planTick(record(T0), 'B7', T0 + 30 * 60_000, PERIOD)).toEqual({ kind: 'adopt', previous: record(T0) });
  });
});

describe('messages', () => {
  it('name the owner, or "outro editor" when the e-mail is unknown', () => {
    expect(otherOwnerNotice(record(T0).owner)).toContain('pela conta de ana@escola.com');
    expect(otherOwnerNotice(record(T0, null).owner)).toContain('pela conta de outro editor');
  });
  it("say since when a dead tick has not run, in the spreadsheet's time zone", () => {
    expect(formatDateTime(T0, 'America/Sao_Paulo')).toBe('14/09/2026 às 06:00');
    expect(staleOwnerNotice(record(T0 + 10 * 60_000), 'America/Sao_Paulo')).toContain('não roda desde 14/09/2026 às 06:10');
  });
  it("say when the owner's tick stops after a non-owner disables it", () => {
    expect(describePeriod(PERIOD)).toBe('10 minutos');
    expect(describePeriod(60 * 60_000)).toBe('1 hora');
    expect(disabledByOtherNotice(record(T0).owner, 60 * 60_000, false)).toContain('na próxima execução, em até 1 hora');
    expect(disabledByOtherNotice(record(T0).owner, PERIOD, true)).toContain('depois de terminar a atualização em andamento');
  });
});
