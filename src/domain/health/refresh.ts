import type { Severity, WorkspaceSettings } from '../../shared/contract/index.ts';
import { mistakeRef } from '../mistakes/stage.ts';
import type { Actor, Deps, Member, Store } from '../ports.ts';
import { humanTime, notifyMember } from '../scheduler/recipients.ts';
import { loadSettings } from '../settings/settings.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { clusterDecision, type ClusterRule } from './cluster.ts';
import type { ClientHealthRecord, HealthAlertRecord, HealthFactRows, HealthHistoryRecord } from './ports.ts';
import {
  healthBand,
  IGNORE_AFTER_DAYS,
  scoreClient,
  whyItMoved,
  type HealthAnswer,
  type HealthCheckIn,
  type HealthMistake,
  type HealthScore,
} from './score.ts';

// Client health, recomputed on events (never by a timer scan of every client): every use case that
// records something the score reads calls refreshClientHealth in its own transaction.

const DAY_MS = 86_400_000;

/** Who the health events and alerts are recorded as. */
function healthActor(workspaceId: string): Actor {
  return { workspaceId, userId: null, name: 'makegood', role: 'owner' };
}

/** The workspace's cluster rule. */
export function clusterRuleOf(settings: WorkspaceSettings): ClusterRule {
  return { count: settings.health.cluster.count, windowDays: settings.health.cluster.days };
}

/** What the score of one client reads, loaded from the store. */
export interface LoadedHealth {
  rows: HealthFactRows;
  score: HealthScore;
  openMistakes: number;
}

/** The outcome of a fix commitment that settles last: kept (done by its due time) or broken. */
function fixOf(rows: HealthFactRows, mistakeId: string): HealthMistake['fix'] {
  let last: HealthMistake['fix'] = null;
  for (const c of rows.fixCommitments) {
    if (c.mistakeId !== mistakeId) continue;
    const at = c.status === 'missed' ? c.dueAt : (c.completedAt ?? c.dueAt);
    const outcome = c.status === 'done' && at <= c.dueAt ? 'kept' : 'broken';
    if (!last || at >= last.at) last = { outcome, at };
  }
  return last;
}

/** The facts as the pure score takes them: acknowledgment timing against the severity's target. */
export function healthMistakes(rows: HealthFactRows, settings: WorkspaceSettings): HealthMistake[] {
  const repeats = new Map(rows.repeats.map((r) => [r.mistakeId, r.repeatOfNumber]));
  return rows.mistakes.map((m) => {
    const targetMs = settings.targets[m.severity].acknowledgeMinutes * 60_000;
    const repeatOf = repeats.get(m.id);
    return {
      id: m.id,
      ref: mistakeRef(m.number),
      severity: m.severity,
      foundBy: m.foundBy,
      foundAt: m.foundAt,
      acknowledged: m.acknowledgedAt
        ? { at: m.acknowledgedAt, withinTarget: Date.parse(m.acknowledgedAt) - Date.parse(m.foundAt) <= targetMs }
        : null,
      fix: fixOf(rows, m.id),
      remedyAt: m.remediedAt,
      repeatOf: repeatOf === undefined ? null : mistakeRef(repeatOf),
    };
  });
}

/** Loads one client's facts (mistakes of the last year, check-ins, answers) and scores them at `now`. */
export async function loadHealth(
  store: Store,
  workspaceId: string,
  clientId: string,
  settings: WorkspaceSettings,
  now: Date,
): Promise<LoadedHealth> {
  const since = new Date(now.getTime() - IGNORE_AFTER_DAYS * DAY_MS).toISOString();
  const rows = await store.health.facts(workspaceId, clientId, since);
  const [checkIns, answers]: [HealthCheckIn[], HealthAnswer[]] = await Promise.all([
    store.checkIns.listForHealth(workspaceId, clientId),
    store.satisfaction.listForHealth(workspaceId, clientId),
  ]);
  const score = scoreClient({ mistakes: healthMistakes(rows, settings), checkIns, answers }, now);
  return { rows, score, openMistakes: rows.mistakes.filter((m) => m.fixedAt === null).length };
}

/** What one refresh did. */
export interface HealthRefresh {
  before: ClientHealthRecord;
  after: ClientHealthRecord;
  /** The history row, when the score changed. */
  moved: HealthHistoryRecord | null;
  /** Alerts raised by this refresh (each notified once). */
  raised: HealthAlertRecord[];
}

