// The HTML preview written beside the workbook: what its header says (when, in the school's time and
// pt-BR) and which sheets it shows (never a hidden one).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureConfigSheets } from '../../src/core/config/templates';
import { SHEET } from '../../src/core/sheets';
import { writePreview } from '../../src/node/preview-file';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';

const TEMP = mkdtempSync(join(tmpdir(), 'cademi-preview-file-'));
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));

/** The preview of a workbook with the config sheets, `_Identidade` (hidden by the program) and a tab a person hid. */
async function preview(generatedAt: Date): Promise<string> {
  const path = join(TEMP, 'escola.xlsx');
  const book = XlsxWorkbook.empty();
  ensureConfigSheets(book);
  book.writeSheet(SHEET.identity, { rows: [['chave', 'valor']], hidden: true });
  book.writeSheet('Anotações da coordenação', { rows: [['Nota'], ['ligar para a Ana']] });
  await book.save(path);
  const loaded = await XlsxWorkbook.load(path);
  loaded.book.getWorksheet('Anotações da coordenação')!.state = 'hidden';
  const html = join(TEMP, 'escola.html');
  await writePreview(loaded, html, 'Progresso Cademi — escola.xlsx', generatedAt, path);
  return readFileSync(html, 'utf8');
}

describe('writePreview', () => {
  it('says when it was made in the school’s time zone, dd/mm/aaaa hh:mm, never ISO or UTC', async () => {
    // 12:30 UTC is 09:30 in São Paulo, the default settings' zone.
    const header = /<header class="page-header">.*?<\/header>/s.exec(await preview(new Date(Date.UTC(2026, 8, 14, 12, 30))))?.[0] ?? '';
    expect(header).toContain('Gerado em 14/09/2026 09:30');
    expect(header).not.toMatch(/\d{4}-\d{2}-\d{2}|UTC/);
  });

  it('leaves hidden sheets out, the program’s and a person’s, and counts them', async () => {
    const html = await preview(new Date(Date.UTC(2026, 8, 14, 12, 30)));
    const nav = /<nav class="tabs"[^>]*>(.*?)<\/nav>/s.exec(html)?.[1] ?? '';
    expect(nav).toContain(SHEET.settings);
    expect(nav).not.toContain(SHEET.identity);
    expect(html).not.toContain('Anotações da coordenação');
    expect(html).not.toContain('ligar para a Ana');
    expect(html).toContain('2 abas ocultas não exibidas');
  });
});
