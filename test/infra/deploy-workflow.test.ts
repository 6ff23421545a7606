import { readFileSync } from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROD_REQUIRED_SETTINGS, SETTING_SOURCES, stackNames } from '../../infra/settings.js';

const WORKFLOW_FILE = new URL('../../.github/workflows/deploy.yml', import.meta.url);
const source = readFileSync(WORKFLOW_FILE, 'utf8');

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly needs?: string | string[];
  readonly if?: string;
  readonly environment?: string | { name: string };
  readonly permissions?: Record<string, string>;
  readonly steps: Step[];
}
const workflow = parse(source) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  env: Record<string, string>;
  jobs: Record<string, Job>;
};
const jobs = workflow.jobs;
const needs = (job: Job): string[] => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);
const runs = (job: Job): string => job.steps.map((step) => step.run ?? '').join('\n');

describe('.github/workflows/deploy.yml', () => {
  it('passes the workflow linter (action-validator: GitHub Actions schema, globs, job references)', () => {
    expect(validateWorkflow(source).errors).toEqual([]);
  });

  it('is checked by a linter that does find mistakes', () => {
    const broken = source.replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest');
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it('goes test → synth (with cdk-nag) → diff on pull requests / approved deploy on main', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(runs(jobs.test as Job)).toContain('npm test');
    expect(needs(jobs.synth as Job)).toEqual(['test']);
    expect(runs(jobs.synth as Job)).toContain('npm run synth');
    expect(needs(jobs.diff as Job)).toEqual(['synth']);
    expect(jobs.diff?.if).toContain("github.event_name == 'pull_request'");
    expect(runs(jobs.diff as Job)).toMatch(/cdk diff/);
    expect(needs(jobs.deploy as Job)).toEqual(['synth']);
    expect(jobs.deploy?.if).toContain("github.event_name != 'pull_request'");
    expect(jobs.deploy?.if).toContain("refs/heads/main");
  });

  it('waits for a person in the production environment before deploying', () => {
    const environment = jobs.deploy?.environment;
    expect(typeof environment === 'string' ? environment : environment?.name).toBe('production');
  });

  it('reaches AWS through OIDC only: id-token for the AWS jobs, no access keys anywhere', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const name of ['diff', 'deploy']) {
      const job = jobs[name] as Job;
      expect(job.permissions, name).toEqual({ contents: 'read', 'id-token': 'write' });
      const credentials = job.steps.find((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
      expect(credentials?.with?.['role-to-assume'], name).toMatch(/^\$\{\{ vars\.DSR_PROD_\w+_ROLE_ARN \}\}$/);
    }
    expect(source).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/);
    expect(jobs.test?.permissions?.['id-token']).toBeUndefined();
  });

  it('deploys the assembly it synthesized and checked, both prod stacks, regional first', () => {
    const deploy = jobs.deploy as Job;
    expect(deploy.steps.some((step) => step.uses?.startsWith('actions/download-artifact@'))).toBe(true);
    const names = stackNames('prod');
    const commands = runs(deploy).split('\n').filter((line) => line.includes('cdk deploy'));
    expect(commands).toHaveLength(2);
    expect(commands[0]).toContain('--app cdk.out');
    expect(commands[0]).toContain(names.main);
    expect(commands[1]).toContain(names.edge);
  });

  it('gives the synth every setting prod requires, as the stage prod', () => {
    expect(workflow.env.DSR_STAGE).toBe('prod');
    for (const name of PROD_REQUIRED_SETTINGS) {
      expect(workflow.env, name).toHaveProperty([SETTING_SOURCES[name].env]);
    }
  });

  it('runs on Node 20', () => {
    for (const job of Object.values(jobs)) {
      const node = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
      expect(node?.with?.['node-version']).toBe(20);
    }
  });
});
