// What the dashboard hears from the server (graphql-ws), turned into "this view's data is stale": each view reads
// again when its counter moves, so every open tab shows what changed without a reload.
import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type Document, onReconnected, request, subscribe } from './api.js';
import type { DeadlineAlertsSubscription } from './gql/graphql.js';
import { graphql } from './gql/index.js';

export const missingVersion = signal(0);
export const casesVersion = signal(0);
export const importsVersion = signal(0);
/** How many times the socket came back: a view that follows a subscription of its own reads again then. */
export const reconnections = signal(0);

export type DeadlineAlert = DeadlineAlertsSubscription['deadlineApproaching'];
export const deadlineAlerts = signal<DeadlineAlert[]>([]);

const CASE_UPDATES = graphql(`subscription CaseUpdates { caseUpdated { kind caseId } }`);
const MISSING_CHANGES = graphql(`subscription MissingChanges { missingChanged { skus } }`);
const DEADLINE_ALERTS = graphql(`subscription DeadlineAlerts { deadlineApproaching { sku type units deadline } }`);

/** Listens for the account's changes while the dashboard is open; returns the function that stops listening. */
export function listen(): () => void {
  onReconnected(() => {
    missingVersion.value++;
    casesVersion.value++;
    importsVersion.value++;
    reconnections.value++;
  });
  const stops = [
    subscribe(CASE_UPDATES, {}, () => {
      casesVersion.value++;
      missingVersion.value++;
    }),
    subscribe(MISSING_CHANGES, {}, () => {
      missingVersion.value++;
      importsVersion.value++;
    }),
    subscribe(DEADLINE_ALERTS, {}, ({ deadlineApproaching }) => {
      const others = deadlineAlerts.value.filter(
        (alert) => alert.sku !== deadlineApproaching.sku || alert.type !== deadlineApproaching.type,
      );
      deadlineAlerts.value = [...others, deadlineApproaching];
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
}

/** Runs a query, and again whenever one of `dependencies` (variables, live counters) changes. */
export function useQuery<Result, Variables>(
  document: Document<Result, Variables>,
  variables: Variables,
  dependencies: unknown[],
): Loaded<Result> {
  const [state, setState] = useState<Loaded<Result>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    request(document, variables).then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) =>
        current &&
        setState((previous) => ({
          data: previous.data,
          error: error instanceof ApiError ? error.message : String(error),
          loading: false,
        })),
    );
    return () => {
      current = false;
    };
    // The caller names what the query depends on.
  }, dependencies);
  return state;
}
