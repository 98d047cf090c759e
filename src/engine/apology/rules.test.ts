import { describe, expect, it } from 'vitest';
import { ruleHits } from './analyse.ts';
import { readClauses } from './clauses.ts';
import { CLAUSE_RULES } from './rules.ts';

// Every clause rule carries an example it must match and a near miss it must not (issue 10 B).
describe('clause rules, each on its own examples', () => {
  it('have unique ids', () => {
    expect(new Set(CLAUSE_RULES.map((r) => r.id)).size).toBe(CLAUSE_RULES.length);
  });
  for (const rule of CLAUSE_RULES) {
    it(`${rule.id} (${rule.signal}): matches "${rule.example.yes.slice(0, 50)}", not "${rule.example.no.slice(0, 50)}"`, () => {
      expect(ruleHits(readClauses(rule.example.yes), [rule]).length).toBeGreaterThan(0);
      expect(ruleHits(readClauses(rule.example.no), [rule])).toEqual([]);
    });
  }
});

describe('clause features', () => {
  const clause = (text: string, i = 0) => readClauses(text).clauses[i]!;
  it('reads the subject person', () => {
    expect(clause('We broke the build.').subject).toBe('first');
    expect(clause('You broke the build.').subject).toBe('client');
    expect(clause('The host broke the build.').subject).toBe('third');
    expect(clause('Fixed the link in the footer.').subject).toBe('first');
  });
  it('reads tense, modality and negation', () => {
    expect(clause('I forgot the flag.').tense).toBe('past');
    expect(clause('We have fixed it.').tense).toBe('perfect');
    expect(clause("We'll fix it today.").tense).toBe('future');
    expect(clause('I should have tested it.').modal).toBe('should');
    expect(clause("We didn't test it.").negated).toBe(true);
  });
  it('reads the passive and its agent', () => {
    expect(clause('The file was deleted.').passive).toBe(true);
    expect(clause('The file was deleted.').agent).toBe(false);
    expect(clause('The file was deleted by our script.').agent).toBe(true);
    expect(clause('The file was deleted by mistake.').agent).toBe(false);
    expect(clause('We deleted the file.').passive).toBe(false);
  });
  it('splits at links and keeps the link', () => {
    const doc = readClauses('The report was late because our export job failed.');
    expect(doc.clauses.map((c) => c.link)).toEqual(['', 'because']);
  });
});
