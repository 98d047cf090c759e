import nspell from 'nspell';
import type { Speller } from '../engine/index.ts';

const spellers = new Map<string, Promise<Speller>>();

/** The Hunspell speller of a locale, loaded once per process (~250 ms) and shared by every workspace. */
export function loadSpeller(locale: 'en-US' | 'en-GB'): Promise<Speller> {
  let speller = spellers.get(locale);
  if (!speller) {
    speller = (async () => {
      const dictionary = locale === 'en-GB' ? (await import('dictionary-en-gb')).default : (await import('dictionary-en')).default;
      return nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
    })();
    spellers.set(locale, speller);
    speller.catch(() => spellers.delete(locale));
  }
  return speller;
}
