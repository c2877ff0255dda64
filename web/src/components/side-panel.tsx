// A modal side panel (drill-down, definition): focus moves in on open, Tab stays inside,
// Escape or the close button closes it, and the caller returns focus to the opener.
// Limits: one panel at a time; the page behind is inert while it is open.

import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.ts';

export interface SidePanelProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly testId?: string;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex="0"]';

export function SidePanel({ title, onClose, children, testId }: SidePanelProps) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    close.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
        return;
      }
      if (e.key !== 'Tab' || !box.current) return;
      const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="panel-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className="panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="panel-title"
        data-testid={testId}
      >
        <div className="panel-head">
          <h2 id="panel-title">{title}</h2>
          <button ref={close} type="button" className="close-button" onClick={onClose}>
            <span aria-hidden="true">×</span> {t('panel.close')}
          </button>
        </div>
        <div className="panel-body">{children}</div>
      </div>
    </div>
  );
}
