import { describe, expect, it } from 'vitest';
import { cellDiagnostics } from '../../test/cell-typecheck';
import { sqlBindingDeclarations, sqlBindingNames } from './sql-binding-declarations';

describe('declarations of %%sql NAME bindings', () => {
  it('name what %%sql NAME cells bind, in cell order', () => {
    const cells = [
      '%%sql byPlan\nselect 1',
      '%%sql\nselect 2',
      'const x = 1',
      '%%sql   $spaced_2 \t\nselect 3',
      '%%sql last',
    ];
    expect(sqlBindingNames(cells)).toEqual(['byPlan', '$spaced_2', 'last']);
  });

  it('ignore lines that bind nothing the kernel would bind', () => {
    const cells = [
      '%%sql 1abc\nselect 1',
      '%%sql a b',
      '%%sql a-b',
      '%%sql class',
      '%%sqlx name',
      ' %%sql indented',
      '// %%sql commented',
      '',
    ];
    expect(sqlBindingNames(cells)).toEqual([]);
    expect(sqlBindingDeclarations(cells)).toBe('');
  });

  it('declare a name bound by two cells once', () => {
    expect(sqlBindingDeclarations(['%%sql t\nselect 1', '%%sql u', '%%sql t\nselect 2'])).toBe(
      'declare const t: QuarrySqlResult<QuarrySqlBindingRow>;\n' +
        'declare const u: QuarrySqlResult<QuarrySqlBindingRow>;\n',
    );
  });

  it('follow renamed and removed cells', () => {
    const renamed = sqlBindingNames(['%%sql before2\nselect 1', '%%sql kept']);
    expect(renamed).toEqual(['before2', 'kept']);
    expect(sqlBindingNames(['%%sql kept'])).toEqual(['kept']);
    expect(sqlBindingNames(['select 1\n%%sql no_longer', '%%sql kept'])).toEqual(['kept']);
  });

  it('let TypeScript cells use the bindings, rows included', () => {
    const lib = sqlBindingDeclarations(['%%sql byContacts\nselect 1', '%%sql other']);
    const cell = `
      const n: number = byContacts.toRows().length;
      const rates: number[] = byContacts.toRows().map((row) => row.churn_rate * 100);
      display(chart.bar(byContacts, { x: 'contacts_90d', y: 'churn_rate' }));
      register('contacts', other);
      display([n, rates]);
    `;
    expect(cellDiagnostics(cell, [lib])).toEqual([]);
    expect(
      cellDiagnostics('byContacts.numRows', [sqlBindingDeclarations(['%%sql other'])]),
    ).toEqual(["Cannot find name 'byContacts'."]);
  });
});
