import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What failed, in the reader's words: "Could not read the corpus". */
  what: string;
}

interface State {
  error: Error | null;
  attempt: number;
}

/** Shows a message and a retry button instead of a blank panel when something below fails (a database read). */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div role="alert" className="error-box">
          <p>
            <strong>{this.props.what}.</strong> {this.state.error.message}
          </p>
          <button type="button" onClick={() => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }))}>
            Retry
          </button>
        </div>
      );
    }
    return <div key={this.state.attempt}>{this.props.children}</div>;
  }
}
