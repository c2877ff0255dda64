// Keeps one broken card or page from blanking the whole dashboard: shows the error in its place.
// Limits: render errors only (React's contract); data errors are shown by the cards themselves.

import { Component, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  readonly children: ReactNode;
  /** The text shown instead of the children, given the error message. */
  readonly fallback: (message: string) => ReactNode;
  /** Changing this key clears the error (e.g. the page or the query). */
  readonly resetKey?: string;
}

interface State {
  readonly message: string | null;
  readonly key: string | undefined;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { message: null, key: this.props.resetKey };

  static getDerivedStateFromError(e: unknown): Partial<State> {
    return { message: e instanceof Error ? e.message : String(e) };
  }

  static getDerivedStateFromProps(p: ErrorBoundaryProps, s: State): Partial<State> | null {
    return p.resetKey !== s.key ? { message: null, key: p.resetKey } : null;
  }

  override render(): ReactNode {
    return this.state.message === null
      ? this.props.children
      : this.props.fallback(this.state.message);
  }
}
