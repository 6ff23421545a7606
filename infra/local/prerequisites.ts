import { spawnSync } from 'node:child_process';

/** A prerequisite is missing; the message says in one line what to install. */
export class MissingPrerequisiteError extends Error {
  override readonly name = 'MissingPrerequisiteError';
}

const MIN_NODE_MAJOR = 20;
const MIN_JAVA_MAJOR = 17;

/** The major version in `java -version` output: `openjdk version "17.0.15"` or `"1.8.0_392"`. */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** Checks Node.js and Java before anything starts, so a newcomer gets one clear line, not a stack trace. */
export function checkPrerequisites(nodeVersion = process.versions.node): void {
  const nodeMajor = Number(nodeVersion.split('.')[0]);
  if (nodeMajor < MIN_NODE_MAJOR) {
    throw new MissingPrerequisiteError(
      `Node.js ${MIN_NODE_MAJOR} or newer is required (found ${nodeVersion}): install it from https://nodejs.org or with your package manager.`,
    );
  }
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new MissingPrerequisiteError(
      `Java ${MIN_JAVA_MAJOR} or newer is required for DynamoDB Local and was not found: install it, e.g. "apt-get install -y openjdk-17-jre-headless".`,
    );
  }
  const major = javaMajorVersion(`${java.stderr}${java.stdout}`);
  if (major === undefined || major < MIN_JAVA_MAJOR) {
    throw new MissingPrerequisiteError(
      `Java ${MIN_JAVA_MAJOR} or newer is required for DynamoDB Local (found ${major ?? 'an unknown version'}): install e.g. "apt-get install -y openjdk-17-jre-headless".`,
    );
  }
}
