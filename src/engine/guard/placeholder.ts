// placeholder: template leftovers — "[Client Name]", "{{first_name}}", "{name}", "<NAME>",
// "<<date>>", "%FIRST_NAME%", "Dear ____", TODO / FIXME / TBD / TBC / XXX, Lorem ipsum. Bracket
// forms are found with indexOf (no regex over the whole text); words come from the tokens.
import type { Finding } from '../types.ts';

/** Who the text is for, to fill a placeholder in one click when that is unambiguous. */
export interface PlaceholderFill {
  clientName: string | null;
  firstName: string | null;
  fullName: string | null;
}

const KEYWORDS =
  /\b(?:name|first|last|surname|date|time|day|client|company|business|customer|recipient|contact|insert|amount|price|address|link|url|phone|number|title|product|city|email|your|here|placeholder|todo|tbd|signature|sender|brand|location|venue|order|invoice|project|x+|add|fill|details|position|role|code)\b/i;
const TAG_WORDS = new Set([
  'EXTERNAL',
  'URGENT',
  'EXT',
  'FYI',
  'OK',
  'SIC',
  'UPDATE',
  'ACTION REQUIRED',
  'REMINDER',
  'RESOLVED',
  'SOLVED',
  'CLOSED',
  'NEW',
  'INFO',
  'SPAM',
  'AD',
  'PAID',
  'SUPPORT',
]);

