import { Component, type ReactNode } from 'react';

/**
 * What a part of the screen shows if it fails to draw (a part of the app that could not be loaded, an error in a
 * chart) instead of leaving the page blank: what happened, and a way on.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="error" role="alert">
        这部分页面未能显示，可能是系统刚刚更新。
        <button type="button" className="link-button" onClick={() => window.location.reload()}>刷新页面</button>
      </p>
    );
  }
}
