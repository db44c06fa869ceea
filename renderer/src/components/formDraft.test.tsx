// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearDraft, DRAFT_EVERY_MS, readDraft, useFormDraft } from './formDraft';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let seen: ReturnType<typeof useFormDraft<{ content: string }>> | undefined;
let values = { content: '' };

function Probe({ dirty }: { dirty: boolean }) {
  seen = useFormDraft('meeting:new:b1', dirty, () => values);
  return null;
}

function render(dirty: boolean) {
  act(() => root.render(<Probe dirty={dirty} />));
}

beforeEach(() => {
  vi.useFakeTimers();
  window.localStorage.clear();
  root = createRoot(document.createElement('div'));
  values = { content: '' };
});

afterEach(() => {
  act(() => root.unmount());
  vi.useRealTimers();
});

describe('useFormDraft', () => {
  it('keeps nothing while the form is unchanged', () => {
    render(false);
    act(() => {
      vi.advanceTimersByTime(DRAFT_EVERY_MS * 3);
    });
    expect(readDraft('meeting:new:b1')).toBeUndefined();
  });

  it('keeps the values every few seconds while changed, and offers them at the next opening', () => {
    render(true);
    values = { content: '研究发展党员工作' };
    act(() => {
      vi.advanceTimersByTime(DRAFT_EVERY_MS);
    });
    expect(readDraft('meeting:new:b1')).toMatchObject({ values: { content: '研究发展党员工作' } });
    values = { content: '研究发展党员工作，讨论积极分子' };
    act(() => {
      vi.advanceTimersByTime(DRAFT_EVERY_MS);
    });
    expect(readDraft<{ content: string }>('meeting:new:b1')?.values.content).toBe('研究发展党员工作，讨论积极分子');

    // A crash: the next opening finds it.
    act(() => root.unmount());
    root = createRoot(document.createElement('div'));
    render(false);
    expect(seen?.offer?.values).toEqual({ content: '研究发展党员工作，讨论积极分子' });
    expect(seen?.offer?.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    act(() => seen?.clear());
    expect(seen?.offer).toBeUndefined();
    expect(readDraft('meeting:new:b1')).toBeUndefined();
  });

  it('keeps the values when the page goes, between two ticks', () => {
    render(true);
    values = { content: '最后一句' };
    window.dispatchEvent(new Event('pagehide'));
    expect(readDraft<{ content: string }>('meeting:new:b1')?.values.content).toBe('最后一句');
  });

  it('ignores a damaged entry instead of failing the form', () => {
    window.localStorage.setItem('branch-ledger:draft:meeting:new:b1', '{not json');
    render(false);
    expect(seen?.offer).toBeUndefined();
    clearDraft('meeting:new:b1');
  });
});
