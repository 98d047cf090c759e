import type {
  AtRiskClient,
  Client,
  ClientHealth,
  HealthAlert,
  HealthAlertResolve,
  HealthSummary,
} from '../../shared/contract/index.ts';
import { requireRole } from '../access.ts';
import { getClient, listClients, updateClient } from '../clients/clients.ts';
import { DomainError, notFound } from '../errors.ts';
import { mistakeRef } from '../mistakes/stage.ts';
import type { Actor, ClientListQuery, Deps } from '../ports.ts';
import { loadSettings } from '../settings/settings.ts';
import { recordEvent } from '../timeline/record-event.ts';
import type { HealthAlertRecord, HealthFactRows } from './ports.ts';
import { loadHealth } from './refresh.ts';
import { healthBand } from './score.ts';

// Client health as the API shows it: on the clients list (stored scores, one query, plus the
// trend from the last 30 days of history) and per client (recomputed at read time, so decay shows
// without any timer, with its history and alerts).

/** The trend window: change of the score over this many days. */
export const TREND_DAYS = 30;
const DAY_MS = 86_400_000;
const HISTORY_POINTS = 200;

/** A client of the list, with its health. */
export type ClientWithHealth = Client & { health: HealthSummary };

/** The clients list with each client's score, trend and open mistakes; `sort: 'risk'` puts the lowest scores first. */
export async function listClientsWithHealth(
  deps: Deps,
  actor: Actor,
  query: ClientListQuery & { sort?: 'name' | 'risk' | undefined },
): Promise<ClientWithHealth[]> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - TREND_DAYS * DAY_MS).toISOString();
  const [clients, scores, startScores] = await Promise.all([
    listClients(deps, actor, query),
    deps.store.health.listScores(actor.workspaceId),
    deps.store.health.scoresAt(actor.workspaceId, since),
  ]);
  const byClient = new Map(scores.map((s) => [s.clientId, s]));
  const items = clients.map((client) => {
    const h = byClient.get(client.id);
    const score = h?.score ?? 100;
    const start = startScores.get(client.id);
    return {
      ...client,
      health: {
        score,
        band: healthBand(score),
        trend: start === undefined ? 0 : score - start,
        openMistakes: h?.openMistakes ?? 0,
        computedAt: h?.computedAt ?? null,
      },
    };
  });
  if (query.sort === 'risk') {
    items.sort(
      (a, b) =>
        a.health.score - b.health.score ||
        a.health.trend - b.health.trend ||
        b.health.openMistakes - a.health.openMistakes ||
        a.name.localeCompare(b.name),
    );
  }
  return items;
}

/** The lowest scores first, with why (the dashboard's "clients at risk"). */
export async function listClientsAtRisk(deps: Deps, actor: Actor, limit: number): Promise<AtRiskClient[]> {
  return deps.store.health.listAtRisk(actor.workspaceId, limit);
}

function presentAlert(alert: HealthAlertRecord, mistakes: Map<string, HealthAlert['mistakes'][number]>): HealthAlert {
  return {
    id: alert.id,
    clientId: alert.clientId,
    kind: alert.kind,
    mistakes: alert.mistakeIds.flatMap((id) => {
      const m = mistakes.get(id);
      return m ? [m] : [];
    }),
    score: alert.score,
    threshold: alert.threshold,
    status: alert.status,
    resolvedBy: alert.resolvedBy,
    resolvedAt: alert.resolvedAt,
    createdAt: alert.createdAt,
  };
}