/**
 * Recomputes one client's health after `reason` was recorded, in the caller's transaction (or its
 * own): takes the client's health row first (so concurrent refreshes of one client queue and each
 * sees the one before), writes the score and, when it changed, a history row with why it moved;
 * then the cluster rule and the threshold: a new cluster, or a fall below the threshold, raises
 * one alert (unique key), told in-app and by email to the client's owner and the workspace's
 * owners and admins, proposing the status "at risk" (the user confirms it).
 */
export async function refreshClientHealth(
  deps: Deps,
  workspaceId: string,
  clientId: string,
  reason: string,
): Promise<HealthRefresh> {
  return deps.store.transaction(async (store) => {
    const tx: Deps = { ...deps, store };
    const now = deps.clock.now();
    const nowIso = now.toISOString();
    const before = await store.health.lock(workspaceId, clientId, nowIso);
    const settings = await loadSettings(store, workspaceId);
    const loaded = await loadHealth(store, workspaceId, clientId, settings, now);
    const after: ClientHealthRecord = {
      clientId,
      score: loaded.score.score,
      band: healthBand(loaded.score.score),
      lines: loaded.score.lines,
      openMistakes: loaded.openMistakes,
      computedAt: nowIso,
    };
    await store.health.put(workspaceId, after);
    let moved: HealthHistoryRecord | null = null;
    if (after.score !== before.score) {
      const why = whyItMoved({ score: before.score, lines: before.lines }, loaded.score);
      moved = {
        id: deps.ids.id(),
        clientId,
        score: after.score,
        previousScore: before.score,
        moves: why.moves,
        reason: reason.slice(0, 300),
        recordedAt: nowIso,
      };
      await store.health.addHistory(workspaceId, moved);
    }
    const raised: HealthAlertRecord[] = [];
    const cluster = await evaluateCluster(tx, workspaceId, clientId, loaded, after, settings, now);
    if (cluster) raised.push(cluster);
    const threshold = settings.health.threshold;
    if (before.score >= threshold && after.score < threshold) {
      const open = loaded.rows.mistakes.filter((m) => m.fixedAt === null);
      const alert: HealthAlertRecord = {
        id: deps.ids.id(),
        clientId,
        kind: 'threshold',
        // The state it fell from: two refreshes crossing from the same state share the key.
        alertKey: `threshold:${before.computedAt}`,
        mistakeIds: (open.length > 0 ? open : loaded.rows.mistakes).slice(-10).map((m) => m.id),
        lastFoundAt: loaded.rows.mistakes.at(-1)?.foundAt ?? null,
        score: after.score,
        threshold,
        status: 'open',
        resolvedBy: null,
        resolvedAt: null,
        createdAt: nowIso,
        updatedAt: nowIso,
      };
      if (await store.health.insertAlert(workspaceId, alert)) raised.push(alert);
    }
    for (const alert of raised) await announceAlert(tx, workspaceId, alert, loaded.rows, settings, raised.length > 1);
    return { before, after, moved, raised };
  });
}

/** The cluster rule for the client's newest mistake: raise a new alert, extend the current one, or nothing. */
async function evaluateCluster(
  deps: Deps,
  workspaceId: string,
  clientId: string,
  loaded: LoadedHealth,
  after: ClientHealthRecord,
  settings: WorkspaceSettings,
  now: Date,
): Promise<HealthAlertRecord | null> {
  const mistakes = loaded.rows.mistakes;
  const latest = mistakes.reduce<(typeof mistakes)[number] | null>(
    (a, m) => (!a || m.foundAt > a.foundAt || (m.foundAt === a.foundAt && m.number > a.number) ? m : a),
    null,
  );
  if (!latest) return null;
  const rule = clusterRuleOf(settings);
  // Only a cluster that is still going on: its newest mistake within the window of now.
  if (now.getTime() - Date.parse(latest.foundAt) > rule.windowDays * DAY_MS) return null;
  const store = deps.store;
  const current = await store.health.latestCluster(workspaceId, clientId);
  const decision = clusterDecision(
    mistakes.map((m) => ({ id: m.id, foundAt: m.foundAt })),
    { id: latest.id, foundAt: latest.foundAt },
    current?.lastFoundAt ? { mistakeIds: current.mistakeIds, lastFoundAt: current.lastFoundAt } : null,
    rule,
  );
  const nowIso = now.toISOString();
  if (decision.kind === 'extend' && current) {
    // An alert lists at most 50 mistakes (the newest); it was raised once, it is only kept current.
    await store.health.extendAlert(workspaceId, current.id, decision.mistakeIds.slice(-50), latest.foundAt, nowIso);
    return null;
  }
  if (decision.kind !== 'raise') return null;
  const alert: HealthAlertRecord = {
    id: deps.ids.id(),
    clientId,
    kind: 'cluster',
    // The cluster's first mistake: two instances raising the same cluster at once share the key.
    alertKey: `cluster:${decision.mistakeIds[0] ?? latest.id}`,
    mistakeIds: decision.mistakeIds,
    lastFoundAt: latest.foundAt,
    score: after.score,
    threshold: null,
    status: 'open',
    resolvedBy: null,
    resolvedAt: null,
    createdAt: nowIso,
    updatedAt: nowIso,
  };
  if (await store.health.insertAlert(workspaceId, alert)) return alert;
  // Raised already (another instance): this mistake joins it instead.
  const existing = await store.health.getAlertByKey(workspaceId, clientId, alert.alertKey);
  if (existing) {
    const ids = [...new Set([...existing.mistakeIds, ...decision.mistakeIds])];
    await store.health.extendAlert(workspaceId, existing.id, ids, latest.foundAt, nowIso);
  }
  return null;
}

