import { Component, type ErrorInfo, type ReactNode } from 'react';
import { CrashFallback } from './CrashFallback';

interface Props {
  children: ReactNode;
  /** When this changes (e.g. the screen), a caught error is forgotten and the children render again. */
  resetKey?: unknown;
  /** Defaults to reloading the page. */
  onReload?: () => void;
}

interface State {
  failed: boolean;
  resetKey: unknown;
}

/** Catches a render error below it and shows a plain-language message with a reload button. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Only the error's class and where it happened: its message might echo data shown on screen.
    const kind = error instanceof Error ? error.name : typeof error;
    console.error(`TSS Companion: a view failed to render (${kind}).${info.componentStack ?? ''}`);
  }

  private readonly reload = () => {
    if (this.props.onReload) this.props.onReload();
    else window.location.reload();
  };

  override render(): ReactNode {
    return this.state.failed ? <CrashFallback onReload={this.reload} /> : this.props.children;
  }
}
