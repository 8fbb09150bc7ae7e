import { html, nothing } from 'lit';
import type { Channel } from '../../domain/types.js';
import { actions, choices, heading, type LaterViewHost } from './view.js';

export function channelView(v: LaterViewHost) {
  const m = v.m.channel;
  const { ctx } = v;
  const preset = ctx.presetChannel !== null;
  return html`${heading(m.title)}
    ${
      preset
        ? nothing
        : choices<Channel>(v, {
            name: 'channel',
            legend: m.legend,
            options: [
              { value: 'online', label: m.online, hint: m.onlineHint },
              { value: 'shop', label: m.shop, hint: m.shopHint },
              { value: 'airport', label: m.airport, hint: m.airportHint },
            ],
            selected: ctx.channel,
            onSelect: (channel) => v.send({ type: 'user.channel.select', channel }),
            error: ctx.channel === null ? v.m.fieldErrors['channel-required'] : null,
          })
    }
    ${
      ctx.channel === 'shop'
        ? choices(v, {
            name: 'shop-path',
            legend: m.shopLegend,
            options: [
              { value: 'online', label: m.shopOnline },
              { value: 'visit', label: m.shopVisit },
            ],
            selected: ctx.shopPath,
            onSelect: (path) => v.send({ type: 'user.channel.shopPath', path }),
            error: ctx.shopPath === null ? v.m.fieldErrors['shop-path-required'] : null,
          })
        : nothing
    }
    ${actions(v, { label: v.m.nav.next, event: { type: 'user.next' } })}`;
}