const severityWords: Record<Severity, string> = { minor: 'minor', major: 'major', critical: 'critical' };

/**
 * Tells the client's owner and the workspace's owners and admins about a new alert (in-app and by
 * email, to the members only, never the client) and records it on the client's timeline.
 */
async function announceAlert(
  deps: Deps,
  workspaceId: string,
  alert: HealthAlertRecord,
  rows: HealthFactRows,
  settings: WorkspaceSettings,
  combined: boolean,
): Promise<void> {
  const store = deps.store;
  const client = await store.clients.get(workspaceId, alert.clientId);
  if (!client) return;
  const members = await store.users.members(workspaceId);
  const workspace = await store.workspaces.get(workspaceId);
  const timezone = workspace?.timezone ?? 'UTC';
  const byId = new Map(rows.mistakes.map((m) => [m.id, m]));
  const listed = alert.mistakeIds.flatMap((id) => {
    const m = byId.get(id);
    return m ? [m] : [];
  });
  const lines = listed.map(
    (m) =>
      `- ${mistakeRef(m.number)} ${m.title} (${severityWords[m.severity]}, found ${humanTime(m.foundAt, timezone)})`,
  );
  const band = healthBand(alert.score);
  const rule = clusterRuleOf(settings);
  const title =
    alert.kind === 'cluster'
      ? `${client.name}: ${listed.length} mistakes within ${rule.windowDays} days`
      : `${client.name}: health fell to ${alert.score}, below ${alert.threshold ?? settings.health.threshold}`;
  // When a cluster and a fall below the threshold come together, one message says both.
  if (combined && alert.kind === 'threshold') return;
  const body = [
    alert.kind === 'cluster'
      ? `${client.name} has had ${listed.length} mistakes within ${rule.windowDays} days:`
      : `${client.name}'s health score fell to ${alert.score} (${band.replace('_', ' ')}), below the threshold of ${alert.threshold ?? settings.health.threshold}. Its open mistakes:`,
    ...lines,
    '',
    `Its health score is now ${alert.score} of 100.${combined ? ` That is below the threshold of ${settings.health.threshold}.` : ''}`,
    `Proposed: mark ${client.name} as "at risk". Open the client in makegood to confirm it (or dismiss the alert).`,
  ].join('\n');
  const to = new Map<string, Member>();
  const owner = client.ownerId ? members.find((m) => m.id === client.ownerId) : undefined;
  if (owner) to.set(owner.id, owner);
  for (const m of members) if (m.role === 'owner' || m.role === 'admin') to.set(m.id, m);
  for (const member of to.values()) {
    await notifyMember(
      deps,
      store,
      workspaceId,
      member,
      {
        id: deps.ids.id(),
        kind: 'client_at_risk',
        title: title.slice(0, 300),
        body,
        clientId: client.id,
        mistakeId: null,
        commitmentId: null,
      },
      { fromName: settings.senderName },
    );
  }
  await recordEvent(deps, healthActor(workspaceId), {
    type: 'client.health_alert',
    summary: `At-risk alert: ${title.slice(client.name.length + 2)} (${listed.map((m) => mistakeRef(m.number)).join(', ')}); proposed status "at risk"`,
    clientId: client.id,
    data: { alertId: alert.id, kind: alert.kind, mistakeIds: alert.mistakeIds, score: alert.score },
  });
}
