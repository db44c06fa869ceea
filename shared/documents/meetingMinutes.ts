import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Meeting } from '../model';
import { buildMinutes, type MeetingMinutes, type MinutesField, type MinutesOptions } from '../meetings/minutes';

/** A4 in twentieths of a point, with the 2.5 cm / 2 cm margins of a 记录本 page. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1418, bottom: 1418, left: 1418, right: 1134 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** Label and value columns of the header table (label, value, label, value). */
const COLUMNS = [1500, 3154, 1500, 3200];

const BODY_FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体' };
const TITLE_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体' };
/** Half-points: 小四 (12 pt) body, 二号 (22 pt) title, 四号 (14 pt) headings. */
const BODY_SIZE = 24;

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER };

function text(value: string, options: { bold?: boolean; size?: number; font?: typeof BODY_FONT } = {}): TextRun {
  return new TextRun({ text: value, bold: options.bold, size: options.size, font: options.font });
}

function cell(value: string, width: number, options: { label?: boolean; span?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    verticalAlign: VerticalAlign.CENTER,
    borders: CELL_BORDERS,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [
      new Paragraph({
        alignment: options.label ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [text(value, { bold: options.label })],
      }),
    ],
  });
}

function headerRow(fields: MinutesField[]): TableRow {
  if (fields.length >= 2) {
    const [a, b] = fields;
    return new TableRow({
      children: [cell(a.label, COLUMNS[0], { label: true }), cell(a.value, COLUMNS[1]), cell(b.label, COLUMNS[2], { label: true }), cell(b.value, COLUMNS[3])],
    });
  }
  const [only] = fields;
  return new TableRow({
    children: [cell(only.label, COLUMNS[0], { label: true }), cell(only.value, COLUMNS[1] + COLUMNS[2] + COLUMNS[3], { span: 3 })],
  });
}

function heading(value: string): Paragraph {
  return new Paragraph({
    spacing: { before: 240, after: 120 },
    children: [text(value, { bold: true, size: 28, font: TITLE_FONT })],
  });
}

function body(value: string): Paragraph {
  // 首行缩进两字: 2 × 12 pt = 480 twips.
  return new Paragraph({ indent: { firstLine: 480 }, spacing: { line: 360 }, children: [text(value)] });
}

/** The paragraphs and tables of one meeting, in the order of the print view. */
function minutesContent(minutes: MeetingMinutes): (Paragraph | Table)[] {
  const content: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [text(minutes.branchName, { size: BODY_SIZE })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [text(minutes.heading, { bold: true, size: 44, font: TITLE_FONT })],
    }),
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: COLUMNS,
      rows: minutes.headerRows.map(headerRow),
    }),
  ];
  if (minutes.topics.length > 0) {
    content.push(heading('议题'));
    minutes.topics.forEach((topic, index) => content.push(body(`${index + 1}. ${topic}`)));
  }
  for (const section of minutes.sections) {
    content.push(heading(section.heading));
    section.paragraphs.forEach((p) => content.push(body(p)));
  }
  if (minutes.resolutions.length > 0 || minutes.votingSummary.length > 0) {
    content.push(heading('决议及表决情况'));
    minutes.votingSummary.forEach((line) => content.push(body(line)));
    minutes.resolutions.forEach((r, index) => {
      content.push(body(`${index + 1}. ${r.text}`));
      const tally = [r.votes, r.verdict].filter(Boolean).join('；');
      if (tally) {
        content.push(body(`表决情况：${tally}。`));
      }
    });
  }
  content.push(
    new Paragraph({
      spacing: { before: 720 },
      tabStops: [{ type: 'left', position: CONTENT_WIDTH / 2 }],
      children: minutes.signatures.flatMap((label, index) => [
        ...(index > 0 ? [new TextRun({ text: '\t' })] : []),
        text(`${label}：________________`),
      ]),
    }),
  );
  return content;
}

/** The 会议记录本 page of one meeting as a .docx file; works in the browser, a worker and Node alike. */
export async function meetingMinutesDocx(minutes: MeetingMinutes): Promise<Uint8Array> {
  const document = new Document({
    creator: '支部台账',
    title: minutes.headerRows[0]?.[0]?.value ?? minutes.heading,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        children: minutesContent(minutes),
      },
    ],
  });
  return Packer.pack(document, 'uint8array');
}

/** A meeting and the names of its people → the .docx of its 会议记录. */
export function meetingMinutesDocxOf(meeting: Meeting, options: MinutesOptions): Promise<Uint8Array> {
  return meetingMinutesDocx(buildMinutes(meeting, options));
}
