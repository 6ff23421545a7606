import { describe, expect, it } from 'vitest';
import { emfCountsDocument, emfCountsLine } from '../../../functions/domain/deadline-watch/emf.js';

const at = new Date('2026-12-01T06:00:00.000Z');
const counts = { OverdueRequests: 2, RequestsDueWithin2WorkingDays: 5 };

describe('emfCountsDocument', () => {
  it('follows the EMF document structure: metadata with timestamp and one directive', () => {
    expect(emfCountsDocument(counts, at)).toEqual({
      _aws: {
        Timestamp: at.getTime(),
        CloudWatchMetrics: [
          {
            Namespace: 'ObosNaerkontor/Dsr',
            Dimensions: [[]],
            Metrics: [
              { Name: 'OverdueRequests', Unit: 'Count' },
              { Name: 'RequestsDueWithin2WorkingDays', Unit: 'Count' },
            ],
          },
        ],
      },
      OverdueRequests: 2,
      RequestsDueWithin2WorkingDays: 5,
    });
  });

  it('has a numeric root member for every metric the directive names (the spec’s target members)', () => {
    const document = emfCountsDocument(counts, at);

    for (const directive of document._aws.CloudWatchMetrics) {
      for (const metric of directive.Metrics) expect(typeof document[metric.Name]).toBe('number');
    }
  });

  it('refuses a value CloudWatch would drop', () => {
    expect(() => emfCountsDocument({ ...counts, OverdueRequests: Number.NaN }, at)).toThrow(RangeError);
  });
});

describe('emfCountsLine', () => {
  it('is a single line of JSON with nothing before or after it', () => {
    const line = emfCountsLine(counts, at);

    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(emfCountsDocument(counts, at));
  });
});
