/**
 * The terms every teaching pack explains, in our own words, before a scenario's own additions. Written so that
 * nothing here tells how any dispute ended: a student handout prints it whole.
 */
export interface GlossaryEntry {
  term: string;
  meaning: string;
}

/** The pack's own glossary, alphabetical. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    term: 'Acas',
    meaning:
      'The Advisory, Conciliation and Arbitration Service: a public body that helps the two sides of a dispute talk (conciliation) when both agree to it. It cannot impose an answer.',
  },
  {
    term: 'Ballot',
    meaning:
      'A postal vote of the union’s members on whether to take industrial action. Without a ballot that meets the law’s tests, a strike loses the legal protection that stops the union being sued.',
  },
  {
    term: 'Derogation',
    meaning:
      'An agreed exception to a strike: work the union asks members to keep doing (emergency care, say) or releases them to do when an employer asks, so that patients are kept safe.',
  },
  {
    term: 'Imposition',
    meaning:
      'An employer or government bringing in new terms (a contract, a pay rise) without the union’s agreement. It ends the argument over those terms only if staff accept working under them.',
  },
  {
    term: 'Mandate',
    meaning:
      'The legal permission a successful ballot gives a union to call action. How long it lasts depends on the law in force (see the table of the law): under the Trade Union Act 2016, six months from the close of the ballot, nine by agreement; under the law before it, until the union gave it up, once action had begun within four weeks.',
  },
  {
    term: 'Notice',
    meaning:
      'The warning the union must give the employer before action starts, in days: 14 under the Trade Union Act 2016, 7 under the law before it (see the table of the law for the days in force).',
  },
  {
    term: 'Pay review body',
    meaning:
      'An independent body (the DDRB for doctors and dentists, the NHS Pay Review Body for nurses) that recommends pay each year after hearing evidence from both sides. The government decides whether to accept its award.',
  },
  {
    term: 'Referendum',
    meaning:
      'A vote of the union’s members on an offer (or a question). Where the union has said it will be bound by the result, members, not the committee, decide whether to accept.',
  },
  {
    term: 'Thresholds',
    meaning:
      'The tests a strike ballot must pass under the Trade Union Act 2016: at least half of those entitled must vote, and in important public services such as health at least 40% of all those entitled must vote yes (the table of the law says which tests were in force when).',
  },
];

/** The pack's glossary with a scenario's own entries: a scenario's meaning replaces the pack's for the same term. */
export function glossaryWith(extra: readonly GlossaryEntry[] = []): GlossaryEntry[] {
  const byTerm = new Map(GLOSSARY.map((g) => [g.term.toLowerCase(), g]));
  for (const g of extra) byTerm.set(g.term.toLowerCase(), g);
  return [...byTerm.values()].sort((a, b) => a.term.localeCompare(b.term, 'en'));
}
