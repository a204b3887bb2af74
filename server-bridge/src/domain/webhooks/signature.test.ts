import {createHmac} from 'node:crypto';
import {signWebhook, verifyWebhook} from './signature';

// The signature scheme as README "Webhooks" documents it: v1= hex
// HMAC-SHA256 over "<timestamp>.<body>"; a receiver also refuses a timestamp
// more than five minutes away. (notices/webhookDelivery.test.ts checks real
// deliveries with openssl, an implementation independent of this one.)

const secret = 'whsec_example';
const body = '{"schemaVersion":1,"type":"task.created"}';

describe('webhook signatures', () => {
  it('is HMAC-SHA256 of timestamp, a dot and the body, in hex after v1=', () => {
    expect(signWebhook(secret, 1795000000, body)).toBe(`v1=${createHmac('sha256', secret).update(`1795000000.${body}`).digest('hex')}`);
  });

  it('verifies an intact delivery within five minutes, and nothing else', () => {
    const signature = signWebhook(secret, 1795000000, body);
    expect(verifyWebhook(secret, {timestamp: '1795000000', signature}, body, 1795000000 + 300)).toBe(true);
    expect(verifyWebhook(secret, {timestamp: '1795000000', signature}, body, 1795000000 + 301)).toBe(false);
    expect(verifyWebhook(secret, {timestamp: '1795000001', signature}, body, 1795000000)).toBe(false);
    expect(verifyWebhook(secret, {timestamp: '1795000000', signature}, body.replace('created', 'updated'), 1795000000)).toBe(false);
    expect(verifyWebhook('whsec_other', {timestamp: '1795000000', signature}, body, 1795000000)).toBe(false);
    expect(verifyWebhook(secret, {timestamp: 'soon', signature}, body, 1795000000)).toBe(false);
  });
});
