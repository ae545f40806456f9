/**
 * One parameter's field, labelled by its name, its control typed from its default's literal
 * (parameter-form.ts): a number input, a checkbox, a text input, or a textarea for JSON. An
 * input that does not parse says why next to the field.
 */
import type { ParameterField } from './parameter-form';

type Props = {
  field: ParameterField;
  text: string;
  error: string | null;
  disabled: boolean;
  onChange(text: string): void;
};

export function ParameterInput({ field, text, error, disabled, onChange }: Props) {
  const id = `replay-parameter-${field.name}`;
  const described = error === null ? `${id}-default` : `${id}-error ${id}-default`;
  const common = {
    id,
    disabled,
    'aria-invalid': error !== null,
    'aria-describedby': described,
  };
  return (
    <div className="replay-field">
      <label htmlFor={id}>{field.name}</label>
      {field.control === 'checkbox' ? (
        <input
          {...common}
          type="checkbox"
          checked={text === 'true'}
          onChange={(event) => onChange(String(event.target.checked))}
        />
      ) : field.control === 'textarea' ? (
        <textarea
          {...common}
          rows={Math.min(8, Math.max(2, text.split('\n').length))}
          spellCheck={false}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          {...common}
          type={field.control}
          step={field.control === 'number' ? (field.type === 'integer' ? 1 : 'any') : undefined}
          spellCheck={false}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <span className="replay-field-default" id={`${id}-default`}>
        {field.defaultText === '' ? 'default: not a literal' : `default: ${field.defaultText}`}
      </span>
      {error !== null && (
        <span className="replay-field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
