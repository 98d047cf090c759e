import { Badge, Group, Text } from '@mantine/core';
import type { HealthBand, HealthSummary } from '../../../shared/contract/index.ts';

// The score as a badge coloured by band, and its 30-day trend in words a screen reader says too.

export const bandColors: Record<HealthBand, string> = { healthy: 'green', watch: 'yellow', at_risk: 'red' };
export const bandLabels: Record<HealthBand, string> = { healthy: 'Healthy', watch: 'Watch', at_risk: 'At risk' };

/** "−12 in 30 days", "+3 in 30 days", "steady". */
export function trendText(trend: number): string {
  if (trend === 0) return 'steady';
  return `${trend > 0 ? '+' : '−'}${Math.abs(trend)} in 30 days`;
}

/** A signed number of points: "+6", "−18". */
export function signed(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : '0';
}

/** The health score of a client in a list: score, band and trend. */
export function HealthScore({ health }: { health: Pick<HealthSummary, 'score' | 'band' | 'trend'> }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Badge
        color={bandColors[health.band]}
        variant="light"
        radius="sm"
        aria-label={`Health ${health.score} of 100, ${bandLabels[health.band].toLowerCase()}`}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {health.score}
      </Badge>
      <Text
        fz="xs"
        c={health.trend < 0 ? 'red' : health.trend > 0 ? 'green' : 'dimmed'}
        style={{ whiteSpace: 'nowrap' }}
      >
        {health.trend < 0 ? '▼ ' : health.trend > 0 ? '▲ ' : ''}
        {trendText(health.trend)}
      </Text>
    </Group>
  );
}