/** The mistakes alerts name, from the loaded facts, else one by one (older than the year the score reads). */
async function alertMistakes(
  deps: Deps,
  workspaceId: string,
  rows: HealthFactRows,
  alerts: readonly HealthAlertRecord[],
): Promise<Map<string, HealthAlert['mistakes'][number]>> {
  const out = new Map<string, HealthAlert['mistakes'][number]>();
  for (const m of rows.mistakes) {
    out.set(m.id, { id: m.id, ref: mistakeRef(m.number), title: m.title, severity: m.severity, foundAt: m.foundAt });
  }
  for (const id of new Set(alerts.flatMap((a) => a.mistakeIds))) {
    if (out.has(id)) continue;
    const m = await deps.store.mistakes.get(workspaceId, id);
    if (m) out.set(id, { id, ref: m.ref, title: m.title, severity: m.severity, foundAt: m.foundAt });
  }
  return out;
}

/**
 * One client's health: the score and its lines recomputed now (decay included; one client, a few
 * indexed reads, nothing written), the trend over 30 days, the history for the chart and the alerts.
 */
export async function getClientHealth(deps: Deps, actor: Actor, clientId: string): Promise<ClientHealth> {
  await getClient(deps, actor, clientId);
  const workspaceId = actor.workspaceId;
  const now = deps.clock.now();
  const settings = await loadSettings(deps.store, workspaceId);
  const [loaded, history, alerts] = await Promise.all([
    loadHealth(deps.store, workspaceId, clientId, settings, now),
    deps.store.health.history(workspaceId, clientId, HISTORY_POINTS),
    deps.store.health.listAlerts(workspaceId, clientId, 20),
  ]);
  const since = new Date(now.getTime() - TREND_DAYS * DAY_MS).toISOString();
  const firstInWindow = history.find((h) => h.recordedAt > since);
  const lastBefore = [...history].reverse().find((h) => h.recordedAt <= since);
  const start = firstInWindow ? firstInWindow.previousScore : (lastBefore?.score ?? loaded.score.score);
  const mistakes = await alertMistakes(deps, workspaceId, loaded.rows, alerts);
  const stored = await deps.store.health.get(workspaceId, clientId);
  return {
    clientId,
    score: loaded.score.score,
    band: healthBand(loaded.score.score),
    trend: loaded.score.score - start,
    openMistakes: loaded.openMistakes,
    computedAt: stored?.computedAt ?? null,
    lines: loaded.score.lines,
    history: history.map((h) => ({
      id: h.id,
      score: h.score,
      previousScore: h.previousScore,
      moves: h.moves,
      reason: h.reason,
      recordedAt: h.recordedAt,
    })),
    alerts: alerts.map((a) => presentAlert(a, mistakes)),
    rule: {
      count: settings.health.cluster.count,
      days: settings.health.cluster.days,
      threshold: settings.health.threshold,
    },
  };
}

/**
 * Decides an open alert: "mark at risk" sets the client's status (the recorded decision, with its
 * timeline event, as any status change) and closes the alert in one transaction; "dismiss" closes it.
 */
export async function resolveHealthAlert(
  deps: Deps,
  actor: Actor,
  clientId: string,
  alertId: string,
  input: HealthAlertResolve,
): Promise<ClientHealth> {
  requireRole(actor, 'member');
  const client = await getClient(deps, actor, clientId);
  const alert = await deps.store.health.getAlert(actor.workspaceId, alertId);
  if (!alert || alert.clientId !== clientId) throw notFound('health_alert_not_found');
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (store) => {
    const status = input.decision === 'mark_at_risk' ? 'marked_at_risk' : 'dismissed';
    if (!(await store.health.resolveAlert(actor.workspaceId, alertId, status, actor.name, now))) {
      throw new DomainError('health_alert_not_open');
    }
    if (input.decision === 'mark_at_risk' && client.status !== 'at_risk') {
      await updateClient({ ...deps, store }, actor, clientId, { status: 'at_risk' });
    }
    await recordEvent({ ...deps, store }, actor, {
      type: 'client.health_alert_resolved',
      summary:
        input.decision === 'mark_at_risk'
          ? `${client.name} marked at risk after the health alert`
          : `Health alert for ${client.name} dismissed`,
      clientId,
      data: { alertId, decision: input.decision },
    });
  });
  return getClientHealth(deps, actor, clientId);
}