function bracketContentIsPlaceholder(inner: string): boolean {
  const s = inner.trim();
  if (s.length === 0 || s.length > 50) return false;
  if (/^(?:\d+|sic|x|\.\.\.|…|redacted|edited|sic\.)$/i.test(s)) return false;
  if (/^[A-Za-z]+(?:_[A-Za-z0-9]+)+$/.test(s)) return true;
  if (/^[A-Z][A-Z0-9 _'-]*[A-Z0-9]$/.test(s) && /[A-Z]{2}/.test(s)) return !TAG_WORDS.has(s);
  if (KEYWORDS.test(s)) return true;
  return /^(?:[A-Z][a-z]+)(?: [A-Z][a-z]+){0,3}$/.test(s) && s.includes(' ');
}

function fillFor(inner: string, fill: PlaceholderFill): string | undefined {
  const s = inner.toLowerCase();
  if (/your|sender|signature|my /.test(s)) return undefined;
  if (/client|company|business|organi[sz]ation/.test(s) && !/contact|person/.test(s))
    return fill.clientName ?? undefined;
  if (/first|given/.test(s) && /name/.test(s)) return fill.firstName ?? undefined;
  if (/^\W*(?:full[ _]?)?name\W*$|contact[ _]?name|recipient/.test(s)) return fill.fullName ?? undefined;
  return undefined;
}

function finding(
  start: number,
  end: number,
  what: string,
  replacement: string | undefined,
  severity: 'error' | 'warning' = 'error',
): Finding {
  return {
    rule: 'placeholder',
    severity,
    start,
    end,
    message: `Template leftover: ${what}.`,
    suggestion:
      replacement !== undefined ? `Replace it with “${replacement}”.` : 'Fill it in or remove it before sending.',
    ...(replacement !== undefined && { replacement }),
  };
}

/** Bracketed and underscore placeholders in `text`. */
export function scanPlaceholders(text: string, fill: PlaceholderFill, out: Finding[]): void {
  // [Client Name], [insert date]
  for (let s = text.indexOf('['); s !== -1; s = text.indexOf('[', s + 1)) {
    const e = text.indexOf(']', s + 1);
    if (e === -1) break;
    if (e - s > 52) continue;
    const inner = text.slice(s + 1, e);
    if (inner.includes('\n') || inner.includes('[') || text.charAt(e + 1) === '(') continue;
    if (bracketContentIsPlaceholder(inner)) {
      out.push(finding(s, e + 1, `“${text.slice(s, e + 1)}”`, fillFor(inner, fill)));
      s = e;
    }
  }
  // {{first_name}}, {name}
  for (let s = text.indexOf('{'); s !== -1; s = text.indexOf('{', s + 1)) {
    if (text.charAt(s + 1) === '{') {
      const e = text.indexOf('}}', s + 2);
      if (e === -1 || e - s > 80) continue;
      const inner = text.slice(s + 2, e);
      if (inner.trim().length === 0 || inner.includes('\n')) continue;
      out.push(finding(s, e + 2, `“${text.slice(s, e + 2)}”`, fillFor(inner, fill)));
      s = e + 1;
      continue;
    }
    const e = text.indexOf('}', s + 1);
    if (e === -1 || e - s > 40) continue;
    const inner = text.slice(s + 1, e);
    if (/^\s*[A-Za-z_][\w.]*\s*$/.test(inner)) {
      out.push(finding(s, e + 1, `“${text.slice(s, e + 1)}”`, fillFor(inner, fill)));
      s = e;
    }
  }
  // <NAME>, <<date>>, <first_name>
  for (let s = text.indexOf('<'); s !== -1; s = text.indexOf('<', s + 1)) {
    if (text.charAt(s + 1) === '<') {
      const e = text.indexOf('>>', s + 2);
      if (e === -1 || e - s > 60) continue;
      const inner = text.slice(s + 2, e);
      if (/^\s*[A-Za-z][\w .-]*\s*$/.test(inner)) {
        out.push(finding(s, e + 2, `“${text.slice(s, e + 2)}”`, fillFor(inner, fill)));
        s = e + 1;
      }
      continue;
    }
    const e = text.indexOf('>', s + 1);
    if (e === -1 || e - s > 40) continue;
    const inner = text.slice(s + 1, e);
    if (
      (/^[A-Z][A-Z0-9 _]*[A-Z0-9]$/.test(inner) && /[A-Z]{2}/.test(inner)) ||
      /^[A-Za-z]+(?:_[A-Za-z0-9]+)+$/.test(inner)
    ) {
      out.push(finding(s, e + 1, `“${text.slice(s, e + 1)}”`, fillFor(inner, fill)));
      s = e;
    }
  }
  // %FIRST_NAME%
  for (let s = text.indexOf('%'); s !== -1; s = text.indexOf('%', s + 1)) {
    const e = text.indexOf('%', s + 1);
    if (e === -1) break;
    const inner = text.slice(s + 1, e);
    if (e - s <= 40 && /^[A-Z][A-Z0-9_]+$/.test(inner) && inner.length >= 3) {
      out.push(finding(s, e + 1, `“${text.slice(s, e + 1)}”`, fillFor(inner, fill)));
      s = e;
    }
  }
  // INSERT LINK HERE, ADD DATE
  for (const word of ['INSERT ', 'ADD ']) {
    for (let s = text.indexOf(word); s !== -1; s = text.indexOf(word, s + 1)) {
      if (s > 0 && /[A-Za-z]/.test(text.charAt(s - 1))) continue;
      const m = /^(?:INSERT|ADD)(?: [A-Z]{2,}){1,4}\b/.exec(text.slice(s, s + 60));
      if (!m || !KEYWORDS.test(m[0].slice(word.length))) continue;
      out.push(finding(s, s + m[0].length, `“${m[0]}”`, undefined));
      s += m[0].length - 1;
    }
  }
  // XX/XX/2026, 12/XX
  for (let s = text.indexOf('XX'); s !== -1; s = text.indexOf('XX', s + 1)) {
    let a = s;
    while (a > 0 && /[X\d/.-]/.test(text.charAt(a - 1))) a--;
    let e = s;
    while (e < text.length && /[X\d/.-]/.test(text.charAt(e))) e++;
    while (e > s + 2 && /[/.-]/.test(text.charAt(e - 1))) e--;
    const chunk = text.slice(a, e);
    if (/^(?:X{2,4}|\d{1,4})(?:[/.-](?:X{2,4}|\d{1,4})){1,2}$/.test(chunk)) {
      out.push(finding(a, e, `“${chunk}” (a date or number still to fill in)`, undefined));
      s = e;
    }
  }
  // Dear ____,
  for (let s = text.indexOf('___'); s !== -1; s = text.indexOf('___', s + 1)) {
    let e = s;
    while (text.charCodeAt(e) === 95) e++;
    // A line of nothing but underscores is a divider, not a blank.
    const lineStart = text.lastIndexOf('\n', s - 1) + 1;
    const lineEnd = text.indexOf('\n', e);
    const alone =
      text.slice(lineStart, s).trim() === '' && text.slice(e, lineEnd === -1 ? text.length : lineEnd).trim() === '';
    if (!alone) out.push(finding(s, e, 'a blank to fill in', undefined));
    s = e;
  }
}

/** Placeholder words: TODO, FIXME, XXX, TBD, TBC (as written in capitals). */
export function placeholderWord(textOfToken: string): { what: string; severity: 'error' | 'warning' } | null {
  switch (textOfToken) {
    case 'TODO':
    case 'FIXME':
    case 'TKTK':
      return { what: `“${textOfToken}”`, severity: 'error' };
    case 'NAME':
    case 'FIRSTNAME':
    case 'LASTNAME':
    case 'SURNAME':
    case 'FULLNAME':
    case 'COMPANY':
    case 'COMPANYNAME':
    case 'CLIENTNAME':
    case 'RECIPIENT':
      // A name slot in capitals: nobody writes a person's or company's name like that.
      return { what: `“${textOfToken}”`, severity: 'error' };
    case 'TBD':
    case 'TBC':
      return { what: `“${textOfToken}” (a detail still to be decided)`, severity: 'warning' };
    default:
      return /^X{2,}$/.test(textOfToken) ? { what: `“${textOfToken}”`, severity: 'error' } : null;
  }
}

/** A finding for a placeholder word or "Lorem ipsum". */
export function placeholderFinding(start: number, end: number, what: string, severity: 'error' | 'warning'): Finding {
  return finding(start, end, what, undefined, severity);
}
