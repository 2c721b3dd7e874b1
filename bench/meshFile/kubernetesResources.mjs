// Kubernetes resources of the generated mesh file: namespaces, workloads, services.
import { ENV_VALUES } from './names.mjs';
import { digest } from './random.mjs';

export function namespace(w, rnd, ns) {
  w.doc('Namespace', [
    `# Namespace ${ns}: sidecar injection on by label, so every pod here gets an Envoy proxy.`,
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    `  name: ${ns}`,
    '  labels:',
    '    istio-injection: enabled',
    `    team: ${ns}-team`,
    '    cost-center: "cc-' + rnd.int(1000, 9999) + '"',
  ]);
}

/**
 * istio-system with the ingress gateway's Deployment and Service, so every Gateway's selector
 * and ports meet a workload in the file.
 */
export function ingressGateway(w) {
  w.doc('Namespace', ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: istio-system']);
  const labels = ['app: istio-ingressgateway', 'istio: ingressgateway'];
  w.doc('Deployment', [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: istio-ingressgateway',
    '  namespace: istio-system',
    'spec:',
    '  replicas: 3',
    '  selector:',
    '    matchLabels:',
    ...labels.map((l) => `      ${l}`),
    '  template:',
    '    metadata:',
    '      labels:',
    ...labels.map((l) => `        ${l}`),
    '        sidecar.istio.io/inject: "false"',
    '    spec:',
    '      serviceAccountName: istio-ingressgateway',
    '      containers:',
    '        - name: istio-proxy',
    '          image: docker.io/istio/proxyv2:1.30.3',
    '          args: ["proxy", "router", "--domain", "$(POD_NAMESPACE).svc.cluster.local"]',
    '          ports:',
    '            - { name: http2, containerPort: 8080, protocol: TCP }',
    '            - { name: https, containerPort: 8443, protocol: TCP }',
    '          resources:',
    '            requests: { cpu: 500m, memory: 512Mi }',
    '            limits: { cpu: "2", memory: 1Gi }',
  ]);
  w.doc('Service', [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: istio-ingressgateway',
    '  namespace: istio-system',
    'spec:',
    '  type: LoadBalancer',
    '  selector:',
    ...labels.map((l) => `    ${l}`),
    '  ports:',
    '    - { name: http2, port: 80, targetPort: 8080 }',
    '    - { name: https, port: 443, targetPort: 8443 }',
  ]);
}

export function deployment(w, rnd, ns, app, version) {
  const name = `${app}-${version}`;
  const bad = w.mistakeFor('Deployment', name) >= 0;
  const replicas = rnd.int(2, 6);
  const cpu = rnd.pick([100, 200, 250, 500, 750]);
  const mem = rnd.pick([128, 256, 384, 512, 1024]);
  const port = rnd.pick([8080, 8443, 9000, 3000]);
  const env = [];
  const envCount = rnd.int(2, 5);
  for (let i = 0; i < envCount; i += 1) {
    env.push(
      `            - name: ${rnd.pick(['LOG_LEVEL', 'DB_POOL_SIZE', 'CACHE_TTL_SECONDS', 'UPSTREAM_TIMEOUT_MS', 'FEATURE_FLAGS', 'REGION'])}_${i}`,
      `              value: "${rnd.pick(ENV_VALUES)(ns, rnd)}"`,
    );
  }
  w.doc('Deployment', [
    `# ${ns}/${app} ${version}: injected (namespace and pod label); proxy sized per the cost review.`,
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    '  labels:',
    `    app: ${app}`,
    `    version: ${version}`,
    '  annotations:',
    `    meta.example.in/runbook: "https://runbooks.example.in/${ns}/${app}#on-call-escalation"`,
    `    meta.example.in/owner: "${ns}-team@shop.example.in"`,
    'spec:',
    `  ${bad ? 'replica' : 'replicas'}: ${replicas}`,
    '  revisionHistoryLimit: 5',
    '  selector:',
    '    matchLabels:',
    `      app: ${app}`,
    `      version: ${version}`,
    '  strategy:',
    '    type: RollingUpdate',
    '    rollingUpdate: { maxSurge: 25%, maxUnavailable: 0 }',
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${app}`,
    `        version: ${version}`,
    '        sidecar.istio.io/inject: "true"',
    '      annotations:',
    `        sidecar.istio.io/proxyCPU: "${rnd.pick([50, 100, 200])}m"`,
    `        sidecar.istio.io/proxyMemory: "${rnd.pick([64, 128, 256])}Mi"`,
    `        sidecar.istio.io/proxyCPULimit: "${rnd.pick([500, 1000, 2000])}m"`,
    '        sidecar.istio.io/proxyMemoryLimit: "512Mi"',
    '        proxy.istio.io/config: |',
    '          holdApplicationUntilProxyStarts: true',
    '        prometheus.io/scrape: "true"',
    `        prometheus.io/port: "${port}"`,
    '    spec:',
    `      serviceAccountName: ${app}`,
    '      terminationGracePeriodSeconds: 30',
    '      containers:',
    `        - name: ${app}`,
    `          image: registry.example.in/${ns}/${app}:1.${rnd.int(0, 40)}.${rnd.int(0, 20)}@sha256:${digest(rnd)}`,
    '          imagePullPolicy: IfNotPresent',
    '          ports:',
    '            - name: http',
    `              containerPort: ${port}`,
    '              protocol: TCP',
    '          env:',
    ...env,
    '          resources:',
    `            requests: { cpu: ${cpu}m, memory: ${mem}Mi }`,
    `            limits: { cpu: ${cpu * 2}m, memory: ${mem * 2}Mi }`,
    '          readinessProbe:',
    '            httpGet:',
    '              path: /healthz/ready',
    `              port: ${port}`,
    '            initialDelaySeconds: 5',
    '            periodSeconds: 10',
    '          livenessProbe:',
    '            httpGet:',
    '              path: /healthz/live',
    `              port: ${port}`,
    '            initialDelaySeconds: 15',
    '            periodSeconds: 20',
    '            failureThreshold: 3',
    '          volumeMounts:',
    '            - name: config',
    `              mountPath: /etc/${app}`,
    '              readOnly: true',
    '      volumes:',
    '        - name: config',
    '          configMap:',
    `            name: ${app}-config`,
  ]);
  return port;
}

export function serviceAccount(w, ns, app) {
  w.doc('ServiceAccount', [
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    `  name: ${app}`,
    `  namespace: ${ns}`,
    '  annotations:',
    `    eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/mumbai-prod-${ns}-${app}-irsa"`,
  ]);
}

export function service(w, ns, app, port) {
  w.doc('Service', [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${app}`,
    `  namespace: ${ns}`,
    '  labels:',
    `    app: ${app}`,
    'spec:',
    '  type: ClusterIP',
    '  selector:',
    `    app: ${app}`,
    '  ports:',
    '    - name: http',
    '      port: 80',
    `      targetPort: ${port}`,
    '      protocol: TCP',
    '      appProtocol: http',
  ]);
}
