/**
 * Live queries and the bound repository of 学习培训学时; pages import these, never dexie.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './index';
import * as training from './training';

export type { CreditOutcome, TrainingInput } from './training';

export const trainingStore = {
  add: (branchId: string, input: training.TrainingInput) => training.addTraining(db, branchId, input),
  update: (id: string, input: training.TrainingInput) => training.updateTraining(db, id, input),
  remove: (id: string) => training.deleteTraining(db, id),
  creditMeeting: (meetingId: string, hours: number) => training.creditMeetingHours(db, meetingId, hours),
};

/** A branch's records of one year; `undefined` while loading. */
export function useTraining(branchId: string | undefined, year: number) {
  return useLiveQuery(async () => (branchId ? training.listTraining(db, branchId, year) : []), [branchId, year]);
}

/** The records a meeting credited; `undefined` while loading. */
export function useTrainingOfMeeting(meetingId: string | undefined) {
  return useLiveQuery(async () => (meetingId ? training.trainingOfMeeting(db, meetingId) : []), [meetingId]);
}

/** 学时 goals and 计时 in force; `undefined` while loading. */
export function useTrainingSettings() {
  return useLiveQuery(() => training.getTrainingSettings(db), []);
}
