import { duesPaymentSchema, type DuesPayment } from '../model/dues';
import { BRANCH_ID } from '../rules/testFixtures';

const STAMP = '2025-01-01T09:00:00+08:00';

/** A paid 在职 record of 30.00元 (base 3000元 at 1 % would be 30; the figures are the test's, not the table's). */
export function makePayment(memberId: string, month: string, overrides: Partial<DuesPayment> = {}): DuesPayment {
  return duesPaymentSchema.parse({
    id: `${memberId}-${month}`,
    branchId: BRANCH_ID,
    createdAt: STAMP,
    updatedAt: STAMP,
    month,
    memberId,
    category: '在职',
    baseFen: 600000,
    percent: 1.5,
    owedFen: 9000,
    paidFen: 9000,
    paidOn: `${month}-05`,
    kind: '正常',
    ...overrides,
  });
}

/** Paid records of `memberId` for each month of `months`. */
export function makePayments(memberId: string, months: readonly string[], overrides: Partial<DuesPayment> = {}): DuesPayment[] {
  return months.map((month) => makePayment(memberId, month, overrides));
}
