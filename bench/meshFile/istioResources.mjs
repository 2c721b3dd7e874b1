// Istio resources of the generated mesh file, consistent with the workloads: every route's
// subset is declared in a DestinationRule, every gateway a route names exists.
import { APPS, LB_POLICIES, NAMESPACES, RETRY_ON } from './names.mjs';

export function namespaceDefaults(w, rnd, ns) {
  const paMistake = w.mistakeFor('PeerAuthentication', 'default') >= 0;
  w.doc('PeerAuthentication', [
    '# Mesh-wide mTLS for the namespace; plaintext is refused.',
    'apiVersion: security.istio.io/v1',
    'kind: PeerAuthentication',
    'metadata:',
    '  name: default',
    `  namespace: ${ns}`,
    'spec:',
    '  mtls:',
    `    mode: ${paMistake ? 'STRICTT' : 'STRICT'}`,
  ]);
  w.doc('Sidecar', [
    '# Limit what the proxies here learn about: own namespace, istio-system, and shared egress.',
    'apiVersion: networking.istio.io/v1',
    'kind: Sidecar',
    'metadata:',
    '  name: default',
    `  namespace: ${ns}`,
    'spec:',
    '  egress:',
    '    - hosts:',
    '        - "./*"',
    '        - "istio-system/*"',
    '        - "shared-egress/*"',
    '  outboundTrafficPolicy:',
    `    mode: ${rnd.chance(0.7) ? 'REGISTRY_ONLY' : 'ALLOW_ANY'}`,
  ]);
  w.doc('Gateway', [
    `# Public ingress for ${ns}, TLS terminated at the ingress gateway.`,
    'apiVersion: networking.istio.io/v1',
    'kind: Gateway',
    'metadata:',
    `  name: ${ns}-gateway`,
    `  namespace: ${ns}`,
    'spec:',
    '  selector:',
    '    istio: ingressgateway',
    '  servers:',
    '    - port:',
    '        number: 443',
    '        name: https',
    '        protocol: HTTPS',
    '      tls:',
    '        mode: SIMPLE',
    `        credentialName: ${ns}-tls`,
    '      hosts:',
    `        - "*.${ns}.shop.example.in"`,
    '    - port:',
    '        number: 80',
    '        name: http',
    '        protocol: HTTP',
    '      tls:',
    '        httpsRedirect: true',
    '      hosts:',
    `        - "*.${ns}.shop.example.in"`,
  ]);
}

export function virtualService(w, rnd, ns, app, versions) {
  const host = `${app}.${ns}.svc.cluster.local`;
  const which = w.mistakeFor('VirtualService', app);
  const lines = [
    `# Routing for ${app}: canary by header, weighted split otherwise.`,
    'apiVersion: networking.istio.io/v1',
    'kind: VirtualService',
    'metadata:',
    `  name: ${app}`,
    `  namespace: ${ns}`,
    'spec:',
    '  hosts:',
    `    - ${host}`,
  ];
  const exposed = rnd.chance(0.3);
  if (exposed) {
    lines.push(`    - "${app}.${ns}.shop.example.in"`, '  gateways:', '    - mesh', `    - ${ns}-gateway`);
  }
  lines.push(
    '  http:',
    '    - name: canary',
    '      match:',
    '        - headers:',
    '            x-canary:',
    '              exact: "true"',
    `          uri:`,
    `            prefix: /${app}/`,
    '      route:',
    '        - destination:',
    `            host: ${host}`,
    `            subset: ${versions[versions.length - 1]}`,
    '            port:',
    '              number: 80',
    `      ${which === 7 ? 'timout' : 'timeout'}: ${rnd.int(2, 15)}s`,
    '      retries:',
    `        ${which === 61 ? 'attempt' : 'attempts'}: ${rnd.int(1, 4)}`,
    `        perTryTimeout: ${rnd.int(1, 3)}s`,
    `        retryOn: ${rnd.pick(RETRY_ON)}`,
    '    - name: default',
    '      route:',
  );
  let left = 100;
  versions.forEach((v, i) => {
    const weight = i === versions.length - 1 ? left : Math.min(left, rnd.int(50, 90));
    left -= weight;
    lines.push(
      '        - destination:',
      `            host: ${host}`,
      `            subset: ${v}`,
      `          weight: ${weight}`,
    );
  });
  lines.push(`      timeout: ${rnd.int(2, 30)}s`, '      retries:', `        attempts: ${rnd.int(1, 5)}`, `        perTryTimeout: ${rnd.int(1, 5)}s`);
  if (rnd.chance(0.25)) {
    lines.push(
      '      fault:',
      '        delay:',
      '          percentage:',
      `            value: ${rnd.int(1, 5)}.0`,
      `          fixedDelay: ${rnd.int(1, 5)}s`,
    );
  }
  if (rnd.chance(0.4)) {
    lines.push('      headers:', '        request:', '          set:', `            x-served-by: ${app}`);
  }
  w.doc('VirtualService', lines);
}

