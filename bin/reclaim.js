#!/usr/bin/env -S node --max-semi-space-size=64
// Runs the TypeScript sources directly (tsx): a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
