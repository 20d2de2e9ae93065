/** The whole sample book, in the order it is listed: anchors, designed situations, the rest. */
import { ANCHOR_SPECS } from './catalogue-anchors';
import { FILLER_SPECS } from './catalogue-fillers';
import { SITUATION_SPECS } from './catalogue-situations';
import type { AccountSpec } from './catalogue-types';

export const SAMPLE_BOOK_CATALOGUE: readonly AccountSpec[] = [...ANCHOR_SPECS, ...SITUATION_SPECS, ...FILLER_SPECS];
