import type { AcknowledgmentTiming, Mistake, WorkspaceSettings } from '../../shared/contract/index.ts';

/**
 * Time to acknowledge (found → first told) against the workspace target for the severity, and
 * whether we told the client before they noticed: we found it, and the client had not reported it
 * by then (or never did).
 */
export function acknowledgmentTiming(
  mistake: Pick<Mistake, 'foundAt' | 'foundBy' | 'severity'>,
  sentAt: string,
  clientNoticedAt: string | null,
  settings: WorkspaceSettings,
): AcknowledgmentTiming {
  const targetMinutes = settings.targets[mistake.severity].acknowledgeMinutes;
  const timeToAcknowledgeSeconds = Math.max(0, Math.floor((Date.parse(sentAt) - Date.parse(mistake.foundAt)) / 1000));
  return {
    sentAt,
    timeToAcknowledgeSeconds,
    targetMinutes,
    withinTarget: timeToAcknowledgeSeconds <= targetMinutes * 60,
    toldBeforeNoticed:
      mistake.foundBy === 'us' && (clientNoticedAt === null || Date.parse(sentAt) < Date.parse(clientNoticedAt)),
  };
}
