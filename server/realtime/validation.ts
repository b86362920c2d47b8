import type { z } from 'zod';

/** One readable line from a zod error: the first problem with its path. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const path = issue.path.length ? issue.path.map(String).join('.') : 'payload';
  return `${path}: ${issue.message}`;
}
