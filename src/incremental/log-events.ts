import { z } from 'zod';

/**
 * The few fields of a tenant log event the incremental plan reads. Everything else is passthrough and never
 * kept: a `sapi` event carries request and response bodies, which may hold secrets.
 */
export const logEventSchema = z.looseObject({
  log_id: z.string().regex(/^\d+$/, 'a log id is a string of digits'),
  type: z.string().min(1),
  date: z.string().optional(),
  user_id: z.string().optional(),
  details: z
    .looseObject({
      request: z
        .looseObject({
          method: z.string().optional(),
          path: z.string().optional(),
          body: z.unknown().optional(),
        })
        .nullish(),
      response: z.looseObject({ statusCode: z.number().optional() }).nullish(),
    })
    .nullish(),
});

export interface LogEvent {
  logId: string;
  type: string;
  date?: string;
  /** The user an event is about (`du`: a user deleted). */
  userId?: string;
  method?: string;
  path?: string;
  status?: number;
  /** `roles` of a `/users/{id}/roles` body: the only part of a body the plan uses. */
  bodyRoles?: string[];
}

/** One event as the plan needs it; `undefined` for an event that does not have the shape of a log event. */
export function toLogEvent(raw: unknown): LogEvent | undefined {
  const parsed = logEventSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  const request = e.details?.request ?? undefined;
  const body = request?.body;
  const roles = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)['roles'] : undefined;
  const status = e.details?.response?.statusCode;
  return {
    logId: e.log_id,
    type: e.type,
    ...(e.date === undefined ? {} : { date: e.date }),
    ...(e.user_id === undefined ? {} : { userId: e.user_id }),
    ...(request?.method === undefined ? {} : { method: request.method.toLowerCase() }),
    ...(request?.path === undefined ? {} : { path: request.path }),
    ...(status === undefined ? {} : { status }),
    ...(Array.isArray(roles) && roles.every((r) => typeof r === 'string') ? { bodyRoles: roles as string[] } : {}),
  };
}

/** Log ids are digit strings too long for a double: a longer one is newer, equal lengths compare as text. */
export function compareLogIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}
