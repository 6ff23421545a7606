import { describe, expect, it } from 'vitest';
import { recognitionFigures } from '../../../bench/recognition-bench.js';

describe('recognitionFigures', () => {
  it('reports the corpus size, accuracies and a positive throughput', async () => {
    const figures = await recognitionFigures({ minimumPasses: 1, minimumMillis: 0 });

    expect(figures.messages).toBeGreaterThanOrEqual(100);
    expect(figures.exactTypeAccuracy).toBeGreaterThan(0.9);
    expect(figures.languageAccuracy).toBeGreaterThan(0.9);
    expect(figures.nonRequestsStartedAsCases).toBe(0);
    expect(figures.messagesPerSecond).toBeGreaterThan(0);
  });
});
