import type { MistakeCategory } from '../../shared/contract/index.ts';

// The sender's voice in client drafts (issue 13 A): a one-person workspace writes "I", an agency
// "we". Templates are written in "we" and turned into "I" here; text the member wrote (a
// description, a fix or action title) is never passed through, so it stays as they wrote it.

/** Who is speaking in a draft. */
export type Speaker = 'i' | 'we';

const toSingular: readonly [RegExp, string][] = [
  [/\bwe are\b/gu, 'I am'],
  [/\bWe are\b/gu, 'I am'],
  [/\bwe were\b/gu, 'I was'],
  [/\bWe were\b/gu, 'I was'],
  [/\bwe\b/gu, 'I'],
  [/\bWe\b/gu, 'I'],
  [/\bours\b/gu, 'mine'],
  [/\bour\b/gu, 'my'],
  [/\bOur\b/gu, 'My'],
  [/\bus\b/gu, 'me'],
];

/** A template sentence in the speaker's voice: "we are fixing it" → "I am fixing it" for a one-person workspace. */
export function inVoice(template: string, speaker: Speaker): string {
  if (speaker === 'we') return template;
  return toSingular.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), template);
}

/**
 * What went wrong, in the client's terms, by category — said instead of the mistake's title, which
 * is an internal note ("forgot the feature assignment, addressed Ms. Okafor as 'Mr.'") and never
 * goes to a client. Follows "made a mistake"; written in "we".
 */
export const mistakeInClientTerms: Record<MistakeCategory, string> = {
  communication: 'in a message we sent you',
  deliverable_quality: 'in the work we delivered to you',
  deadline: 'with a date we gave you',
  billing: 'on your invoice',
  requirements: 'in following what you asked for',
  wrong_fact: 'in a detail of something we sent you',
  other: 'in our work for you',
};

/** The speaker of a workspace's drafts: its voice setting, or by head count when auto (one member: "I"). */
export function speakerOf(settings: { voice: 'auto' | 'i' | 'we' }, memberCount: number): Speaker {
  if (settings.voice !== 'auto') return settings.voice;
  return memberCount <= 1 ? 'i' : 'we';
}
