// Needs, matches, partnership requests and the notification feed for the signed-in organisation.
// Uses portal.js's helpers (api, el, vnd) when called, after both scripts have loaded.
const send = (method, path, token, body) => fetch(path, {
  method, headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
  body: body ? JSON.stringify(body) : undefined,
}).then(async r => r.ok ? (r.status === 204 ? null : r.json()) : Promise.reject(new Error((await r.json().catch(() => ({}))).detail ?? `${r.status} ${path}`)));

const statusVi = { requested: 'chờ trả lời', accepted: 'đã chấp nhận', declined: 'đã từ chối', withdrawn: 'đã rút', expired: 'hết hạn', contracted: 'đã ký hợp đồng' };

function matchCard(m, token, side) {
  const p = m.product, n = m.need;
  const head = side === 'buyer'
    ? el('h3', {}, `${p.nameVi}`) : el('h3', {}, `${n.title}`);
  const who = side === 'buyer'
    ? `${p.supplierName} — ${[p.craftVillage, p.district].filter(Boolean).join(', ')} · ${p.distanceKm.toFixed(1)} km`
    : `${n.retailerName} — ${n.quantityPerMonth.toLocaleString('vi-VN')} ${n.unit}/tháng, giao ${n.deliveryDistrict} · sản phẩm: ${p.nameVi}`;
  const item = el('li', {}, head, el('div', { className: 'meta' }, who),
    el('div', { className: 'meta' }, `Điểm ${(m.score * 100).toFixed(0)}/100 · ${vnd(p.unitPriceVnd)}/${p.unit}`),
    el('ul', { className: 'reasons' }, ...m.reasons.map(r => el('li', {}, '✓ ' + r)), ...m.misses.map(r => el('li', { className: 'miss' }, '✗ ' + r))));
  if (side === 'buyer') {
    const button = el('button', { textContent: 'Đề nghị hợp tác' });
    button.onclick = async () => {
      const message = prompt('Lời nhắn cho nhà cung cấp', 'Chúng tôi muốn hợp tác cung ứng hàng tháng.');
      if (message === null) return;
      try {
        await send('POST', '/api/matching/partnerships', token, { matchId: m.id, supplierId: p.supplierId,
          products: [{ productId: p.id, monthlyVolume: n.quantityPerMonth }], message });
        button.replaceWith(el('span', { className: 'badge' }, 'Đã gửi đề nghị'));
        await showPartnerships(token, 'buyer');
      } catch (e) { alert(e.message); }
    };
    item.append(button);
  }
  return item;
}

function partnershipCard(p, token, side) {
  const other = side === 'buyer' ? p.supplier.name : p.buyer.name;
  const products = p.products.map(x => `${x.nameVi}: ${x.monthlyVolume.toLocaleString('vi-VN')} ${x.unit}/tháng × ${vnd(x.unitPriceVnd)}`).join('; ');
  const item = el('li', {}, el('h3', {}, other), el('div', { className: 'meta' }, products),
    el('div', { className: 'meta' }, `${p.needTitle ?? ''} · giao ${p.delivery.name} · ${statusVi[p.status] ?? p.status}`),
    ...(p.message ? [el('p', {}, `“${p.message}”`)] : []), ...(p.declineReason ? [el('p', { className: 'miss' }, `Lý do: ${p.declineReason}`)] : []));
  const act = (label, path, body) => { const b = el('button', { textContent: label }); b.onclick = async () => {
    const payload = body?.(); if (payload === null) return;
    try { await send('POST', `/api/matching/partnerships/${p.id}/${path}`, token, payload); await showPartnerships(token, side); } catch (e) { alert(e.message); }
  }; return b; };
  if (p.status === 'requested' && side === 'supplier')
    item.append(act('Chấp nhận', 'accept'), act('Từ chối', 'decline', () => { const reason = prompt('Lý do từ chối'); return reason ? { reason } : null; }));
  if (p.status === 'requested' && side === 'buyer') item.append(act('Rút đề nghị', 'withdraw', () => ({})));
  if (p.agreementNumber || p.agreementStatus) item.append(el('div', { className: 'meta' },
    `Hợp đồng ${p.agreementNumber ?? ''}: ${agreementStatusVi[p.agreementStatus] ?? p.agreementStatus ?? ''}`));
  if (p.agreementId) item.append(agreementButton(p.agreementId, token));
  return item;
}

async function showPartnerships(token, side) {
  const page = await api(`/api/matching/partnerships?side=${side}&pageSize=50`, token);
  document.getElementById('partnership-list').replaceChildren(...page.items.map(p => partnershipCard(p, token, side)));
  document.getElementById('partnerships').hidden = false;
}

async function showNeeds(token) {
  const needs = await api('/api/needs/mine?status=open&pageSize=20', token);
  const sections = await Promise.all(needs.items.map(async n => {
    // Matching learns of a need from NeedPosted a moment after it opens; until then it answers 404.
    const matches = await api(`/api/matching/needs/${n.id}/matches?pageSize=10`, token).catch(() => ({ items: [], total: 0 }));
    return el('div', {}, el('h3', {}, `${n.title} — ${n.quantityPerMonth.toLocaleString('vi-VN')} ${n.unit}/tháng, giao ${n.delivery.district}`),
      el('ul', { className: 'cards' }, ...matches.items.map(m => matchCard(m, token, 'buyer'))),
      ...(matches.total === 0 ? [el('p', { className: 'meta' }, 'Chưa có sản phẩm đáp ứng mọi yêu cầu bắt buộc.')] : []));
  }));
  document.getElementById('need-list').replaceChildren(...sections);
  document.getElementById('needs').hidden = false;
}

async function showDemand(token) {
  const matches = await api('/api/matching/matches?pageSize=20', token);
  document.getElementById('demand-list').replaceChildren(...matches.items.map(m => matchCard(m, token, 'supplier')));
  document.getElementById('demand').hidden = false;
}

async function showFeed(token) {
  const feed = await api('/api/matching/notifications?pageSize=10', token);
  document.getElementById('feed-list').replaceChildren(...feed.items.map(n => el('li', { className: n.readAt ? '' : 'unread' },
    el('strong', {}, n.title), ' ', el('span', { className: 'meta' }, new Date(n.createdAt).toLocaleString('vi-VN')), el('div', {}, n.body),
    ...(n.agreementId ? [agreementButton(n.agreementId, token)] : []))));
  document.getElementById('feed').hidden = false;
}

async function showMatching(claims, token) {
  const steps = [showFeed(token)];
  if (claims.org_kind === 'retailer') steps.push(showNeeds(token), showPartnerships(token, 'buyer'));
  if (claims.org_kind === 'supplier') steps.push(showDemand(token), showPartnerships(token, 'supplier'));
  await Promise.all(steps);
}
