import { Box, Group, ScrollArea, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { RecoveryStage } from '../../shared/contract/index.ts';
import { recoveryStages } from '../../shared/contract/index.ts';
import { formatDateTime } from '../lib/dates.ts';
import { stageLabels } from '../lib/labels.ts';
import { usePhoneLayout } from './responsive.ts';

type StageTrackProps = {
  stage: RecoveryStage;
  reachedAt: Record<RecoveryStage, string | null>;
  timeZone: string;
};

const stageLabel = (stage: RecoveryStage, at: string | null, timeZone: string) =>
  `${stageLabels[stage]}: ${at ? `reached ${formatDateTime(at, timeZone)}` : 'not reached'}`;

/** The stages one under another (phones): a check or the number, the stage, when it was reached. */
function StageColumn(props: StageTrackProps) {
  return (
    <Stack
      component="ol"
      gap={6}
      aria-label={`Recovery stage: ${stageLabels[props.stage]}`}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {recoveryStages.map((stage, index) => {
        const at = props.reachedAt[stage];
        const current = stage === props.stage;
        return (
          <Group
            component="li"
            key={stage}
            gap="sm"
            wrap="nowrap"
            aria-label={stageLabel(stage, at, props.timeZone)}
            aria-current={current ? 'step' : undefined}
          >
            <ThemeIcon
              radius="xl"
              size={24}
              variant={at ? 'filled' : 'default'}
              color={at ? 'indigo' : 'gray'}
              style={current ? { boxShadow: '0 0 0 3px var(--mantine-color-indigo-1)' } : undefined}
            >
              {at ? (
                <IconCheck size={14} />
              ) : (
                <Text fz="xs" c="dimmed" fw={600}>
                  {index + 1}
                </Text>
              )}
            </ThemeIcon>
            <Text fz="sm" fw={current ? 700 : 500} c={at || current ? undefined : 'dimmed'} style={{ flex: 1 }}>
              {stageLabels[stage]}
            </Text>
            <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {at ? formatDateTime(at, props.timeZone) : 'not yet'}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

/**
 * The seven recovery stages in one row. A stage shows a check only when the fact that earns it was
 * recorded (a mistake can be fixed before any remedy), and the current stage is highlighted.
 */
export function StageTrack(props: StageTrackProps) {
  // A phone shows the stages as a column: seven in a row would scroll sideways.
  const phone = usePhoneLayout();
  if (phone) return <StageColumn {...props} />;
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Box
        component="ol"
        aria-label={`Recovery stage: ${stageLabels[props.stage]}`}
        style={{
          display: 'grid',
          gridTemplateColumns: `repeat(${recoveryStages.length}, minmax(104px, 1fr))`,
          listStyle: 'none',
          margin: 0,
          padding: 0,
        }}
      >
        {recoveryStages.map((stage, index) => {
          const at = props.reachedAt[stage];
          const current = stage === props.stage;
          const label = stageLabel(stage, at, props.timeZone);
          return (
            <li
              key={stage}
              aria-label={label}
              aria-current={current ? 'step' : undefined}
              style={{ position: 'relative', padding: '0 4px' }}
            >
              {index > 0 && (
                <span
                  aria-hidden
                  style={{
                    position: 'absolute',
                    top: 13,
                    right: '50%',
                    width: '100%',
                    height: 2,
                    background: at ? 'var(--mantine-color-indigo-4)' : 'var(--mantine-color-gray-3)',
                    zIndex: 0,
                  }}
                />
              )}
              <Box
                style={{
                  display: 'flex',
                  flexDirection: 'column',
                  alignItems: 'center',
                  position: 'relative',
                  zIndex: 1,
                }}
              >
                <ThemeIcon
                  radius="xl"
                  size={28}
                  variant={at ? 'filled' : 'default'}
                  color={at ? 'indigo' : 'gray'}
                  style={current ? { boxShadow: '0 0 0 4px var(--mantine-color-indigo-1)' } : undefined}
                >
                  {at ? (
                    <IconCheck size={16} />
                  ) : (
                    <Text fz="xs" c="dimmed" fw={600}>
                      {index + 1}
                    </Text>
                  )}
                </ThemeIcon>
                <Text fz="sm" fw={current ? 700 : 500} mt={6} c={at || current ? undefined : 'dimmed'} ta="center">
                  {stageLabels[stage]}
                </Text>
                <Text fz={11} c="dimmed" ta="center" style={{ whiteSpace: 'nowrap' }}>
                  {at ? formatDateTime(at, props.timeZone) : 'not yet'}
                </Text>
              </Box>
            </li>
          );
        })}
      </Box>
    </ScrollArea>
  );
}
