// Configure by properties (objects) and listen to the wizard's events, as any host page would.
const wizard = document.querySelector('esim-renewal-wizard')!;
wizard.profile = {
  brandName: 'Example Travel eSIM',
  support: {
    email: 'help@example.com',
    phone: '+81 3-0000-0000',
    chats: [{ app: 'LINE', url: 'https://line.me/R/ti/p/@example' }],
  },
  links: { terms: 'https://example.com/terms', refunds: 'https://example.com/refunds', privacy: 'https://example.com/privacy' },
};
const log = document.getElementById('log')!;
for (const type of ['esim-step-change', 'esim-renewal-complete', 'esim-error'] as const) {
  wizard.addEventListener(type, (e) => {
    const li = document.createElement('li');
    li.textContent = `${type} ${JSON.stringify(e.detail)}`;
    log.append(li);
  });
}
