import { z } from 'zod';

// Workspace settings: recovery targets, the remedy policy, reminders and sender names. Stored as
// JSON on the workspace; every field has a default so an empty object is a complete configuration.

/** Client health: the cluster rule (how many mistakes within how many days) and the at-risk threshold. */
const healthSettingsSchema = z.object({
  cluster: z
    .object({ count: z.number().int().min(2).max(20).default(3), days: z.number().int().min(1).max(365).default(30) })
    .default({ count: 3, days: 30 }),
  /** A score falling below this raises an at-risk alert. */
  threshold: z.number().int().min(1).max(100).default(60),
});

/** Check-in offsets: 1–5 distinct days after the fix, each 1–365. */
const checkInSettingsSchema = z.object({
  offsetsDays: z
    .array(z.number().int().min(1).max(365))
    .min(1)
    .max(5)
    .refine((days) => new Set(days).size === days.length, 'must not repeat a day')
    .default([7, 30, 90]),
});
const satisfactionSettingsSchema = z.object({ mode: z.enum(['manual', 'automatic']).default('manual') });

const minutes = z.number().int().min(1).max(525_600);
const target = (acknowledgeMinutes: number, fixHours: number) =>
  z
    .object({ acknowledgeMinutes: minutes.default(acknowledgeMinutes), fixHours: z.number().int().min(1).max(8760).default(fixHours) })
    .default({ acknowledgeMinutes, fixHours });

/** Multipliers are whole percentages of the impact (200 = 2x) so no float ever touches money. */
const percent = z.number().int().min(0).max(1000);
const tierMultipliers = (value: number) =>
  z
    .object({ minor: percent.default(value), major: percent.default(value), critical: percent.default(value) })
    .default({ minor: value, major: value, critical: value });

export const workspaceSettingsSchema = z.object({
  /** Spelling and date conventions for the pre-send guard. */
  locale: z.enum(['en-US', 'en-GB']).default('en-US'),
  targets: z
    .object({ critical: target(60, 24), major: target(240, 72), minor: target(1440, 168) })
    .default({
      critical: { acknowledgeMinutes: 60, fixHours: 24 },
      major: { acknowledgeMinutes: 240, fixHours: 72 },
      minor: { acknowledgeMinutes: 1440, fixHours: 168 },
    }),
  remedyPolicy: z
    .object({
      /** Percent of the impact proposed, by client tier and severity (key 200% as in the seed, standard 100%). */
      multipliers: z.object({ key: tierMultipliers(200), standard: tierMultipliers(100) }).default({
        key: { minor: 200, major: 200, critical: 200 },
        standard: { minor: 100, major: 100, critical: 100 },
      }),
      /** Above this percent of the impact a remedy needs an owner's or admin's approval. */
      capPercent: percent.default(150),
      /** Above this amount (minor units, in the remedy's currency) a remedy needs approval. */
      approvalThresholdMinor: z.number().int().min(0).max(1_000_000_000_000).default(50_000),
    })
    .default({
      multipliers: { key: { minor: 200, major: 200, critical: 200 }, standard: { minor: 100, major: 100, critical: 100 } },
      capPercent: 150,
      approvalThresholdMinor: 50_000,
    }),
  /** Reminders before a commitment is due, in minutes before due (0 = at due). */
  reminderOffsetsMinutes: z.array(z.number().int().min(0).max(43_200)).max(10).default([1440, 60, 0]),
  /** How often a critical or major unfixed mistake needs a progress update to the client. */
  updateIntervalHours: z.number().int().min(1).max(720).default(24),
  /** Days after a preventive action is done before its effectiveness check is due. */
  effectivenessCheckDays: z.number().int().min(1).max(365).default(30),
  senderName: z.string().trim().min(1).max(120).default('makegood'),
  accountingSenderName: z.string().trim().min(1).max(120).default('Accounting'),
  /** Rebuild check-ins after a fix: days after the fix (issue 11 B). */
  checkIns: checkInSettingsSchema.default({ offsetsDays: [7, 30, 90] }),
  /** The satisfaction check: asked by hand, or mailed automatically once the last check-in is settled. */
  satisfaction: satisfactionSettingsSchema.default({ mode: 'manual' }),
  /** Client health: the cluster alert (3 mistakes within 30 days) and the score threshold (issue 11 A). */
  health: healthSettingsSchema.default({ cluster: { count: 3, days: 30 }, threshold: 60 }),
  /** The SMTP relay, for mail to a known client with error findings: hold it, or deliver and then warn. */
  relayMode: z.enum(['hold', 'warn']).default('hold'),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/** A partial update of the settings (deep fields replace whole sub-objects). */
export const workspaceSettingsPatchSchema = z.strictObject({
  locale: z.enum(['en-US', 'en-GB']).optional(),
  targets: workspaceSettingsSchema.shape.targets.optional(),
  remedyPolicy: workspaceSettingsSchema.shape.remedyPolicy.optional(),
  reminderOffsetsMinutes: workspaceSettingsSchema.shape.reminderOffsetsMinutes.optional(),
  updateIntervalHours: z.number().int().min(1).max(720).optional(),
  effectivenessCheckDays: z.number().int().min(1).max(365).optional(),
  senderName: z.string().trim().min(1).max(120).optional(),
  accountingSenderName: z.string().trim().min(1).max(120).optional(),
  checkIns: checkInSettingsSchema.optional(),
  satisfaction: satisfactionSettingsSchema.optional(),
  health: healthSettingsSchema.optional(),
  relayMode: z.enum(['hold', 'warn']).optional(),
});
export type WorkspaceSettingsPatch = z.infer<typeof workspaceSettingsPatchSchema>;

/** The settings with every default filled in. */
export function defaultSettings(): WorkspaceSettings {
  return workspaceSettingsSchema.parse({});
}
