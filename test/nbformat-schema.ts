/**
 * Validation against the official nbformat 4.5 JSON schema, vendored in test/fixtures (see
 * NBFORMAT-LICENSE.md there), so tests prove Quarry writes files other tools accept.
 *
 * The schema picks a cell's and an output's shape with `oneOf`, so a raw validator reports
 * every branch that did not match (a broken code cell also "is not a raw cell, must not have
 * outputs..."). Here each failing cell and output is checked again against the one definition
 * its `cell_type` / `output_type` names, which leaves only the errors a person can act on.
 */
import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import { isJsonObject } from '../core/json';

const SCHEMA_URL = new URL('./fixtures/nbformat.v4.5.schema.json', import.meta.url);
const KEY = 'nbformat-v4.5';
const CELL_DEFINITIONS = { raw: 'raw_cell', markdown: 'markdown_cell', code: 'code_cell' };
const OUTPUT_DEFINITIONS = {
  execute_result: 'execute_result',
  display_data: 'display_data',
  stream: 'stream',
  error: 'error',
};

type Problem = { path: string; error: ErrorObject };

let ajv: Ajv | undefined;

function schemaFor(ref: string): ValidateFunction {
  if (!ajv) {
    const schema: unknown = JSON.parse(readFileSync(SCHEMA_URL, 'utf8'));
    if (!isJsonObject(schema)) throw new Error(`${SCHEMA_URL.pathname} is not a JSON schema`);
    // strict: false because the official schema has keywords ajv does not know (a misspelt
    // "item", "source_hidden" written as if it were a property); nbformat's validator ignores
    // them too.
    ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(schema, KEY);
  }
  const validate = ajv.getSchema(KEY + ref);
  if (!validate) throw new Error(`nbformat schema has no ${ref}`);
  return validate;
}

/** Empty when `json` is a valid nbformat 4.5 notebook; else one readable line per problem. */
export function validateNotebookJson(json: unknown): string[] {
  const cells = { name: 'cells', key: 'cell_type', definitions: CELL_DEFINITIONS };
  const problems = check(json, '', '', cells);
  return [...new Set(problems.map(describe))];
}

/**
 * Validates `value` (at JSON pointer `path`) against the schema definition `ref`; errors inside
 * the items of `list` (cells of a notebook, outputs of a code cell) are replaced by checking
 * each failing item against its own definition.
 */
function check(
  value: unknown,
  path: string,
  ref: string,
  list: { name: string; key: string; definitions: Record<string, string> } | undefined,
): Problem[] {
  const validate = schemaFor(ref);
  if (validate(value)) return [];
  const errors = dropOneOfBranches(validate.errors ?? []);
  const itemPath = list ? new RegExp(`^/${list.name}/(\\d+)(?:/|$)`) : undefined;
  const failing = new Set<number>();
  const problems: Problem[] = [];
  for (const error of errors) {
    const match = itemPath?.exec(error.instancePath);
    if (match) failing.add(Number(match[1]));
    else problems.push({ path: path + error.instancePath, error });
  }
  if (!list || !isJsonObject(value)) return problems;
  const items = value[list.name];
  for (const index of failing) {
    const item = Array.isArray(items) ? items[index] : undefined;
    problems.push(...checkItem(item, `${path}/${list.name}/${index}`, list.key, list.definitions));
  }
  return problems;
}

function checkItem(
  item: unknown,
  path: string,
  key: string,
  definitions: Record<string, string>,
): Problem[] {
  const type = isJsonObject(item) ? item[key] : undefined;
  const definition = typeof type === 'string' ? definitions[type] : undefined;
  if (definition === undefined) {
    const allowed = Object.keys(definitions).map((name) => JSON.stringify(name));
    const message = isJsonObject(item)
      ? `"${key}" must be one of ${allowed.join(', ')}`
      : 'must be object';
    return [
      { path, error: { instancePath: '', schemaPath: '', keyword: 'custom', params: {}, message } },
    ];
  }
  const outputs =
    definition === 'code_cell'
      ? { name: 'outputs', key: 'output_type', definitions: OUTPUT_DEFINITIONS }
      : undefined;
  return check(item, path, `#/definitions/${definition}`, outputs);
}

/** For a failed `oneOf` (a multi-line string, say), keep the one error and not its branches'. */
function dropOneOfBranches(errors: ErrorObject[]): ErrorObject[] {
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
  return errors.filter(
    (e) =>
      !oneOfs.some(
        (o) =>
          o !== e &&
          e.schemaPath.startsWith(o.schemaPath + '/') &&
          e.instancePath.startsWith(o.instancePath),
      ),
  );
}

function describe({ path, error }: Problem): string {
  const where = path || '(root)';
  const params: Record<string, unknown> = error.params;
  switch (error.keyword) {
    case 'required':
      return `${where}: missing required property ${JSON.stringify(params.missingProperty)}`;
    case 'additionalProperties':
      return `${where}: unknown property ${JSON.stringify(params.additionalProperty)}`;
    case 'enum':
      return `${where}: must be one of ${JSON.stringify(params.allowedValues)}`;
    case 'oneOf':
      return /(source|multiline_string)\/oneOf$/.test(error.schemaPath)
        ? `${where}: must be a string or a list of strings`
        : `${where}: ${error.message ?? 'matches none of the allowed forms'}`;
    default:
      return `${where}: ${error.message ?? error.keyword}`;
  }
}
