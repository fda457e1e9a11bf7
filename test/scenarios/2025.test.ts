/**
 * The 2025–26 resident doctors' pay-and-jobs dispute replays as the record has it. Expected figures come from
 * the dossier (/work/shared/history/2025.md) and its sources, not from the replay.
 */
import { describe, expect, it } from 'vitest';
import { daysByStatus, refusals, replayed, scenario } from '../helpers/scenarios.js';

const FILE = 'scenarios/historical/2025-pay-and-jobs.yaml';
const { trace, final } = replayed(FILE);

const ballot = (id: string) => final.balloting.ballots.find((b) => b.id === id);
const offer = (id: string) => final.negotiation.offers.find((o) => o.id === id);
const vote = (id: string) => final.negotiation.referendums.find((r) => r.id === id);
const award = (id: string) => final.negotiation.awards.find((a) => a.id === id);
const action = (id: string) => final.action.actions.find((a) => a.id === id);
const timed = (type: string, id: string) => trace.steps.find((s) => s.event.type === type && s.event.action === id);

describe('resident doctors 2025–26 (scenarios/historical/2025-pay-and-jobs.yaml)', () => {
  it("is the historical scenario 'resident-doctors-2025', alias '2025', declaring 'settled'", () => {
    const s = scenario(FILE);
    expect(s.id).toBe('resident-doctors-2025');
    expect(s.aliases).toEqual(['2025']);
    expect(s.kind).toBe('historical');
    expect(s.outcome).toBe('settled');
  });

  it('replays with no refused event', () => {
    expect(refusals(trace)).toEqual([]);
  });

  it("ends 'settled', with the accepted 'referendum.closed' as the last scenario event", () => {
    expect(trace.final.outcome).toBe('settled');
    const scenarioSteps = trace.steps.filter((s) => s.cause === 'scenario');
    expect(scenarioSteps.at(-1)?.event.type).toBe('referendum.closed');
    expect(scenarioSteps.at(-1)?.date.slice(0, 10)).toBe('2026-06-29');
  });

  it("'dispute.declared' on 9 April 2025 comes before any ballot, talks, offer or strike", () => {
    const types = trace.steps.filter((s) => s.cause === 'scenario').map((s) => s.event.type);
    const declared = types.indexOf('dispute.declared');
    const firstOther = types.findIndex((t) => /^(ballot|talks|offer|strike)\./.test(t));
    expect(declared).toBeGreaterThanOrEqual(0);
    expect(declared).toBeLessThan(firstOther);
    expect(final.dispute.declaredAt?.slice(0, 10)).toBe('2025-04-09');
  });

  describe('strikes', () => {
    it('holds 21 days of strikes (5 + 5 + 5 + 6) and 4 suspended days in June 2026', () => {
      expect(daysByStatus(final)).toEqual({ held: 21, suspended: 4 });
    });

    it('holds July, November and December 2025 for five days each and April 2026 for six', () => {
      expect(action('strike-2025-07')).toMatchObject({ status: 'held', days: 5 });
      expect(action('strike-2025-11')).toMatchObject({ status: 'held', days: 5 });
      expect(action('strike-2025-12')).toMatchObject({ status: 'held', days: 5 });
      expect(action('strike-2026-04')).toMatchObject({ status: 'held', days: 6 });
      expect(action('strike-2026-06')?.status).toBe('suspended');
    });

    it("'strike.started' for July 2025 at 07:00 BST on 25 July (UTC+01:00)", () => {
      expect(timed('strike.started', 'strike-2025-07')?.date).toBe('2025-07-25T07:00:00+01:00');
      expect(timed('strike.ended', 'strike-2025-07')?.date).toBe('2025-07-30T07:00:00+01:00');
    });

    it("'strike.started' for December 2025 at 07:00 GMT on 17 December (UTC+00:00)", () => {
      expect(timed('strike.started', 'strike-2025-12')?.date).toBe('2025-12-17T07:00:00+00:00');
    });

    it('records 54,095 appointments rescheduled for the July 2025 strike', () => {
      expect(action('strike-2025-07')?.impact?.appointmentsRescheduled).toBe(54_095);
    });

    it("never extends the mandate: the offer to move December's strike into January was declined", () => {
      expect(trace.steps.some((s) => s.event.type === 'mandate.extended')).toBe(false);
      expect(offer('offer-2025-12-jobs')?.items?.some((i) => /extend the strike mandate/.test(i))).toBe(true);
    });
  });

  describe('statutory ballots', () => {
    it("'ballot.closed' 2025 pay ballot: 29,741 of 53,766 voted, 26,766 yes, 2,956 no", () => {
      expect(ballot('ballot-pay-2025')).toMatchObject({
        regime: 'tua-2016',
        entitled: 53_766,
        cast: 29_741,
        yes: 26_766,
        no: 2_956,
        turnoutPct: 55.3,
        yesOfEntitledPct: 49.8,
        mandate: true,
      });
      expect(ballot('ballot-pay-2025')?.openedAt.slice(0, 10)).toBe('2025-05-27');
      expect(ballot('ballot-pay-2025')?.closedAt?.slice(0, 10)).toBe('2025-07-07');
    });

    it("'ballot.closed' FY1 jobs ballot: 3,950 yes, 97% of votes on a 65% turnout, and no other count", () => {
      const fy1 = ballot('ballot-fy1-2025');
      expect(fy1?.yes).toBe(3_950);
      expect(fy1).not.toHaveProperty('entitled');
      expect(fy1).not.toHaveProperty('cast');
      expect(fy1).not.toHaveProperty('no');
      expect(fy1?.turnoutPct).toBe(65);
      expect(fy1?.yesPct).toBe(97);
      // Judged from the shares: yes of entitled is 65% × 97%, about 63%, over the 40% test.
      expect(fy1?.yesOfEntitledPct).toBeCloseTo(65 * 0.97, 0);
      expect(fy1?.asAnnounced).toBeUndefined();
      expect(fy1?.mandate).toBe(true);
      expect(fy1?.openedAt.slice(0, 10)).toBe('2025-09-08');
      expect(fy1?.closedAt?.slice(0, 10)).toBe('2025-10-06');
    });

    it("'ballot.closed' re-ballot: 28,598 of 54,432 voted, 26,696 yes, 1,885 no, judged under the 2016 Act", () => {
      expect(ballot('ballot-jobs-pay-2025')).toMatchObject({
        regime: 'tua-2016',
        entitled: 54_432,
        cast: 28_598,
        yes: 26_696,
        no: 1_885,
        turnoutPct: 52.5,
        yesOfEntitledPct: 49,
        mandate: true,
      });
      expect(ballot('ballot-jobs-pay-2025')?.openedAt.slice(0, 10)).toBe('2025-12-08');
      expect(ballot('ballot-jobs-pay-2025')?.closedAt?.slice(0, 10)).toBe('2026-02-02');
    });

    it('the last mandate runs six months, to August 2026', () => {
      expect(final.balloting.mandate?.ballot).toBe('ballot-jobs-pay-2025');
      expect(final.balloting.mandate?.expiresAt?.slice(0, 7)).toBe('2026-08');
    });

    it("the first-year doctors' ballot ('supplementary') runs alongside the pay mandate, which lapses in January 2026", () => {
      expect(final.balloting.supplementaryMandates.map((m) => [m.ballot, m.expiresAt?.slice(0, 7)])).toEqual([
        ['ballot-fy1-2025', '2026-04'],
      ]);
      const lapse = trace.steps.find((s) => s.event.type === 'mandate.lapsed');
      expect(lapse?.date.slice(0, 10)).toBe('2026-01-07');
      const held = final.action.actions.filter((a) => a.status === 'held');
      expect(held.every((a) => a.ballot !== 'ballot-fy1-2025')).toBe(true);
    });
  });

  describe('the law', () => {
    it("'law.changed' to the Employment Rights Act 2025 on 18 February 2026", () => {
      const step = trace.steps.find((s) => s.event.type === 'law.changed');
      expect(step?.accepted).toBe(true);
      expect(step?.event.regime).toBe('era-2025');
      expect(step?.date).toBe('2026-02-18T00:00:00+00:00');
      expect(final.law.inForce).toBe('era-2025');
    });
  });

  describe('pay awards and offers', () => {
    it("'award.published' and 'award.accepted': DDRB 2025/26, an average 5.4% for resident doctors", () => {
      expect(award('ddrb-2025-26')).toMatchObject({ payUpliftPct: 5.4, payYear: '2025/26', acceptedInFull: true });
      expect(award('ddrb-2025-26')?.publishedAt.slice(0, 10)).toBe('2025-05-22');
    });

    it("'award.accepted': DDRB 2026/27, 3.5%", () => {
      expect(award('ddrb-2026-27')).toMatchObject({ payUpliftPct: 3.5, payYear: '2026/27', acceptedInFull: true });
    });

    it("'offer.rejected' by the committee: July's non-pay package, November's 2,000 posts, March 2026's deal", () => {
      expect(offer('offer-2025-07-non-pay')).toMatchObject({ status: 'rejected', decidedBy: 'committee' });
      expect(offer('offer-2025-11-jobs')).toMatchObject({ status: 'rejected', decidedBy: 'committee' });
      expect(offer('offer-2025-11-jobs')?.items?.[0]).toMatch(/1,000 to 2,000/);
      expect(offer('offer-2026-03-deal')).toMatchObject({ status: 'rejected', decidedBy: 'committee' });
      expect(offer('offer-2026-03-deal')?.items?.[0]).toMatch(/4,500/);
    });

    it("December's offer of 4,000 training posts is rejected by the members' survey", () => {
      expect(offer('offer-2025-12-jobs')).toMatchObject({ status: 'rejected', decidedBy: 'members' });
      expect(offer('offer-2025-12-jobs')?.items?.[0]).toMatch(/1,000 to 4,000/);
      expect(offer('offer-2025-12-jobs')?.payUpliftPct).toBeUndefined();
    });

    it("'offer.withdrawn': the Prime Minister's 48-hour ultimatum lapses and 1,000 posts are dropped", () => {
      expect(offer('offer-2026-03-ultimatum')).toMatchObject({ status: 'withdrawn', decidedBy: 'maker' });
    });

    it('the June 2026 deal: an average 6.6% and 4,500 training places, accepted by the members', () => {
      expect(offer('offer-2026-06-deal')).toMatchObject({
        payUpliftPct: 6.6,
        status: 'accepted',
        decidedBy: 'members',
      });
      expect(offer('offer-2026-06-deal')?.items).toContain('4,500 specialty training places over three years');
    });
  });

  describe('member votes', () => {
    it("'referendum.closed' December 2025 survey: 16.8% to call off, 83.2% to strike, on 65.34% turnout", () => {
      expect(vote('survey-2025-12')).toMatchObject({
        kind: 'survey',
        yesPct: 16.8,
        noPct: 83.2,
        turnoutPct: 65.34,
        cast: 35_107,
        entitled: 53_726,
        result: 'no',
      });
    });

    it("'referendum.closed' June 2026 referendum: 53% accept on 57% turnout, 32,932 votes", () => {
      expect(vote('referendum-2026-06')).toMatchObject({
        kind: 'referendum',
        yesPct: 53,
        noPct: 47,
        turnoutPct: 57,
        cast: 32_932,
        result: 'yes',
      });
    });
  });

  describe('people and opinion', () => {
    it("'office.changed': Streeting, then the RDC chairs, then James Murray from 15 May 2026", () => {
      const holders = final.surroundings.officeHolders.map((h) => [h.holder, h.since.slice(0, 10)]);
      expect(holders).toEqual([
        ['Wes Streeting', '2024-07-05'],
        ['Dr Melissa Ryan and Dr Ross Nieuwoudt (co-chairs)', '2025-04-09'],
        ['Dr Jack Fletcher', '2025-10-06'],
        ['James Murray', '2026-05-15'],
      ]);
    });

    it("'poll.published': YouGov, July 2025, 36% support and 49% oppose", () => {
      expect(final.surroundings.polls).toEqual([expect.objectContaining({ supportPct: 36, opposePct: 49 })]);
    });
  });
});
