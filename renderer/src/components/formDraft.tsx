import { Alert, Button, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '@shared/dates';

/**
 * Drafts of long forms live in this computer's localStorage, not in the ledger database: they are scratch of one
 * machine that must not travel in backups, restores or inspection packages, and need no schema version.
 */
const PREFIX = 'branch-ledger:draft:';

export interface FormDraft<T> {
  /** When it was kept, with the offset: 2026-12-03T10:15:00+08:00. */
  savedAt: string;
  values: T;
}

export function readDraft<T>(key: string): FormDraft<T> | undefined {
  try {
    const text = window.localStorage.getItem(PREFIX + key);
    // Our own earlier write under this key; savedAt and values are checked below before it is offered.
    const draft = text ? (JSON.parse(text) as FormDraft<T>) : undefined;
    return draft && typeof draft.savedAt === 'string' && draft.values ? draft : undefined;
  } catch {
    return undefined;
  }
}

function writeDraft(key: string, values: unknown): void {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify({ savedAt: dayjs().format(), values }));
  } catch (error) {
    // A full or blocked storage costs the draft, never the form.
    console.warn('[支部台账] 草稿未能保存', error);
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing kept, nothing to clear.
  }
}

/** How often a form with changes is kept: a crash or power cut loses at most this much typing. */
export const DRAFT_EVERY_MS = 5000;

/**
 * Keeps `current()` as the draft under `key` every few seconds while the form has changes (and when the page goes),
 * and offers the draft found at opening. `clear` after saving or when the user chose to leave.
 */
export function useFormDraft<T>(key: string, dirty: boolean, current: () => T) {
  const [offer, setOffer] = useState(() => readDraft<T>(key));
  const latest = useRef(current);
  latest.current = current;
  const kept = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!dirty) {
      return;
    }
    const keep = () => {
      const values = latest.current();
      const json = JSON.stringify(values);
      if (json !== kept.current) {
        kept.current = json;
        writeDraft(key, values);
      }
    };
    const timer = window.setInterval(keep, DRAFT_EVERY_MS);
    window.addEventListener('pagehide', keep);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pagehide', keep);
    };
  }, [dirty, key]);

  return {
    offer,
    /** The offer was taken: stop showing it (the draft stays until saved or discarded). */
    dismiss: () => setOffer(undefined),
    clear: () => {
      clearDraft(key);
      kept.current = undefined;
      setOffer(undefined);
    },
  };
}

/** 「发现未保存的草稿（时间）：恢复 / 丢弃」 */
export function DraftNotice({ savedAt, onRestore, onDiscard }: { savedAt: string; onRestore: () => void; onDiscard: () => void }) {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={`发现未保存的草稿（${formatDateTime(savedAt)}）`}
      action={
        <Space>
          <Button size="small" type="primary" onClick={onRestore}>
            恢复
          </Button>
          <Button size="small" onClick={onDiscard}>
            丢弃
          </Button>
        </Space>
      }
    />
  );
}
