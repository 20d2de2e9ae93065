export * from './types';
export { scoreHealth, bandFor, pointThirtyDaysAgo, DIMENSION_LABELS, TREND_DAYS, TREND_TOLERANCE_DAYS } from './score';
export { ratioScore } from './subscores';
export * from './facts';
