/**
 * The "Pull sample" dialog's fields (sample-form.ts), each labelled with the name tests and
 * screen readers use: Source kind; Path (with Browse) and Format for files; Host, Port,
 * Database, User, Password and Table or query for PostgreSQL; then Method, Size, Seed, Where,
 * Columns, Stratify by, Malformed rows and Name.
 */
import { useState, type HTMLInputTypeAttribute } from 'react';
import type { HostClient } from '../../core/host-contract';
import type { FileFormat } from '../../core/sample/request';
import type { SampleForm, SampleFormField } from './sample-form';
import { SourceBrowser } from './SourceBrowser';

export type FieldRefs = Partial<
  Record<SampleFormField, HTMLInputElement | HTMLSelectElement | null>
>;

type Props = {
  host: HostClient;
  form: SampleForm;
  onChange<K extends SampleFormField>(field: K, value: SampleForm[K]): void;
  /** Where each field's element is kept, so a problem can move the focus to its field. */
  refs: FieldRefs;
  disabled: boolean;
};

const FORMATS: FileFormat[] = ['auto', 'csv', 'tsv', 'parquet', 'json', 'ndjson'];

const METHODS: { value: SampleForm['method']; label: string }[] = [
  { value: 'default', label: 'Default (hash for rows, bernoulli for a fraction)' },
  { value: 'hash', label: 'hash: exact, by a seeded hash of each row' },
  { value: 'reservoir', label: 'reservoir: exact, seeded reservoir' },
  { value: 'bernoulli', label: 'bernoulli: each row with probability p' },
  { value: 'system', label: 'system: whole blocks, fastest' },
];

export function SampleFormFields({ host, form, onChange, refs, disabled }: Props) {
  const [browsing, setBrowsing] = useState(false);
  const text = (
    field: Exclude<SampleFormField, 'sourceKind' | 'format' | 'method' | 'onError'>,
    label: string,
    options: { placeholder?: string; type?: HTMLInputTypeAttribute; autoFocus?: boolean } = {},
  ) => (
    <label className="sample-field">
      <span>{label}</span>
      <input
        ref={(element) => {
          refs[field] = element;
        }}
        type={options.type ?? 'text'}
        value={form[field]}
        placeholder={options.placeholder}
        autoFocus={options.autoFocus}
        autoComplete={options.type === 'password' ? 'off' : undefined}
        spellCheck={false}
        onChange={(event) => onChange(field, event.target.value)}
      />
    </label>
  );

  return (
    <>
      <fieldset className="sample-fieldset" disabled={disabled}>
        <legend>Source</legend>
        <label className="sample-field">
          <span>Source kind</span>
          <select
            ref={(element) => {
              refs.sourceKind = element;
            }}
            value={form.sourceKind}
            onChange={(event) =>
              onChange('sourceKind', event.target.value === 'postgres' ? 'postgres' : 'files')
            }
          >
            <option value="files">File or folder</option>
            <option value="postgres">PostgreSQL</option>
          </select>
        </label>
        {form.sourceKind === 'files' ? (
          <>
            <div className="sample-path">
              {text('path', 'Path', {
                placeholder: 'data/orders.csv, events/*.parquet or https://…',
                autoFocus: true,
              })}
              <button
                type="button"
                aria-expanded={browsing}
                onClick={() => setBrowsing((open) => !open)}
              >
                Browse
              </button>
            </div>
            {browsing && (
              <SourceBrowser
                host={host}
                onChoose={(path) => {
                  onChange('path', path);
                  setBrowsing(false);
                  refs.path?.focus();
                }}
              />
            )}
            <label className="sample-field">
              <span>Format</span>
              <select
                value={form.format}
                onChange={(event) => onChange('format', event.target.value as FileFormat)}
              >
                {FORMATS.map((format) => (
                  <option key={format} value={format}>
                    {format === 'auto' ? 'auto (by the file name)' : format}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : (
          <>
            {text('host', 'Host', { placeholder: 'localhost', autoFocus: true })}
            {text('port', 'Port', { placeholder: '5432' })}
            {text('database', 'Database')}
            {text('user', 'User')}
            {text('password', 'Password', { type: 'password' })}
            {text('tableOrQuery', 'Table or query', {
              placeholder: 'shop.orders, or SELECT … FROM …',
            })}
            <p className="sample-hint">
              All empty: the host&apos;s PG* environment variables. The password is sent with this
              request only, never saved.
            </p>
          </>
        )}
      </fieldset>
      <fieldset className="sample-fieldset" disabled={disabled}>
        <legend>Sample</legend>
        <label className="sample-field">
          <span>Method</span>
          <select
            value={form.method}
            onChange={(event) => onChange('method', event.target.value as SampleForm['method'])}
          >
            {METHODS.map((method) => (
              <option key={method.value} value={method.value}>
                {method.label}
              </option>
            ))}
          </select>
        </label>
        {text('size', 'Size', { placeholder: 'rows (1000) or a fraction (0.1, 10%)' })}
        {text('seed', 'Seed')}
        {text('where', 'Where', { placeholder: "optional: amount > 0 AND country = 'FR'" })}
        {text('columns', 'Columns', { placeholder: 'optional: id, amount, country' })}
        {text('stratifyBy', 'Stratify by', { placeholder: 'optional: a column' })}
        <label className="sample-field">
          <span>Malformed rows</span>
          <select
            value={form.onError}
            onChange={(event) =>
              onChange('onError', event.target.value === 'skip' ? 'skip' : 'fail')
            }
          >
            <option value="fail">Stop at the first</option>
            <option value="skip">Skip and count them</option>
          </select>
        </label>
        {text('name', 'Name', { placeholder: 'orders' })}
      </fieldset>
    </>
  );
}
