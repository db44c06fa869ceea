import type { Branch } from '../model/branch';
import type { DuesPayment } from '../model/dues';
import type { Member } from '../model/member';
import { isMonthOwed, shiftMonth } from '../dues/grid';
import { duesOwed } from '../dues/owed';
import { DEFAULT_DUES_SETTINGS } from '../dues/settings';
import { firstFriday } from './calendar';
import { createRandom } from './random';

/**
 * Demo 党费收缴 of the demo branch for the twelve months before today's: every member 在职, with 税后 bases around
 * the table's boundaries (3000 and 5000 元 exactly among them) and 应交 by the table. Dues are paid on the 主题党日
 * (the first Friday, DOMAIN §1.2), collected by the 组织委员. For 工作台 and the rules to show something:
 * one member has paid nothing for the last three months (dues.unpaid warns), one paid short one month
 * (dues.mismatch), one paid a month two months late as 补缴; 预备党员 pay from the month of 入党时间.
 * This month is left for the user (一键按应交标记已交).
 */
export interface DemoDuesOptions {
  today: string;
  seed?: number;
}

const BASES_YUAN = [2860, 3000, 4200, 5000, 5600, 6800, 7350, 8900, 10000, 11200];

export function generateDemoDues(records: { branch: Branch; members: readonly Member[] }, options: DemoDuesOptions): DuesPayment[] {
  const random = createRandom((options.seed ?? 20250305) ^ 0xd0e5);
  const now = `${options.today}T09:00:00+08:00`;
  const thisMonth = options.today.slice(0, 7);
  const months = Array.from({ length: 12 }, (_, i) => shiftMonth(thisMonth, i - 12));
  const { members, branch } = records;
  const committee = new Set(branch.committee.members.map((c) => c.memberId));
  const collectorId = branch.committee.members.find((c) => c.role === '组织委员')?.memberId;
  const collector = members.find((m) => m.id === collectorId)?.name;
  const ordinary = members.filter((m) => !committee.has(m.id) && m.category === '正式党员');
  const behind = ordinary[ordinary.length - 1]?.id;
  const short = ordinary[0]?.id;
  const late = ordinary[1]?.id;

  const payments: DuesPayment[] = [];
  for (const member of members) {
    const baseFen = BASES_YUAN[random.int(0, BASES_YUAN.length - 1)] * 100;
    const owed = duesOwed('在职', baseFen, DEFAULT_DUES_SETTINGS);
    if (!owed) {
      continue;
    }
    const method = random.chance(0.7) ? '线上' : '现金';
    months.forEach((month, index) => {
      if (!isMonthOwed(member, month)) {
        return;
      }
      if (member.id === behind && index >= months.length - 3) {
        return;
      }
      const lateMonth = member.id === late && index === months.length - 4;
      const paidOn = lateMonth ? firstFriday(...yearMonth(shiftMonth(month, 2))) : firstFriday(...yearMonth(month));
      if (paidOn >= options.today) {
        return;
      }
      payments.push({
        id: random.uuid(),
        branchId: branch.id,
        createdAt: now,
        updatedAt: now,
        month,
        memberId: member.id,
        category: '在职',
        baseFen,
        percent: owed.percent,
        owedFen: owed.owedFen,
        paidFen: member.id === short && index === months.length - 2 ? Math.floor(owed.owedFen / 2) : owed.owedFen,
        paidOn,
        method,
        kind: lateMonth ? '补缴' : '正常',
        collector,
        remarks: lateMonth ? '出差期间未交，返回后补交' : undefined,
      });
    });
  }
  return payments;
}

function yearMonth(month: string): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}
