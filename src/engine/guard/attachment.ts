// missing_attachment: the text says something is attached ("see attached", "I've attached",
// "please find enclosed", "the attachment") but the caller says nothing is. Mentions of the
// client's own attachment, a future attachment ("I'll attach it tomorrow") or the physical sense
// ("attached to the box") do not count.
import { nextWordIndex, prevWordIndex, type Token } from './tokenise.ts';

/** Words that can announce an attachment. */
export const ATTACHMENT_WORDS = new Set([
  'attached',
  'attachment',
  'attachments',
  'attaching',
  'enclosed',
  'enclosing',
  'attach',
]);

const NOT_OURS = new Set([
  'your',
  'their',
  'his',
  'her',
  'no',
  'without',
  'any',
  'an',
  'email',
  'large',
  'max',
  'maximum',
  'size',
]);
const FUTURE = new Set([
  'will',
  "i'll",
  "we'll",
  'shall',
  'can',
  'could',
  'to',
  "won't",
  'would',
  'should',
  'may',
  'might',
  'forgot',
  'forget',
  'please',
  "couldn't",
  "can't",
]);

/** Whether the word at token `i` announces an attachment of ours. */
export function announcesAttachment(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const p = prevWordIndex(tokens, i);
  const prev = p === -1 ? '' : tokens[p]!.norm;
  const nx = nextWordIndex(tokens, i);
  const next = nx === -1 ? '' : tokens[nx]!.norm;
  switch (t.norm) {
    case 'attached':
      // "attached to" is physical or emotional, unless it is "attached to this email".
      if (next === 'to') {
        const n2 = nx === -1 ? -1 : nextWordIndex(tokens, nx);
        const after = n2 === -1 ? '' : tokens[n2]!.norm;
        return after === 'this' || after === 'the'
          ? /^(?:email|message|mail|e-mail)$/.test(tokens[n2 + 1]?.norm ?? '')
          : false;
      }
      return !NOT_OURS.has(prev) && prev !== 'not' && prev !== 'be' && prev !== 'get' && prev !== 'gets';
    case 'attachment':
    case 'attachments':
      if (NOT_OURS.has(prev) || FUTURE.has(prev)) return false;
      return (
        prev === 'the' ||
        prev === 'see' ||
        prev === 'in' ||
        prev === 'this' ||
        prev === 'my' ||
        prev === 'our' ||
        prev === 'find' ||
        prev === 'as' ||
        next === 'is' ||
        next === 'are' ||
        next === 'below' ||
        next === 'contains' ||
        next === 'includes' ||
        next === 'shows' ||
        next === 'has'
      );
    case 'attaching':
      return prev === "i'm" || prev === "we're" || prev === 'am' || prev === 'are' || prev === 'also' || prev === 'now';
    case 'attach':
      return false;
    case 'enclosed':
      return (
        prev === 'find' ||
        prev === 'is' ||
        prev === 'are' ||
        prev === "i've" ||
        prev === "we've" ||
        prev === 'have' ||
        prev === 'please' ||
        next === 'is' ||
        next === 'are' ||
        next === 'please' ||
        next === 'you' ||
        next === 'the' ||
        next === 'a' ||
        next === 'an' ||
        next === 'our' ||
        next === 'your'
      );
    case 'enclosing':
      return prev === "i'm" || prev === "we're" || prev === 'am' || prev === 'are' || prev === 'also';
    default:
      return false;
  }
}
