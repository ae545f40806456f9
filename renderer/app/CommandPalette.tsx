/** Ctrl/Cmd+Shift+P: every command by name, filtered as you type. */
import { useMemo, useState } from 'react';

export type PaletteCommand = { label: string; shortcut?: string; run(): void };

type Props = { commands: PaletteCommand[]; onClose(): void };

export function CommandPalette({ commands, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(
    () => commands.filter((c) => c.label.toLowerCase().includes(query.toLowerCase())),
    [commands, query],
  );
  const choose = (command: PaletteCommand | undefined) => {
    onClose();
    command?.run();
  };
  return (
    <div className="palette-backdrop" onMouseDown={onClose}>
      <div
        className="palette"
        role="dialog"
        aria-label="Command palette"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          autoFocus
          aria-label="Command"
          placeholder="Type a command"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onClose();
            else if (e.key === 'ArrowDown') setActive((a) => Math.min(matches.length - 1, a + 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
            else if (e.key === 'Enter') choose(matches[active]);
            else return;
            e.preventDefault();
          }}
        />
        <ul role="listbox" aria-label="Commands">
          {matches.map((command, i) => (
            <li
              key={command.label}
              role="option"
              aria-selected={i === active}
              onMouseDown={() => choose(command)}
            >
              {command.label}
              {command.shortcut && <kbd>{command.shortcut}</kbd>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
