import { html } from 'lit';
import { actions, heading, type LaterViewHost } from './view.js';
import { restartButton } from './later-helpers.js';

/** The end of the shop path: what to bring, what to say, and the way back. */
export function shopVisitView(v: LaterViewHost) {
  const m = v.m.shopVisit;
  return html`${heading(m.title)}
    <p>${m.intro}</p>
    <h3>${m.bringTitle}</h3>
    <ul>
      ${m.bring.map((item) => html`<li>${item}</li>`)}
    </ul>
    <p class="panel tip">${m.residentsOnly}</p>
    <h3>${m.sayTitle}</h3>
    <p class="hint">${m.sayHint}</p>
    ${m.phrases.map(
      (p) => html`<div class="panel">
        <p class="phrase" lang="ja">${p.ja}</p>
        <p class="hint">${p.meaning}</p>
      </div>`,
    )}
    <p class="panel tip">${m.backupTip}</p>
    ${actions(v, null, restartButton(v))}`;
}
