/** The workspace change feed: one typed event per change, in the change's transaction (see kinds.ts, record.ts). */
export { ARTICLE_VIAS, type ArticleVia, CHANGE_KINDS, CHANGE_DATA, changeArea, isChangeKind, type Change, type ChangeData, type ChangeInput, type ChangeKind } from "./kinds";
export { recordChange, recordChanges } from "./record";
export { readChanges, latestSeq, parseChange, type ChangeFilter } from "./read";
export { changeSubscribers, type ChangeSubscriber } from "./subscribers";
