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
import { ENTRY_COLUMNS, omittedNote, STAT_COLUMNS, type AnalysisReport } from '../analyses/report';
import type { StatTable } from '../analyses/statistics';

/** A4 in twentieths of a point, with the margins of 公文 (GB/T 9704: 37 mm top, 28 mm left, 26 mm right). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

const BODY_FONT = { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋' };
const TITLE_FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '方正小标宋简体' };
const HEADING_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体' };
const SUBHEADING_FONT = { ascii: 'KaiTi', hAnsi: 'KaiTi', eastAsia: '楷体' };
const TABLE_FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体' };
/** Half-points: 三号 (16 pt) body, 二号 (22 pt) title, 五号 (10.5 pt) tables. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
const TABLE_SIZE = 21;

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER };

type Font = typeof BODY_FONT;

function run(value: string, options: { bold?: boolean; size?: number; font?: Font } = {}): TextRun {
  return new TextRun({ text: value, bold: options.bold, size: options.size, font: options.font });
}

function body(value: string): Paragraph {
  // 首行缩进两字: 2 × 16 pt = 640 twips; 28 pt line spacing as in 公文.
  return new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560, lineRule: 'exact' }, children: [run(value)] });
}

function heading(value: string, font: Font): Paragraph {
  return new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560, lineRule: 'exact' }, children: [run(value, { font })] });
}

function cell(value: string, width: number, options: { header?: boolean; align?: 'center' | 'left' } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    borders: CELL_BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: options.header || options.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(value, { bold: options.header, size: TABLE_SIZE, font: TABLE_FONT })],
      }),
    ],
  });
}

function tableTitle(value: string): Paragraph {
  return new Paragraph({
    spacing: { before: 240, after: 120 },
    children: [run(value, { bold: true, size: 24, font: HEADING_FONT })],
  });
}

/** One statistics table: 类别 | 人数 | 占比, with a 合计 row. */
function statTable(stat: StatTable): (Paragraph | Table)[] {
  const widths = [CONTENT_WIDTH - 3000, 1500, 1500];
  return [
    new Paragraph({ spacing: { before: 160, after: 80 }, children: [run(stat.title, { bold: true, size: TABLE_SIZE, font: TABLE_FONT })] }),
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, children: STAT_COLUMNS.map((c, i) => cell(c, widths[i], { header: true })) }),
        ...stat.rows.map(
          (row) =>
            new TableRow({
              children: [cell(row.label, widths[0]), cell(String(row.count), widths[1], { align: 'center' }), cell(`${row.percent}%`, widths[2], { align: 'center' })],
            }),
        ),
        new TableRow({
          children: [cell('合计', widths[0], { header: true }), cell(String(stat.total), widths[1], { align: 'center' }), cell(stat.total > 0 ? '100%' : '—', widths[2], { align: 'center' })],
        }),
      ],
    }),
  ];
}

function entriesTable(report: AnalysisReport): (Paragraph | Table)[] {
  const content: (Paragraph | Table)[] = [tableTitle(report.entriesHeading)];
  if (report.entries.length === 0) {
    if (report.omittedSensitive === 0) {
      content.push(new Paragraph({ children: [run('本期未登记党员个人思想状况。', { size: TABLE_SIZE, font: TABLE_FONT })] }));
    }
  } else {
    // 姓名, 思想状况, 工作表现, 具体表现, 存在问题, 帮扶措施, 谈话人.
    const narrow = [1000, 1000, 1000, 0, 0, 0, 1000];
    const wide = Math.floor((CONTENT_WIDTH - narrow.reduce((a, b) => a + b)) / 3);
    const widths = narrow.map((w) => w || wide);
    content.push(
      new Table({
        width: { size: CONTENT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        rows: [
          new TableRow({ tableHeader: true, children: ENTRY_COLUMNS.map((c, i) => cell(c, widths[i], { header: true })) }),
          ...report.entries.map(
            (e) =>
              new TableRow({
                cantSplit: true,
                children: [e.name, e.state, e.performance, e.details, e.problems, e.support, e.talker].map((v, i) =>
                  cell(v, widths[i], { align: i === 0 || i === 1 || i === 6 ? 'center' : 'left' }),
                ),
              }),
          ),
        ],
      }),
    );
  }
  if (report.omittedSensitive > 0) {
    content.push(new Paragraph({ spacing: { before: 80 }, children: [run(omittedNote(report.omittedSensitive), { size: TABLE_SIZE, font: TABLE_FONT })] }));
  }
  return content;
}

/** The paragraphs and tables of the report, in the order of the print view. */
function reportContent(report: AnalysisReport): (Paragraph | Table)[] {
  const content: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240, line: 700, lineRule: 'exact' },
      children: [run(report.title, { size: TITLE_SIZE, font: TITLE_FONT })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(report.branchName, { font: SUBHEADING_FONT })] }),
  ];
  for (const section of report.sections) {
    content.push(heading(section.heading, HEADING_FONT));
    section.paragraphs.forEach((p) => content.push(body(p)));
    for (const sub of section.subsections) {
      content.push(heading(sub.heading, SUBHEADING_FONT));
      sub.paragraphs.forEach((p) => content.push(body(p)));
    }
  }
  content.push(
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [run(report.signature.branchName)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(report.signature.date || '    年  月  日')] }),
  );
  content.push(new Paragraph({ pageBreakBefore: true, children: [run('党员队伍状况分析', { size: 28, font: HEADING_FONT })] }));
  content.push(tableTitle(report.statisticsHeading));
  for (const stat of report.statistics) {
    content.push(...statTable(stat));
  }
  content.push(...entriesTable(report));
  return content;
}

/** The 思想动态分析报告 as a .docx file; works in the browser, a worker and Node alike. */
export async function analysisReportDocx(report: AnalysisReport): Promise<Uint8Array> {
  const document = new Document({
    creator: '支部台账',
    title: report.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children: reportContent(report) }],
  });
  return Packer.pack(document, 'uint8array');
}
