// What a person reads of a BigQuery failure, in both hosts: ours in full, a client's by name and code only.

import { describeBigQueryFailure } from '../../../src/core/bigquery/failure';
import { BigQueryConfigError } from '../../../src/core/bigquery/requests';

describe('describeBigQueryFailure', () => {
  it("keeps the core's own (pt-BR) message", () => {
    const ours = new BigQueryConfigError('A Tabela BigQuery não existe.');
    expect(describeBigQueryFailure(ours, 'cli')).toBe('A Tabela BigQuery não existe.');
  });

  it('tells only the name and code of a client error, never its text, with what to check on each host', () => {
    const client = Object.assign(new Error('Not found: Table p:d.t was not found in location US; response: {"secret":"x"}'), { name: 'ApiError', code: 404 });
    const cli = describeBigQueryFailure(client, 'cli');
    const gas = describeBigQueryFailure(client, 'apps-script');
    expect(cli).toMatch(/^o cliente do BigQuery falhou \(ApiError, código 404\); confira as credenciais \(gcloud/);
    expect(gas).toMatch(/^o cliente do BigQuery falhou \(ApiError, código 404\); confira se o serviço avançado BigQuery está ativo/);
    for (const text of [cli, gas]) expect(text).not.toMatch(/Not found|location|secret/);
  });

  it('a name or code that is not a plain identifier is not shown either', () => {
    const odd = Object.assign(new Error('x'), { name: '<script>', code: 'a b; drop' });
    expect(describeBigQueryFailure(odd, 'cli')).toMatch(/^o cliente do BigQuery falhou \(Error\); /);
    expect(describeBigQueryFailure('texto', 'cli')).toMatch(/^o cliente do BigQuery falhou \(Error\); /);
  });
});
