import type { DimensionId } from '../settings';

export type { DimensionId };

export type HealthBand = 'green' | 'yellow' | 'red' | 'none';

export interface SubScore {
  /** Stable id, e.g. `login-frequency`. */
  id: string;
  dimension: DimensionId;
  /** "Login frequency". */
  label: string;
  /** 1-10 (ratio sub-scores are not rounded). */
  value: number;
  /** Plain words naming the data: "Login frequency: rarely". */
  detail: string;
}

export interface DimensionScore {
  id: DimensionId;
  label: string;
  /** The configured weight, in percent. */
  weight: number;
  /** The weight after renormalising over the dimensions with data; 0 when this one has none. */
  effectiveWeight: number;
  /** Mean sub-score x 10 (0-100, one decimal); null when no sub-score has data. */
  score: number | null;
  subScores: SubScore[];
}

export interface HealthTrend {
  /** The health-history point compared against. */
  previousDate: string;
  previousScore: number;
  /** Current score minus the earlier one. */
  delta: number;
  direction: 'up' | 'down' | 'flat';
}

export interface HealthDriver {
  subScoreId: string;
  dimension: DimensionId;
  value: number;
  /** Plain words: "Seat adoption 20% of 100 licensed". */
  text: string;
}

export interface HealthResult {
  /** 0-100 integer; null when no dimension has data (never a fake 0). */
  score: number | null;
  band: HealthBand;
  coverage: { withData: number; total: number; text: string };
  dimensions: DimensionScore[];
  trend: HealthTrend | null;
  drivers: { up: HealthDriver[]; down: HealthDriver[] };
  /** True when any P1/P2 ticket is open: the support score carries an extra 2. */
  openP1P2: boolean;
}
