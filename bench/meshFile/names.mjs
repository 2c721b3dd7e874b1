// The names and values the generated mesh file draws from.

export const NAMESPACES = [
  'payments', 'orders', 'catalog', 'checkout', 'shipping', 'inventory',
  'identity', 'search', 'notifications', 'analytics', 'billing', 'storefront',
];
export const APPS = [
  'api', 'worker', 'ledger', 'gateway', 'reconciler', 'scheduler', 'indexer',
  'pricing', 'quotes', 'profile', 'sessions', 'webhooks', 'exporter', 'reports',
  'cart', 'tax', 'fraud', 'refunds', 'mailer', 'sms',
];
export const EXTERNAL_HOSTS = [
  'api.razorpay.com', 'api.stripe.com', 'sqs.ap-south-1.amazonaws.com',
  'secretsmanager.ap-south-1.amazonaws.com', 'api.sendgrid.com', 'hooks.slack.com',
  'oauth2.googleapis.com', 'api.twilio.com',
];
export const ENV_VALUES = [
  () => 'info',
  (ns, rnd) => `http://${rnd.pick(APPS)}.${ns}.svc.cluster.local:80/v1`,
  (ns, rnd) => `postgres://${ns}-db.${ns}.svc.cluster.local:5432/${ns}?pool=${rnd.int(5, 40)}`,
  () => 'fast-checkout,upi-autopay,cod-disabled',
  () => 'ap-south-1',
];
export const LB_POLICIES = ['ROUND_ROBIN', 'LEAST_REQUEST', 'RANDOM', 'PASSTHROUGH'];
export const RETRY_ON = ['5xx,connect-failure,refused-stream', 'gateway-error,reset', 'retriable-4xx,5xx'];
