import { describe, expect, it } from 'vitest';
import { trainingRecordSchema } from '../model/training';
import { trainingFindings } from '../rules/training';
import { DEFAULT_TRAINING_SETTINGS } from '../training/settings';
import { generateDemoBranch } from './index';
import { generateDemoTraining } from './training';

describe('generateDemoTraining', () => {
  const today = '2025-11-20';
  const dataset = generateDemoBranch({ today });

  it('is deterministic and valid, crediting each 党课 to those present', () => {
    const records = generateDemoTraining(dataset, { today });
    expect(generateDemoTraining(dataset, { today })).toEqual(records);
    for (const record of records) {
      expect(trainingRecordSchema.parse(record)).toEqual(record);
      expect(record.date < today).toBe(true);
    }
    for (const lecture of dataset.meetings.filter((m) => m.type === '党课' && m.startAt.startsWith('2025'))) {
      const present = lecture.attendance.filter((a) => a.state === '出席').map((a) => a.memberId).sort();
      expect(records.filter((r) => r.meetingId === lecture.id).map((r) => r.memberId).sort()).toEqual(present);
    }
  });

  it('leaves some members behind their goal while the year runs', () => {
    const records = generateDemoTraining(dataset, { today });
    const findings = trainingFindings({ ...dataset, records, today, year: 2025, settings: DEFAULT_TRAINING_SETTINGS });
    expect(findings.length).toBeGreaterThanOrEqual(2);
    expect(findings.length).toBeLessThan(dataset.members.length);
    expect(findings.every((f) => f.rule === 'training.hours' && f.severity === 'info')).toBe(true);
  });

  it('makes nothing dated today or later at the start of a year', () => {
    expect(generateDemoTraining(generateDemoBranch({ today: '2025-01-02' }), { today: '2025-01-02' })).toEqual([]);
  });
});
