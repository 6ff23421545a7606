import { describe, expect, it } from 'vitest';
import { javaMajorVersion } from '../../../infra/local/prerequisites.js';

describe('javaMajorVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['java version "1.8.0_392"', 8],
    ['openjdk version "21" 2023-09-19', 21],
    ['openjdk version "11.0.2" 2019-01-15\nOpenJDK Runtime Environment 18.9 (build 11.0.2+9)', 11],
    ['Picked up JAVA_TOOL_OPTIONS: -Xmx1g\nopenjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "25-ea" 2025-09-16', 25],
  ])('returns the major version when the output is %j', (output, major) => {
    // Act
    const result = javaMajorVersion(output);
    // Assess
    expect(result).toBe(major);
  });

  it.each(['', 'garbage', 'bash: java: command not found', 'version 17', 'openjdk version "abc"'])(
    'returns undefined when the output is %j',
    (output) => {
      expect(javaMajorVersion(output)).toBeUndefined();
    },
  );
});
