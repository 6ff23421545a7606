import { describe, expect, it } from 'vitest';
import { startBanner } from '../../../infra/local/start-banner.js';

const STACK = {
  urls: {
    app: 'http://127.0.0.1:3000',
    mailViewer: 'http://127.0.0.1:8005',
    dynamodb: 'http://127.0.0.1:8000',
    ses: 'http://127.0.0.1:8005',
    s3: 'http://127.0.0.1:4569',
    stepFunctions: 'http://127.0.0.1:8083',
    smtp: 'smtp://127.0.0.1:2525',
  },
  redriven: 0,
};

describe('the npm start banner', () => {
  it('says how to get the deadline digest now, and where it lands', () => {
    const banner = startBanner(STACK, '.local-data');

    const digestLines = banner.split('\n').filter((line) => /digest|To get it now/.test(line));
    expect(digestLines.join('\n')).toContain('npm run -s dsr -- watch-deadlines');
    expect(digestLines.join('\n')).toContain('http://127.0.0.1:8005/');
  });

  it('lists the console and the mail viewer', () => {
    const banner = startBanner(STACK, '.local-data');

    expect(banner).toContain('http://127.0.0.1:3000/console');
    expect(banner).toContain('Mail viewer      http://127.0.0.1:8005/');
  });
});
