import type { EffectivenessState, LessonCheckKind, LessonScope } from '../../shared/contract/index.ts';
import type { CauseCategory, MistakeCategory } from '../../shared/contract/index.ts';

// Lessons repositories: part of the Store (src/domain/ports.ts). Every method takes workspaceId.

export interface LessonRecord {
  id: string;
  mistakeId: string;
  clientId: string;
  scope: LessonScope;
  title: string;
  learned: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A lesson with what the library shows beside it (one query, no N+1). */
export interface LessonRow extends LessonRecord {
  mistakeNumber: number;
  mistakeTitle: string;
  mistakeCategory: MistakeCategory;
  clientName: string;
  cause: CauseCategory | null;
}

export interface LessonCheckRecord {
  id: string;
  lessonId: string;
  kind: LessonCheckKind;
  targetId: string;
  label: string;
  createdAt: string;
}

/** open: on the draft now; caught: fixed before sending; sent: went out with it; gone: fixed too soon after it showed to be a catch (still typing). */
export type HitState = 'open' | 'caught' | 'sent' | 'gone';

export interface LessonHitRecord {
  draftId: string;
  checkId: string;
  lessonId: string;
  state: HitState;
  seenAt: string;
}

export interface LessonStats {
  lessonId: string;
  catches: number;
  lastCaughtAt: string | null;
  repeats: number;
  effectiveness: EffectivenessState;
}

export interface LessonListQuery {
  ids?: readonly string[] | undefined;
  mistakeId?: string | undefined;
  mistakeIds?: readonly string[] | undefined;
  clientId?: string | undefined;
  category?: MistakeCategory | undefined;
  cause?: CauseCategory | undefined;
  limit: number;
}

export interface LessonRepository {
  create(workspaceId: string, lesson: LessonRecord): Promise<void>;
  update(workspaceId: string, lesson: LessonRecord): Promise<void>;
  delete(workspaceId: string, id: string): Promise<void>;
  get(workspaceId: string, id: string): Promise<LessonRow | null>;
  /** Newest first, or in the order of `ids` when given. */
  list(workspaceId: string, query: LessonListQuery): Promise<LessonRow[]>;
  /** Catches, repeats and effectiveness of each lesson (a few grouped queries). */
  stats(workspaceId: string, lessons: readonly Pick<LessonRecord, 'id' | 'mistakeId'>[]): Promise<LessonStats[]>;
  /** The full-text index: replace one lesson's document, drop it, or search. */
  index(workspaceId: string, id: string, doc: { title: string; body: string }): Promise<void>;
  unindex(workspaceId: string, id: string): Promise<void>;
  search(workspaceId: string, query: string, limit: number): Promise<{ id: string; rank: number }[]>;
  /** Mistakes found in [from, to], optionally of one client, and how many of them are marked repeats. */
  repeatCounts(
    workspaceId: string,
    from: string,
    to: string,
    clientId?: string,
  ): Promise<{ mistakes: number; repeats: number }>;
}

export interface LessonCheckRepository {
  add(workspaceId: string, check: LessonCheckRecord): Promise<void>;
  remove(workspaceId: string, id: string): Promise<void>;
  listByLessons(workspaceId: string, lessonIds: readonly string[]): Promise<LessonCheckRecord[]>;
  /** Every check of the workspace (to attribute findings; one row per accepted check). */
  listAll(workspaceId: string): Promise<LessonCheckRecord[]>;
  /** Checks that are this guard rule, fact or contact. */
  byTarget(workspaceId: string, kind: LessonCheckKind, targetId: string): Promise<LessonCheckRecord[]>;
}

export interface LessonHitRepository {
  forDraft(workspaceId: string, draftId: string): Promise<LessonHitRecord[]>;
  open(workspaceId: string, hit: Omit<LessonHitRecord, 'state' | 'seenAt'>, at: string): Promise<void>;
  close(
    workspaceId: string,
    draftId: string,
    checkId: string,
    state: Exclude<HitState, 'open'>,
    at: string,
  ): Promise<void>;
}

export interface LessonRepositories {
  lessons: LessonRepository;
  lessonChecks: LessonCheckRepository;
  lessonHits: LessonHitRepository;
}
