import { z } from 'zod';
import { defineLifecycle } from './lifecycle';

/**
 * Status of a project: idea → proposed → approved → running → completed, plus rejected, paused
 * and discontinued.
 */
export const ProjectStatus = z.enum([
  'idea',
  'proposed',
  'approved',
  'running',
  'completed',
  'rejected',
  'paused',
  'discontinued',
]);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

/** Allowed project status transitions. Approval additionally needs a decision of a deciding body. */
export const PROJECT_LIFECYCLE = defineLifecycle<ProjectStatus>('project', {
  idea: ['proposed', 'discontinued'],
  proposed: ['approved', 'rejected', 'idea', 'discontinued'],
  approved: ['running', 'discontinued'],
  running: ['completed', 'paused', 'discontinued'],
  paused: ['running', 'discontinued'],
  completed: [],
  rejected: ['proposed'],
  discontinued: [],
});
