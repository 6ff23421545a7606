import { describe, expect, it } from 'vitest';
import { recognitionFigures, recognitionLines } from '../../../bench/recognition-bench.js';

describe('recognitionFigures', () => {
  it('reports both parts of the corpus, their accuracies and a positive throughput', async () => {
    const figures = await recognitionFigures({ minimumPasses: 1, minimumMillis: 0 });

    expect(figures.tuning.messages).toBeGreaterThanOrEqual(300);
    expect(figures.sealed.messages).toBeGreaterThanOrEqual(150);
    expect(figures.tuning.exactTypeAccuracy).toBeGreaterThan(0.9);
    expect(figures.sealed.exactTypeAccuracy).toBeGreaterThan(0.9);
    expect(figures.sealed.languageAccuracy).toBeGreaterThan(0.9);
    expect(figures.sealed.nonRequestsStartedAsCases).toBe(0);
    expect(figures.messagesPerSecond).toBeGreaterThan(0);
    expect(recognitionLines('sealed', figures.sealed).join('\n')).toContain(`exact type sets ${figures.sealed.exactTypeAccuracy.toFixed(3)}`);
  });
});
