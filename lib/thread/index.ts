export { readThread } from './extract';
export { commitmentIdOf, touchIdOf } from './ids';
export { threadTouch } from './touch';
export type { FoundCommitment, FoundFeedback, FoundKind, NewPerson, ThreadFindings, ThreadReadOptions } from './types';
