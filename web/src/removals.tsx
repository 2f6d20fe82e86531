// Removal shipments waiting for the seller's receipt (docs/rules.md section 10): only the seller knows what arrived,
// and a shipment short of what Amazon shipped is REMOVAL units lost in transit. The last 75 days, newest first.
import { useState } from 'preact/hooks';
import { ApiError, refusalOf, request } from './api.js';
import type { AwaitingReceiptQuery } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import { day, number, t } from './i18n.js';
import { missingVersion, useQuery } from './live.js';

const WAITING = graphql(`query AwaitingReceipt {
  removalShipments(awaitingReceipt: true, first: 20) {
    edges { node { orderId trackingNumber carrier shipmentDate product { sku title } shippedUnits } }
  }
}`);

type Shipment = AwaitingReceiptQuery['removalShipments']['edges'][number]['node'];

const RECORD = graphql(`mutation RecordRemovalReceipt($input: RemovalReceiptInput!) {
  recordRemovalReceipt(input: $input) { __typename ... on Error { code message } }
}`);

function ShipmentRow({ shipment }: { shipment: Shipment }) {
  const [units, setUnits] = useState(String(shipment.shippedUnits));
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const label = `${shipment.product.sku} ${shipment.trackingNumber}`;

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      const input = {
        orderId: shipment.orderId,
        trackingNumber: shipment.trackingNumber,
        sku: shipment.product.sku,
        receivedUnits: Number(units),
      };
      const result = await request(RECORD, { input });
      if (result.recordRemovalReceipt.__typename === 'RecordRemovalReceiptSuccess') missingVersion.value++;
      else setError(refusalOf(result.recordRemovalReceipt));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <tr data-tracking={shipment.trackingNumber}>
      <th scope="row">
        <span class="sku" translate={false}>
          {shipment.product.sku}
        </span>
        {shipment.product.title && (
          <span class="title" translate={false}>
            {shipment.product.title}
          </span>
        )}
      </th>
      <td data-label={t('removalOrder')}>
        <span class="nowrap" translate={false}>
          {shipment.orderId}
        </span>
      </td>
      <td data-label={t('removalTracking')}>
        <span translate={false}>
          <span class="nowrap">{shipment.trackingNumber}</span>
          {shipment.carrier && <small> {shipment.carrier}</small>}
        </span>
      </td>
      <td data-label={t('removalShipped')}>
        <time dateTime={shipment.shipmentDate}>{day(shipment.shipmentDate)}</time>
      </td>
      <td class="number" data-label={t('removalShippedUnits')}>
        {number(shipment.shippedUnits)}
      </td>
      <td data-label={t('removalReceived')}>
        <form class="receipt" onSubmit={save}>
          <input
            type="number"
            min={0}
            max={shipment.shippedUnits}
            step={1}
            inputMode="numeric"
            required
            value={units}
            aria-label={t('removalReceivedFor', { shipment: label })}
            onInput={(event) => setUnits(event.currentTarget.value)}
          />
          <button type="submit" class="primary small" disabled={saving}>
            {t('removalSave')}
          </button>
          {error && (
            <span class="error" role="alert">
              {error}
            </span>
          )}
        </form>
      </td>
    </tr>
  );
}

/** Nothing when no shipment waits; else a table where each receipt is entered and saved on its own. */
export function RemovalReceipts() {
  const waiting = useQuery(WAITING, {}, [missingVersion.value]);
  const shipments = waiting.data?.removalShipments.edges.map((edge) => edge.node) ?? [];
  if (shipments.length === 0) return null;
  return (
    <section class="card removal-receipts" aria-labelledby="removal-receipts-title">
      <h2 id="removal-receipts-title">{t('removalWaitingTitle')}</h2>
      <p class="muted">{t('removalWaitingHelp')}</p>
      <div class="table-wrap">
        <table class="receipts stack">
          <thead>
            <tr>
              <th scope="col">{t('product')}</th>
              <th scope="col">{t('removalOrder')}</th>
              <th scope="col">{t('removalTracking')}</th>
              <th scope="col">{t('removalShipped')}</th>
              <th scope="col" class="number">
                {t('removalShippedUnits')}
              </th>
              <th scope="col">{t('removalReceived')}</th>
            </tr>
          </thead>
          <tbody>
            {shipments.map((shipment) => (
              <ShipmentRow
                key={`${shipment.orderId} ${shipment.trackingNumber} ${shipment.product.sku}`}
                shipment={shipment}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
