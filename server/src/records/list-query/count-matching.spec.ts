import { ESTIMATE_REUSE_MS, PlannerEstimates, totalFromPage } from './count-matching';

describe('PlannerEstimates', () => {
  const speaker = (id: number) => ({ sql: 'SELECT 1 FROM statements s WHERE s.speaker_id = $1', values: [id] });

  it('asks the planner once per query and values while the estimate is fresh, then again', async () => {
    let now = 1_000;
    const estimates = new PlannerEstimates(() => now);
    const explain = jest.fn(async () => 1_200);
    expect(await estimates.rows(speaker(7), explain)).toBe(1_200);
    now += ESTIMATE_REUSE_MS - 1;
    expect(await estimates.rows(speaker(7), explain)).toBe(1_200);
    expect(explain).toHaveBeenCalledTimes(1);
    now += 1;
    explain.mockResolvedValueOnce(1_300);
    expect(await estimates.rows(speaker(7), explain)).toBe(1_300);
    expect(explain).toHaveBeenCalledTimes(2);
  });

  it('keeps different values and different texts apart', async () => {
    const estimates = new PlannerEstimates(() => 0);
    expect(await estimates.rows(speaker(7), async () => 10)).toBe(10);
    expect(await estimates.rows(speaker(8), async () => 20)).toBe(20);
    expect(await estimates.rows({ sql: 'SELECT 1 FROM statements s WHERE s.stance_id = $1', values: [7] }, async () => 30)).toBe(30);
    expect(await estimates.rows(speaker(7), async () => -1)).toBe(10);
  });

  it('keeps nothing when the EXPLAIN fails', async () => {
    const estimates = new PlannerEstimates(() => 0);
    await expect(estimates.rows(speaker(7), () => Promise.reject(new Error('connection lost')))).rejects.toThrow('connection lost');
    expect(estimates.size).toBe(0);
    expect(await estimates.rows(speaker(7), async () => 5)).toBe(5);
  });

  it('stays bounded at 1,000 queries, forgetting the oldest', async () => {
    const estimates = new PlannerEstimates(() => 0);
    for (let id = 0; id < 1_100; id++) await estimates.rows(speaker(id), async () => id);
    expect(estimates.size).toBe(1_000);
    expect(await estimates.rows(speaker(0), async () => -1)).toBe(-1);
    expect(await estimates.rows(speaker(1_099), async () => -1)).toBe(1_099);
  });
});

describe('totalFromPage', () => {
  it('is the total when a page is shorter than asked, and unknown otherwise', () => {
    expect(totalFromPage(0, 25, 7)).toBe(7);
    expect(totalFromPage(0, 25, 0)).toBe(0);
    expect(totalFromPage(50, 25, 3)).toBe(53);
    expect(totalFromPage(50, 25, 25)).toBeUndefined();
    expect(totalFromPage(500, 25, 0)).toBeUndefined();
  });
});
