import { App } from 'antd';
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useBlocker } from 'react-router';

/** The one question before typed work is thrown away (menu, route change, 取消, Esc, ✕, closing the window). */
export const LEAVE_QUESTION = '有未保存的修改，确定离开吗？';

interface Source {
  dirty: boolean;
  /** The user chose to leave: drop the changes (and a kept draft); the form may stay mounted (a settings tab). */
  discard?: () => void;
}

interface Registry {
  add(id: string, source: Source): void;
  remove(id: string): void;
  /** Leave every form at once (e.g. another branch): ask when any has changes, then discard them all. */
  confirmLeaveAll(leave: () => void): void;
}

const RegistryContext = createContext<Registry | null>(null);

/** Asks 离开 / 继续编辑. 继续编辑 has the focus, so Enter or Esc keeps the user where they were. */
export function useLeaveConfirm() {
  const { modal } = App.useApp();
  return useCallback(
    (onLeave: () => void, onStay?: () => void) => {
      modal.confirm({
        title: LEAVE_QUESTION,
        content: '离开后，本次填写的内容不会保存。',
        okText: '离开',
        cancelText: '继续编辑',
        okButtonProps: { danger: true },
        autoFocusButton: 'cancel',
        onOk: onLeave,
        onCancel: onStay,
      });
    },
    [modal],
  );
}

/**
 * Around the routes: one blocker for every form with changes (react-router allows one at a time), and the
 * `beforeunload` question when the window is closed or reloaded (Electron turns it into a dialog in the main
 * process: electron/unload-guard.ts).
 */
export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const sources = useRef(new Map<string, Source>());
  const anyDirty = () => [...sources.current.values()].some((s) => s.dirty);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      anyDirty() && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  const confirm = useLeaveConfirm();
  const asking = useRef(false);

  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) {
      return;
    }
    asking.current = true;
    confirm(
      () => {
        asking.current = false;
        for (const source of sources.current.values()) {
          if (source.dirty) {
            source.discard?.();
          }
        }
        blocker.proceed();
      },
      () => {
        asking.current = false;
        blocker.reset();
      },
    );
  }, [blocker, confirm]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if ([...sources.current.values()].some((s) => s.dirty)) {
        event.preventDefault();
        // Older Chromium (Electron's included) asks only when returnValue is set.
        event.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const registry = useMemo<Registry>(
    () => ({
      add: (id, source) => sources.current.set(id, source),
      remove: (id) => sources.current.delete(id),
      confirmLeaveAll: (leave) => {
        const dirty = [...sources.current.values()].filter((s) => s.dirty);
        if (dirty.length === 0) {
          leave();
          return;
        }
        confirm(() => {
          for (const source of dirty) {
            source.discard?.();
          }
          leave();
        });
      },
    }),
    [confirm],
  );
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

export interface UnsavedChanges {
  dirty: boolean;
  /** Something was typed or chosen (a form's onValuesChange). */
  markDirty: () => void;
  /** Saved or put back: leaving no longer asks. Takes effect at once, so a navigation right after a save passes. */
  markClean: () => void;
  /** 取消, Esc, ✕: leave at once when nothing changed, else ask first. */
  confirmLeave: (leave: () => void) => void;
}

/**
 * A form's or drawer's guard: while it has changes, a route change asks first (the provider's blocker), and so do
 * its own 取消/Esc/✕ through `confirmLeave`. `onLeave` runs when the user chose to leave: drop a draft, or put the
 * form back where it stays mounted (a settings tab) so that what it shows is what is stored.
 * A page that already knows whether it has changes passes `dirty`; a form calls markDirty from onValuesChange.
 */
export function useUnsavedChanges(options: { onLeave?: () => void; dirty?: boolean } = {}): UnsavedChanges {
  const registry = useContext(RegistryContext);
  const id = useId();
  const [dirty, setDirty] = useState(false);
  const source = useRef<Source>({ dirty: false });
  const onLeave = useRef(options.onLeave);
  onLeave.current = options.onLeave;
  const confirm = useLeaveConfirm();

  useEffect(() => {
    const own = source.current;
    registry?.add(id, own);
    return () => registry?.remove(id);
  }, [registry, id]);

  const set = useCallback((value: boolean) => {
    source.current.dirty = value;
    setDirty(value);
  }, []);
  source.current.discard = () => {
    onLeave.current?.();
    set(false);
  };
  useEffect(() => {
    if (options.dirty !== undefined) {
      set(options.dirty);
    }
  }, [options.dirty, set]);
  const markDirty = useCallback(() => set(true), [set]);
  const markClean = useCallback(() => set(false), [set]);
  const confirmLeave = useCallback(
    (leave: () => void) => {
      if (!source.current.dirty) {
        leave();
        return;
      }
      confirm(() => {
        source.current.discard?.();
        leave();
      });
    },
    [confirm],
  );
  return { dirty, markDirty, markClean, confirmLeave };
}

/** For what leaves every form at once (the header's branch switcher): asks when any form has changes. */
export function useConfirmLeaveAll(): (leave: () => void) => void {
  const registry = useContext(RegistryContext);
  return useCallback((leave: () => void) => (registry ? registry.confirmLeaveAll(leave) : leave()), [registry]);
}
