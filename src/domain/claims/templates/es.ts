// Claim descriptions in Spanish (EU accounts).
import type { ClaimTemplate } from '../description.js';

const units = (count: number) => `${count} ${count === 1 ? 'unidad' : 'unidades'}`;
const which = (products: number) => (products === 1 ? 'del producto siguiente' : `de ${products} productos`);

export const es: ClaimTemplate = {
  greeting: 'Hola:',
  request: {
    LOST: (count, products) =>
      `Solicito el reembolso de ${units(count)} ${which(products)} que su registro de inventario (Inventory Ledger) indica como perdidas o irrecuperables en sus centros logísticos. No se han encontrado ni reembolsado.`,
    DAMAGED: (count, products) =>
      `Solicito el reembolso de ${units(count)} ${which(products)} que su registro de inventario (Inventory Ledger) indica como dañadas en sus centros logísticos o por su transportista. No se han reembolsado.`,
    INBOUND: (count, products) =>
      `Solicito el reembolso de ${units(count)} ${which(products)} enviadas a su centro logístico pero no recibidas: los envíos siguientes están cerrados con menos unidades recibidas que enviadas.`,
    UNRETURNED: (count, products) =>
      `Solicito el reembolso de ${units(count)} ${which(products)} reembolsadas a los clientes pero nunca devueltas a sus centros logísticos.`,
    REMOVAL: (count, products) =>
      `Solicito el reembolso de ${units(count)} ${which(products)} que les pedí que me devolvieran con las órdenes de retirada siguientes y que nunca me llegaron: no se enviaron aunque la orden está completada, o el envío llegó incompleto.`,
  },
  product: (product, count) =>
    `${product.title ?? product.sku} (SKU ${product.sku}${product.fnsku ? `, FNSKU ${product.fnsku}` : ''}${product.asin ? `, ASIN ${product.asin}` : ''}): ${units(count)}`,
  evidence: {
    LOST: (line) =>
      `${line.date}: ${units(line.units)}, Reference ID ${line.reference ?? 'n/d'}${line.fulfillmentCenter ? `, centro ${line.fulfillmentCenter}` : ''}${line.reasonCode ? `, motivo ${line.reasonCode}` : ''}`,
    DAMAGED: (line) =>
      `${line.date}: ${units(line.units)}, Reference ID ${line.reference ?? 'n/d'}${line.fulfillmentCenter ? `, centro ${line.fulfillmentCenter}` : ''}${line.reasonCode ? `, motivo ${line.reasonCode}` : ''}`,
    INBOUND: (line) =>
      `Envío ${line.reference ?? 'n/d'}, cerrado el ${line.date}${line.fulfillmentCenter ? ` en ${line.fulfillmentCenter}` : ''}: faltan ${units(line.units)}${line.shipment ? ` (${line.shipment.quantityShipped} enviadas, ${line.shipment.quantityReceived} recibidas)` : ''}`,
    UNRETURNED: (line) =>
      `Pedido ${line.reference ?? 'n/d'}, reembolsado el ${line.date}: ${units(line.units)} no devueltas`,
    REMOVAL: (line) =>
      line.trackingNumber
        ? `Orden de retirada ${line.reference ?? 'n/d'}, envío ${line.trackingNumber}${line.carrier ? ` (${line.carrier})` : ''} enviado el ${line.date}: ${line.removal?.shipped ?? 'n/d'} enviadas, ${line.removal?.received ?? 'n/d'} recibidas, faltan ${units(line.units)}`
        : `Orden de retirada ${line.reference ?? 'n/d'}, completada el ${line.date}: ${line.removal?.requested ?? 'n/d'} solicitadas, ${line.removal?.cancelled ?? 0} canceladas, ${line.removal?.disposed ?? 0} eliminadas, ${line.removal?.shipped ?? 0} enviadas: ${units(line.units)} nunca enviadas`,
  },
  ask: {
    LOST: 'Les ruego que localicen estas unidades o que las reembolsen por su valor.',
    DAMAGED: 'Les ruego que reembolsen estas unidades por su valor.',
    INBOUND: 'Les ruego que revisen estos envíos y reembolsen las unidades no recibidas.',
    UNRETURNED: 'Les ruego que cobren a los clientes o reembolsen estas unidades por su valor.',
    REMOVAL: 'Les ruego que localicen estas unidades o las reembolsen por su valor.',
  },
  manufacturingCost:
    'Mi coste de fabricación de estos productos está registrado en Amazon en la página "Manage Your Manufacturing Cost" (Gestionar los costes de fabricación); desde el 10 de marzo de 2025 su política reembolsa a ese coste las unidades perdidas o dañadas antes de un pedido de cliente.',
  attachment: 'El archivo Excel adjunto detalla cada entrada anterior con su fecha, cantidad y referencia.',
  closing: 'Gracias,',
  underpaid: {
    request: (id, day) =>
      `Les pido que revisen el importe del reembolso ${id}, aprobado el ${day}: es inferior a lo que su política de reembolso prevé para estas unidades.`,
    paid: (count, perUnit, total) => `Pagaron ${perUnit} por unidad por ${units(count)} (${total}).`,
    basis: {
      MANUFACTURING_COST: (expected) =>
        `Mi coste de fabricación es de ${expected} por unidad, registrado en Amazon en la página "Manage Your Manufacturing Cost" (Gestionar los costes de fabricación); desde el 10 de marzo de 2025 su política reembolsa a ese coste las unidades perdidas o dañadas antes de un pedido de cliente.`,
      COST_UNKNOWN: () =>
        'Mi coste de fabricación está registrado en Amazon en la página "Manage Your Manufacturing Cost" (Gestionar los costes de fabricación).',
      SALE_PRICE: (expected) =>
        `El producto se vendió a ${expected} por unidad, el valor que su política pagaba antes del 10 de marzo de 2025.`,
      ORDER_PRICE_LESS_FEES: (expected, order) =>
        `El pedido ${order ?? 'n/d'} se vendió a ${expected} por unidad, descontadas sus tarifas; su política reembolsa una unidad perdida después de un pedido de cliente a ese precio menos las tarifas.`,
      ORDER_PRICE_FEES_UNKNOWN: (expected, order) =>
        `Al cliente se le reembolsaron ${expected} por unidad en el pedido ${order ?? 'n/d'}; su política reembolsa una unidad perdida después de un pedido de cliente al precio del pedido menos las tarifas.`,
    },
    shortfall: (amount) => `Al reembolso le faltan ${amount}.`,
    ask: 'Les ruego que revisen el importe de este reembolso y paguen la diferencia.',
    attachment:
      'El archivo Excel adjunto muestra la línea del reembolso, el pago esperado por unidad y las filas de las que procede.',
  },
};
