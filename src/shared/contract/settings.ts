import { z } from 'zod';

// Workspace settings: recovery targets, the remedy policy, reminders and sender names. Stored as
// JSON on the workspace; every field has a default so an empty object is a complete configuration.

/**
 * Whether a name is an IANA time zone this runtime knows ("Europe/London", "UTC"); offsets such as
 * "+01:00" and unknown names are not. Aliases ("Europe/Kiev") resolve to a known zone and pass.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/u.test(name)) return false;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return resolved === 'UTC' || knownZones().has(resolved) || /^Etc\//u.test(resolved);
  } catch {
    return false;
  }
}

let zones: Set<string> | undefined;
function knownZones(): Set<string> {
  zones ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  return zones;
}

/** An IANA time zone name, checked against the runtime's zone database. */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, 'choose a time zone')
  .max(64, 'must be at most 64 characters')
  .refine(isTimeZone, 'is not a time zone; use a name such as Europe/London or America/New_York');

/** Whose voice client drafts speak in: "I" (one person), "we" (an agency), or by the number of members. */
export const voices = ['auto', 'i', 'we'] as const;
export type Voice = (typeof voices)[number];

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

/** Client health: the cluster rule (how many mistakes within how many days) and the at-risk threshold. */
const healthSettingsSchema = z.object({
  cluster: z
    .object({ count: z.number().int().min(2).max(20).default(3), days: z.number().int().min(1).max(365).default(30) })
    .default({ count: 3, days: 30 }),
  /** A score falling below this raises an at-risk alert. */
  threshold: z.number().int().min(1).max(100).default(60),
});

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
  /** "I" or "we" in client drafts; auto: "I" while the workspace has one member, else "we". */
  voice: z.enum(voices).default('auto'),
  /** Client health: the cluster alert (3 mistakes within 30 days) and the score threshold (issue 11 A). */
  health: healthSettingsSchema.default({ cluster: { count: 3, days: 30 }, threshold: 60 }),
  /** Rebuild check-ins after a fix: days after the fix (issue 11 B). */
  checkIns: checkInSettingsSchema.default({ offsetsDays: [7, 30, 90] }),
  /** The satisfaction check: asked by hand, or mailed automatically once the last check-in is settled. */
  satisfaction: satisfactionSettingsSchema.default({ mode: 'manual' }),
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
  voice: z.enum(voices).optional(),
  /** The workspace's time zone (a column of the workspace, not part of the settings JSON). */
  timezone: timeZoneSchema.optional(),
  health: healthSettingsSchema.optional(),
  checkIns: checkInSettingsSchema.optional(),
  satisfaction: satisfactionSettingsSchema.optional(),
  relayMode: z.enum(['hold', 'warn']).optional(),
});
export type WorkspaceSettingsPatch = z.infer<typeof workspaceSettingsPatchSchema>;

/** What GET and PATCH /api/settings answer: the settings and the workspace's time zone. */
export const settingsViewSchema = workspaceSettingsSchema.extend({ timezone: z.string() });
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** Where client mail goes, from the server's configuration (SMTP_URL, MAIL_FROM). */
export const mailSetupSchema = z.object({
  /** `file`: .eml files in the outbox folder, nothing leaves this machine; `smtp`: a mail server. */
  transport: z.enum(['file', 'smtp']),
  /** The outbox folder, or the SMTP server's host and port (never its credentials). */
  destination: z.string(),
  /** The address client mail is sent from; the From name is the workspace's sender name. */
  fromAddress: z.string(),
  accountingFromAddress: z.string(),
});
export type MailSetup = z.infer<typeof mailSetupSchema>;

/** The answer to "Send a test message": sent at once to the member themself, through the configured transport. */
export const mailTestResultSchema = z.object({
  delivered: z.boolean(),
  toAddress: z.string(),
  /** The RFC 5322 Message-ID it went out with. */
  messageId: z.string(),
  /** Why it could not be delivered (the transport's words), when it was not. */
  error: z.string().nullable(),
});
export type MailTestResult = z.infer<typeof mailTestResultSchema>;

/** The settings with every default filled in. */
export function defaultSettings(): WorkspaceSettings {
  return workspaceSettingsSchema.parse({});
}
