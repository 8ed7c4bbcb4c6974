// Messages about identity: sheets the job owns found again after a rename (or missing), and cohorts
// followed across renames by their ID. Brazilian Portuguese; they take sheet and cohort names only.

const quoted = (name: string) => `"${name}"`;

function list(names: readonly string[]): string {
  const shown = names.map(quoted);
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} e ${shown[shown.length - 1]}`;
}

// ---- owned sheets ---------------------------------------------------------------------------

/** An owned sheet a person renamed: the job found it by its identity and gave it back its name. */
export function ownedSheetRenamedBack(renamedTo: string, name: string): string {
  return `a aba ${quoted(renamedTo)} é a aba ${quoted(name)} do Progresso Cademi (foi renomeada) e voltou a se chamar ${quoted(name)}; nada se perdeu. Para guardar uma cópia com outro nome, duplique a aba em vez de renomeá-la.`;
}

/** The renamed owned sheet cannot get its name back: another sheet took it. */
export function ownedSheetNameTaken(renamedTo: string, name: string): string {
  return (
    `a aba ${quoted(renamedTo)} é a aba ${quoted(name)} do Progresso Cademi (foi renomeada), e outra aba já se chama ${quoted(name)}. ` +
    `Nada foi gravado. Para continuar com o histórico completo, renomeie ou apague a outra aba ${quoted(name)}; ` +
    `para começar do zero de propósito, mova ${quoted(renamedTo)} para outra planilha.`
  );
}

/** A derived sheet's name was taken by a person's sheet after it was renamed: the person's sheet is rewritten. */
export function reportSheetNameTaken(renamedTo: string, name: string): string {
  return `a aba ${quoted(renamedTo)} era a aba ${quoted(name)} do Progresso Cademi (foi renomeada) e ficou como está; a aba ${quoted(name)} passa a ser a do Progresso Cademi e é refeita a cada execução.`;
}

/** Several sheets claim to be the same owned sheet (copies), none under its name. */
export function ownedSheetDuplicated(names: readonly string[], name: string): string {
  return `as abas ${list(names)} dizem ser a aba ${quoted(name)} do Progresso Cademi (cópias?). Nada foi gravado. Deixe a verdadeira com o nome ${quoted(name)}, ou apague as cópias.`;
}

/** The owned sheet the job created is gone, and no sheet of that name stands in for it. */
export function ownedSheetMissing(name: string): string {
  return (
    `a aba ${quoted(name)}, criada pelo Progresso Cademi, não existe mais (foi excluída?). Nada foi gravado, para não começar um histórico novo em silêncio. ` +
    `Restaure-a (no Google Planilhas: Arquivo › Histórico de versões; no Excel ou LibreOffice: de uma cópia do arquivo) ` +
    `ou, para começar um histórico novo de propósito, crie uma aba vazia chamada ${quoted(name)}.`
  );
}

/** A sheet under the owned name, not the one the job made (restored from a copy, or made by a person on purpose): used from now on. */
export function ownedSheetAdopted(name: string): string {
  return `a aba ${quoted(name)} não é a que o Progresso Cademi criou (foi restaurada ou recriada) e passa a ser usada como ${quoted(name)}.`;
}

/** An older workbook's history found by its headers under another name. */
export function historyFoundByHeader(foundAs: string, name: string): string {
  return `a aba ${quoted(foundAs)} tem os cabeçalhos do Histórico do Progresso Cademi e voltou a se chamar ${quoted(name)}.`;
}

// ---- cohorts ------------------------------------------------------------------------------------

/** An ID cell replaced: repeated from another row (a copied row), or not one the job made (edited by hand). */
export function cohortIdReplaced(typed: string, id: string, repeated: boolean): string {
  return repeated
    ? `o ID ${quoted(typed)} já é de outra turma (linha copiada?); esta turma ganhou o ID ${id}. Não altere os IDs.`
    : `${quoted(typed)} não é um ID criado pelo Progresso Cademi; esta turma ganhou o ID ${id}. Não altere os IDs: são eles que ligam a turma ao seu histórico.`;
}

/** A cohort renamed (sidebar, CLI or typed into Turmas): its past follows it. */
export function cohortRenamed(previous: string, name: string): string {
  return `a turma ${quoted(previous)} agora se chama ${quoted(name)}: as semanas anteriores do Histórico, os Ajustes e as abas da turma passaram para o novo nome.`;
}

/** A rename that must wait: the history cannot be rewritten right now. */
export function cohortRenamePending(previous: string, name: string): string {
  return `a turma ${quoted(previous)} mudou de nome para ${quoted(name)}, mas a aba Histórico não pode ser atualizada agora (veja o aviso sobre ela); o histórico passa para o novo nome quando ela for corrigida.`;
}

/** A rename onto a name another cohort still holds in the history: not followed (the rows would merge). */
export function cohortRenameCollides(previous: string, name: string): string {
  return `a turma ${quoted(previous)} mudou de nome para ${quoted(name)}, mas o Histórico já tem semanas de outra turma com esse nome; escolha outro nome para não misturar as duas.`;
}

/** A cohort's own sheet cannot take its name: a sheet of a person already has it. */
export function cohortSheetNameTaken(kept: string, wanted: string): string {
  return `a aba ${quoted(wanted)} já existe e não é do Progresso Cademi; os dados desta turma seguem na aba ${quoted(kept)}.`;
}
