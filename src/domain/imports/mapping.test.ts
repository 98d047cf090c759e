import { describe, expect, it } from 'vitest';
import { importFields } from '../../shared/contract/index.ts';
import { decodeCsv, parseCsv } from './csv.ts';
import { HEADER_SYNONYMS, normaliseHeader, proposeField, resolveMapping } from './mapping.ts';
import { looksLikeFormula, parseAmountCell } from './plan.ts';

describe('header synonyms', () => {
  it('has an entry for every field, each name normalised and used by one field only', () => {
    expect(Object.keys(HEADER_SYNONYMS).sort()).toEqual([...importFields].sort());
    const seen = new Map<string, string>();
    for (const [field, names] of Object.entries(HEADER_SYNONYMS)) {
      for (const name of names) {
        expect(normaliseHeader(name)).toBe(name);
        expect(seen.get(name) ?? field).toBe(field);
        seen.set(name, field);
        expect(proposeField(name.toUpperCase())).toBe(field);
      }
    }
  });

  it('gives a field to the leftmost column only, and lets a mapping move it', () => {
    const header = ['Company', 'Client', 'E-Mail Address'];
    expect(resolveMapping(header).fields).toEqual(['client.name', null, 'contact.email']);
    expect(resolveMapping(header, { Client: 'client.name' }).fields).toEqual([null, 'client.name', 'contact.email']);
  });
});

describe('reading the file', () => {
  it('decodes by BOM, else UTF-8, else Windows-1252', () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text).toBe('A');
    expect(decodeCsv(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toEqual({ text: 'A', encoding: 'utf-16le' });
    expect(decodeCsv(new Uint8Array([0xfe, 0xff, 0x00, 0x41]))).toEqual({ text: 'A', encoding: 'utf-16be' });
    expect(decodeCsv(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toEqual({ text: 'Café', encoding: 'windows-1252' });
    expect(decodeCsv(new TextEncoder().encode('Café'))).toEqual({ text: 'Café', encoding: 'utf-8' });
  });

  it('takes the delimiter from the header line and names rows by the line they start on', () => {
    const table = parseCsv('Client;Note\nAcme;"two\nlines"\nBeta;x\n');
    expect(table.delimiter).toBe(';');
    expect(table.rows.map((r) => r.row)).toEqual([2, 4]);
  });
});

describe('cells', () => {
  it('reads amounts in minor units with the currency’s digits', () => {
    expect(parseAmountCell('$12,000.50', 'USD')).toBe(1_200_050);
    expect(parseAmountCell('1200', 'JPY')).toBe(1200);
    expect(parseAmountCell('12.5', 'JPY')).toBeNull();
    expect(parseAmountCell('ten', 'USD')).toBeNull();
  });

  it('tells a formula from a signed number or phone number', () => {
    expect(looksLikeFormula('=SUM(A1)')).toBe(true);
    expect(looksLikeFormula('@cmd')).toBe(true);
    expect(looksLikeFormula('-12.50')).toBe(false);
    expect(looksLikeFormula('-2+3')).toBe(true);
    expect(looksLikeFormula('+1 555 0100')).toBe(false);
    expect(looksLikeFormula('+cmd|calc')).toBe(true);
  });
});
