import { Tooltip } from 'antd';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatYuan, monthColumnLabel, parseYuan, type DuesCellState, type DuesGrid as Grid } from '@shared/dues';
import { formatPercent } from '@shared/dues';
import { messageOf } from '@shared/errors';

/** What each state of a cell means, for the legend and the cell's description. */
export const CELL_STATE_LABELS: Record<DuesCellState, string> = {
  paid: '已交',
  unpaid: '未交',
  partial: '少交',
  overpaid: '多交',
  due: '待交',
  notOwed: '无需交纳',
};

interface DuesGridProps {
  grid: Grid;
  /** 实交 typed into a cell (undefined: cleared); rejects with the reason when refused. */
  onPaid: (memberId: string, month: string, paidFen: number | undefined) => Promise<void>;
  onEditTerms: (memberId: string) => void;
  /** Text typed and not yet saved (the unsaved-changes guard). */
  onTyping: (typing: boolean) => void;
}

/** `12.50` in the cell while it is edited; the grid shows `12.50元` otherwise. */
function editText(fen: number | undefined): string {
  return fen === undefined ? '' : formatYuan(fen).replace(/元$/, '');
}

/**
 * The members × months grid. Each month cell is an input: typing an amount of 元 and leaving the cell (Enter,
 * Tab, an arrow, a click) sets 实交; Enter moves down as in a spreadsheet, the arrows move between cells, Esc
 * puts the cell back. Cells are coloured by state (已交/未交/少交/多交).
 */
export function DuesGrid({ grid, onPaid, onEditTerms, onTyping }: DuesGridProps) {
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const [editing, setEditingState] = useState<{ key: string; text: string } | null>(null);
  // The cell being edited, read by commit: a blur right after Enter must not save the same text twice.
  const current = useRef<{ key: string; text: string } | null>(null);
  const setEditing = (value: { key: string; text: string } | null) => {
    current.current = value;
    setEditingState(value);
  };
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => onTyping(editing !== null), [editing, onTyping]);
  // A cell just entered shows its amount selected, so that typing replaces it (before the next key arrives).
  const editingKey = editing?.key;
  useLayoutEffect(() => {
    if (editingKey) {
      inputs.current.get(editingKey)?.select();
    }
  }, [editingKey]);

  const keyOf = (row: number, column: number) => `${row}:${column}`;
  const focus = (row: number, column: number) => {
    const r = Math.max(0, Math.min(grid.rows.length - 1, row));
    const c = Math.max(0, Math.min(grid.months.length - 1, column));
    inputs.current.get(keyOf(r, c))?.focus();
  };

  async function commit(row: number, column: number): Promise<void> {
    const key = keyOf(row, column);
    const edited = current.current;
    if (!edited || edited.key !== key) {
      return;
    }
    const cell = grid.rows[row].cells[column];
    const text = edited.text.trim();
    setEditing(null);
    if (text === editText(cell.payment?.paidFen)) {
      return;
    }
    let paidFen: number | undefined;
    if (text !== '') {
      const parsed = parseYuan(text);
      if (!parsed.ok) {
        setErrors((e) => ({ ...e, [key]: parsed.message }));
        return;
      }
      paidFen = parsed.fen;
    } else if (!cell.payment) {
      return;
    }
    try {
      await onPaid(grid.rows[row].member.id, grid.months[column], paidFen);
      setErrors(({ [key]: _dropped, ...rest }) => rest);
    } catch (error) {
      setErrors((e) => ({ ...e, [key]: messageOf(error) }));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, row: number, column: number) {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [event.shiftKey ? -1 : 1, 0],
    };
    if (event.key === 'Escape') {
      setEditing(null);
      return;
    }
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      // Leaving the cell commits it (onBlur); at the grid's edge there is no other cell to go to.
      void commit(row, column);
      focus(row + move[0], column + move[1]);
    }
  }

  return (
    <div className="dues-grid-scroll">
      <table className="dues-grid" aria-label={`${grid.year}年党费收缴表`}>
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">人员类别</th>
            <th scope="col">核定基数</th>
            <th scope="col">比例</th>
            {grid.months.map((m) => (
              <th scope="col" key={m}>
                {monthColumnLabel(m)}
              </th>
            ))}
            <th scope="col">应交合计</th>
            <th scope="col">实交合计</th>
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row, r) => {
            const terms = [...row.cells].reverse().find((c) => c.terms)?.terms;
            return (
              <tr key={row.member.id}>
                <th scope="row">{row.member.name}</th>
                <td>
                  <Tooltip title="修改人员类别和核定基数">
                    <button type="button" className="dues-terms" aria-label={`修改${row.member.name}的人员类别和核定基数`} onClick={() => onEditTerms(row.member.id)}>
                      {terms?.category ?? '未核定'}
                    </button>
                  </Tooltip>
                </td>
                <td className="num">{terms?.baseFen !== undefined ? formatYuan(terms.baseFen) : '—'}</td>
                <td className="num">{terms?.percent !== undefined ? formatPercent(terms.percent) : '—'}</td>
                {row.cells.map((cell, c) => {
                  const key = keyOf(r, c);
                  const label = `${row.member.name}${monthColumnLabel(cell.month)}实交`;
                  const owed = cell.terms ? `应交${formatYuan(cell.terms.owedFen)}` : '尚未核定应交';
                  const error = errors[key];
                  return (
                    <td key={cell.month} className={`dues-cell dues-cell-${cell.state}${error ? ' dues-cell-error' : ''}`}>
                      <input
                        ref={(el) => {
                          if (el) {
                            inputs.current.set(key, el);
                          } else {
                            inputs.current.delete(key);
                          }
                        }}
                        aria-label={label}
                        aria-description={`${CELL_STATE_LABELS[cell.state]}，${owed}`}
                        aria-invalid={error ? true : undefined}
                        title={error ?? `${CELL_STATE_LABELS[cell.state]}，${owed}`}
                        disabled={cell.state === 'notOwed'}
                        inputMode="decimal"
                        value={editing?.key === key ? editing.text : cell.payment?.paidFen !== undefined ? formatYuan(cell.payment.paidFen) : ''}
                        onFocus={() => setEditing({ key, text: editText(cell.payment?.paidFen) })}
                        onChange={(e) => setEditing({ key, text: e.target.value })}
                        onBlur={() => void commit(r, c)}
                        onKeyDown={(e) => onKeyDown(e, r, c)}
                      />
                    </td>
                  );
                })}
                <td className="num">{formatYuan(row.owedFen)}</td>
                <td className="num">{formatYuan(row.paidFen)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
