/**
 * The standalone wizard page. Query parameters pick demo inputs without code:
 * `?scenario=delayed` (activation on the demo provider) and `?channel=airport`.
 */
import './define.js';

const wizard = document.querySelector('esim-renewal-wizard');
const params = new URLSearchParams(location.search);
const scenario = params.get('scenario');
const channel = params.get('channel');
if (wizard && scenario) wizard.setAttribute('demo-scenario', scenario);
if (wizard && channel) wizard.setAttribute('channel', channel);
