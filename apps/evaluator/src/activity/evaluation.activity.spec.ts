import { EvaluationActivity } from './evaluation.activity';

describe('EvaluationActivity', () => {
  it('counts requests, elements and refusals per bureau, then starts a new period', () => {
    const activity = new EvaluationActivity();
    expect(activity.takeReport()).toBeUndefined();
    activity.evaluated('MR', 3);
    activity.evaluated('DK', 50);
    activity.evaluated('DK', 1);
    activity.refused('DK', 'rate-limited');
    activity.refused(undefined, 'bad-request');
    const report = activity.takeReport();
    expect(report).toEqual({
      '??': { requests: 1, elements: 0, refused: { 'bad-request': 1 } },
      DK: { requests: 3, elements: 51, refused: { 'rate-limited': 1 } },
      MR: { requests: 1, elements: 3, refused: {} },
    });
    expect(Object.keys(report!)).toEqual(['??', 'DK', 'MR']);
    expect(activity.takeReport()).toBeUndefined();
  });
});
