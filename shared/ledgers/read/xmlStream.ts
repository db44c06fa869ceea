/**
 * XML of a worksheet or the shared strings, scanned as it is inflated: text arrives in pieces, and each complete
 * element of the names asked for (<row>…</row>, <mergeCell/>, <si>…</si>) is handed to a visitor as soon as its
 * closing tag has arrived; everything between them is dropped. Only one unfinished element is ever kept, and it
 * may not grow past `maxPending` characters, so memory stays flat however large the part is.
 */
import { UnsupportedXlsx } from './xlsxErrors';

export type ElementVisitor = (name: string, attributes: string, body: string | undefined) => boolean | void;

/** An element longer than this (one row, one shared string) is not a ledger's. */
export const MAX_ELEMENT_CHARS = 16 * 1024 * 1024;

export class ElementScanner {
  private buffer = '';
  private readonly start: RegExp;
  /** The open element waiting for its closing tag: where it starts, its closing tag, where to look next. */
  private open: { at: number; name: string; attributes: string; bodyAt: number; closing: string; searchFrom: number } | undefined;
  private tail = '';
  stopped = false;

  constructor(
    names: readonly string[],
    private readonly visit: ElementVisitor,
    private readonly maxPending = MAX_ELEMENT_CHARS,
  ) {
    this.start = new RegExp(`<((?:\\w+:)?(${names.join('|')}))(?=[\\s/>])([^>]*?)(/?)>`, 'g');
  }

  /** The last characters seen (to check that a part ends with its closing root tag). */
  get ending(): string {
    return this.tail;
  }

  /** Feeds more text; returns true once the visitor asked to stop. */
  push(text: string): boolean {
    if (this.stopped) {
      return true;
    }
    this.tail = (this.tail + text).slice(-200);
    this.buffer += text;
    let pos = 0;
    for (;;) {
      if (this.open) {
        const { closing } = this.open;
        const end = this.buffer.indexOf(closing, this.open.searchFrom);
        if (end < 0) {
          this.open.searchFrom = Math.max(this.open.bodyAt, this.buffer.length - closing.length);
          pos = this.open.at;
          break;
        }
        const { name, attributes, bodyAt } = this.open;
        this.open = undefined;
        pos = end + closing.length;
        if (this.visit(name, attributes, this.buffer.slice(bodyAt, end)) === true) {
          this.stopped = true;
          break;
        }
        continue;
      }
      this.start.lastIndex = pos;
      const m = this.start.exec(this.buffer);
      if (!m) {
        // Keep a tag cut in the middle (a '<' with no '>' after it); drop everything else.
        const lt = this.buffer.lastIndexOf('<');
        pos = lt >= pos && this.buffer.indexOf('>', lt) < 0 ? lt : this.buffer.length;
        break;
      }
      if (m[4] === '/') {
        pos = this.start.lastIndex;
        if (this.visit(m[2], m[3], undefined) === true) {
          this.stopped = true;
          break;
        }
        continue;
      }
      const bodyAt = this.start.lastIndex;
      this.open = { at: m.index, name: m[2], attributes: m[3], bodyAt, closing: `</${m[1]}>`, searchFrom: bodyAt };
    }
    if (pos > 0) {
      this.buffer = this.buffer.slice(pos);
      if (this.open) {
        this.open.bodyAt -= pos;
        this.open.searchFrom -= pos;
        this.open.at -= pos;
      }
    }
    if (this.buffer.length > this.maxPending) {
      throw new UnsupportedXlsx(`an element longer than ${this.maxPending} characters`);
    }
    return this.stopped;
  }

  /** The text has ended: an element still open means the part is damaged. */
  end(): void {
    if (this.open && !this.stopped) {
      throw new UnsupportedXlsx(`<${this.open.name}> not closed`);
    }
  }
}
