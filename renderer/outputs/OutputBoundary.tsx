/**
 * Keeps one broken output (malformed data from a file, a renderer bug) from taking down the
 * notebook: it shows a line in its place instead. A new output object resets it.
 */
import { Component, type ReactNode } from 'react';

type Props = { output: unknown; children: ReactNode };
type State = { error: string | null; output: unknown };

export class OutputBoundary extends Component<Props, State> {
  override state: State = { error: null, output: this.props.output };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.output !== state.output ? { output: props.output, error: null } : null;
  }

  override render() {
    if (this.state.error !== null)
      return <p className="qo-failed">This output could not be shown: {this.state.error}</p>;
    return this.props.children;
  }
}
