export { parsePromise } from './parsePromise';
export { isRoadmapPromise, isSalesPromise } from './kind';
export type { OwnerConfidence, ParsedPromise, ParsePromiseOptions, PromiseKind, PromiseOwner } from './types';
