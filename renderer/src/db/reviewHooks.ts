/**
 * Live queries and the bound repository of 民主评议党员结果; pages import these, never dexie.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './index';
import * as reviews from './reviews';

export { quotaMessage, type ReviewInput } from './reviews';

export const reviewStore = {
  save: (branchId: string, input: reviews.ReviewInput) => reviews.saveReviewResult(db, branchId, input),
  remove: (id: string) => reviews.deleteReviewResult(db, id),
};

/** A branch's results of one year; `undefined` while loading. */
export function useReviews(branchId: string | undefined, year: number) {
  return useLiveQuery(async () => (branchId ? reviews.listReviews(db, branchId, year) : []), [branchId, year]);
}

/** The year's 民主评议党员 meeting (first held by today) and the roster day; `undefined` while loading. */
export function useReviewYear(branchId: string | undefined, year: number) {
  return useLiveQuery(async () => (branchId ? reviews.reviewYearOf(db, branchId, year) : undefined), [branchId, year]);
}
