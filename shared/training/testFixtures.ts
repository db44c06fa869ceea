import { trainingRecordSchema, type TrainingRecord } from '../model/training';
import { BRANCH_ID } from '../rules/testFixtures';

const STAMP = '2025-01-01T09:00:00+08:00';

export function makeTraining(id: string, memberId: string, date: string, hours: number, overrides: Partial<TrainingRecord> = {}): TrainingRecord {
  return trainingRecordSchema.parse({
    id,
    branchId: BRANCH_ID,
    createdAt: STAMP,
    updatedAt: STAMP,
    date,
    memberId,
    activity: '网络学习专题课程',
    form: '网络学习',
    hours,
    ...overrides,
  });
}