export function destinationRule(w, rnd, ns, app, versions) {
  const which = w.mistakeFor('DestinationRule', app);
  const lines = [
    'apiVersion: networking.istio.io/v1',
    'kind: DestinationRule',
    'metadata:',
    `  name: ${app}`,
    `  namespace: ${ns}`,
    'spec:',
    `  host: ${app}.${ns}.svc.cluster.local`,
    '  trafficPolicy:',
    '    loadBalancer:',
    `      simple: ${which === 23 ? 'ROUND_ROBBIN' : rnd.pick(LB_POLICIES.slice(0, 3))}`,
    '    connectionPool:',
    '      tcp:',
    `        ${which === 97 ? 'maxConnection' : 'maxConnections'}: ${rnd.pick([100, 200, 500, 1000])}`,
    '        connectTimeout: 2s',
    '      http:',
    `        http1MaxPendingRequests: ${rnd.pick([64, 128, 1024])}`,
    `        http2MaxRequests: ${rnd.pick([256, 1000, 4096])}`,
    '        maxRequestsPerConnection: 0',
    '    outlierDetection:',
    `      consecutive5xxErrors: ${rnd.int(3, 10)}`,
    '      interval: 10s',
    '      baseEjectionTime: 30s',
    `      maxEjectionPercent: ${rnd.pick([10, 25, 50])}`,
    '    tls:',
    '      mode: ISTIO_MUTUAL',
    '  subsets:',
  ];
  for (const v of versions) {
    lines.push(`    - name: ${v}`, '      labels:', `        version: ${v}`);
    if (rnd.chance(0.3)) {
      lines.push('      trafficPolicy:', '        loadBalancer:', `          simple: ${rnd.pick(LB_POLICIES)}`);
    }
  }
  w.doc('DestinationRule', lines);
}

export function authorizationPolicy(w, rnd, ns, app) {
  const bad = w.mistakeFor('AuthorizationPolicy', app) >= 0;
  const callers = [];
  const callerCount = rnd.int(1, 3);
  for (let i = 0; i < callerCount; i += 1) {
    callers.push(`                - cluster.local/ns/${rnd.pick(NAMESPACES)}/sa/${rnd.pick(APPS)}`);
  }
  w.doc('AuthorizationPolicy', [
    `# Only named callers may reach ${app}; everything else is denied by the default.`,
    'apiVersion: security.istio.io/v1',
    'kind: AuthorizationPolicy',
    'metadata:',
    `  name: ${app}-allow-callers`,
    `  namespace: ${ns}`,
    'spec:',
    '  selector:',
    '    matchLabels:',
    `      app: ${app}`,
    `  action: ${bad ? 'ALLOWED' : 'ALLOW'}`,
    '  rules:',
    '    - from:',
    '        - source:',
    '            principals:',
    ...callers,
    '      to:',
    '        - operation:',
    '            methods: ["GET", "POST"]',
    `            paths: ["/${app}/*"]`,
    '    - from:',
    '        - source:',
    '            namespaces: ["istio-system"]',
    '      to:',
    '        - operation:',
    '            paths: ["/healthz/*"]',
  ]);
}

export function serviceEntry(w, rnd, ns, host, app) {
  w.doc('ServiceEntry', [
    `# External dependency ${host}, reached through the mesh so it is visible and mTLS-originated.`,
    'apiVersion: networking.istio.io/v1',
    'kind: ServiceEntry',
    'metadata:',
    `  name: ${host.replace(/\./g, '-')}`,
    `  namespace: ${ns}`,
    'spec:',
    '  hosts:',
    `    - ${host}`,
    '  location: MESH_EXTERNAL',
    '  resolution: DNS',
    '  ports:',
    '    - number: 443',
    '      name: https',
    '      protocol: TLS',
    '  exportTo:',
    '    - "."',
  ]);
  if (rnd.chance(0.5)) {
    w.doc('PeerAuthentication', [
      'apiVersion: security.istio.io/v1',
      'kind: PeerAuthentication',
      'metadata:',
      `  name: ${host.replace(/\./g, '-')}-clients`,
      `  namespace: ${ns}`,
      'spec:',
      '  selector:',
      '    matchLabels:',
      `      app: ${app}`,
      '  mtls:',
      '    mode: STRICT',
      '  portLevelMtls:',
      '    "9090":',
      '      mode: PERMISSIVE',
    ]);
  }
}
