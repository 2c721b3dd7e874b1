// Hand-computed cost cases, one per mesh and per annotation rule. Prices: aws-mumbai,
// 2.5 INR per vCPU-hour and 0.35 INR per GiB-hour, 730 hours. Each pod's CPU and memory are
// rounded to paise once, then multiplied by replicas (docs/cost-model.md). Per pod:
//   100m = 0.1 × 730 × 2.5 = 182.50      128Mi = 0.125 × 730 × 0.35 = 31.9375 → 31.94
//    50m = 91.25                           64Mi = 15.96875 → 15.97
//   500m = 912.50                         256Mi = 63.875 → 63.88
//   200m = 365.00                          32Mi = 7.984375 → 7.98
//                                          512Mi = 127.75, 2048Mi = 511.00
//                                          200Mi = 49.90234375 → 49.90, 100Mi = 24.951… → 24.95
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, costJson, fixture, resourcesFromYaml, settings } from '../fixtures/cost/loadWorkspace.mjs';

const byName = (json) => Object.fromEntries(json.workloads.map((w) => [w.name, w]));

test('Istio: namespace injection, chart defaults × 3 replicas, all-or-nothing annotations, opt-out', () => {
  const json = costJson(fixture('istio-payments'));
  const w = byName(json);
  // 182.50 + 31.94 = 214.44 per pod, × 3
  assert.deepEqual(w.api, { file: 'istio-payments/workloads.yaml', kind: 'Deployment', namespace: 'payments', name: 'api', mesh: 'istio', replicas: 3, proxy: { cpuMillicores: 300, memoryMiB: 384 }, monthlyCost: 643.32 });
  // proxyCPU alone: a 50m CPU request, no memory request, no limits: 2 × 91.25
  assert.deepEqual(w['cpu-only'].proxy, { cpuMillicores: 100, memoryMiB: 0 });
  assert.equal(w['cpu-only'].monthlyCost, 182.5);
  // proxyMemoryLimit alone: request = limit = 256Mi, no CPU at all
  assert.deepEqual(w['limit-only'].proxy, { cpuMillicores: 0, memoryMiB: 256 });
  assert.equal(w['limit-only'].monthlyCost, 63.88);
  assert.equal(w['opted-out'], undefined, 'sidecar.istio.io/inject=false on the pod wins over the namespace');
  // istiod 500m / 2048Mi: 912.50 + 511.00
  assert.deepEqual(json.controlPlane, [{ mesh: 'istio', cpuMillicores: 500, memoryMiB: 2048, monthlyCost: 1423.5 }]);
  assert.deepEqual(json.total, { cpuMillicores: 900, memoryMiB: 2688, monthlyCost: 2313.2 });
});

test('Istio: the all-or-nothing rule keeps limits apart and says what was dropped', () => {
  const report = core.computeCost(fixture('istio-payments'), settings());
  const cpuOnly = report.workloads.find((w) => w.name === 'cpu-only');
  assert.deepEqual(cpuOnly.proxy.requests, { cpuMillicores: 50, memoryBytes: undefined });
  assert.deepEqual(cpuOnly.proxy.limits, { cpuMillicores: undefined, memoryBytes: undefined });
  assert.match(cpuOnly.notes.join(' '), /no memory request, CPU limit and memory limit/);
  const api = report.workloads.find((w) => w.name === 'api');
  assert.deepEqual(api.proxy.limits, { cpuMillicores: 2000, memoryBytes: 1024 * 1024 * 1024 });
  assert.equal(api.proxyOrigin, 'chart defaults');
  assert.equal(api.meshReason, 'namespace payments: label istio-injection=enabled');
});

test('without the namespace manifest only the workload\'s own labels count; defaultMesh fills in', () => {
  const resources = fixture('istio-payments/workloads.yaml');
  assert.deepEqual(costJson(resources).workloads, []);
  const json = costJson(resources, settings({ defaultMesh: 'istio' }));
  assert.deepEqual(json.workloads.map((w) => w.name), ['api', 'cpu-only', 'limit-only']);
  assert.equal(json.total.monthlyCost, 2313.2);
});

test('an istio-proxy container in the pod spec overrides the injected resources per field', () => {
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: { name: gw, namespace: edge }
spec:
  replicas: 2
  template:
    metadata:
      labels: { sidecar.istio.io/inject: "true" }
      annotations: { sidecar.istio.io/proxyCPU: 50m }
    spec:
      containers:
        - name: istio-proxy
          image: auto
          resources:
            requests: { cpu: 500m, memory: 512Mi }
            limits: { memory: 1Gi }
`;
  const [w] = core.computeCost(resourcesFromYaml(yaml), settings()).workloads;
  assert.equal(w.proxyOrigin, 'istio-proxy container');
  assert.deepEqual(w.proxy.requests, { cpuMillicores: 500, memoryBytes: 512 * 1024 * 1024 });
  // 912.50 + 127.75 = 1040.25 per pod
  assert.equal(core.moneyTotal(w.money), 208050);
});

test('Linkerd: per-field annotations from pod and namespace, empty chart defaults, DaemonSet per node', () => {
  const json = costJson(fixture('linkerd'));
  const w = byName(json);
  // CPU 100m from the namespace, memory 64Mi from the pod: (182.50 + 15.97) × 2
  assert.deepEqual(w.cart, { file: 'linkerd/linkerd.yaml', kind: 'Deployment', namespace: 'shop', name: 'cart', mesh: 'linkerd', replicas: 2, proxy: { cpuMillicores: 200, memoryMiB: 128 }, monthlyCost: 396.94 });
  // the pod's CPU limit does not replace the namespace's CPU request
  assert.deepEqual(w.search.proxy, { cpuMillicores: 100, memoryMiB: 0 });
  assert.equal(w.search.monthlyCost, 182.5);
  // one pod per node (3): (182.50 + 7.98) × 3
  assert.equal(w['log-agent'].replicas, 3);
  assert.equal(w['log-agent'].monthlyCost, 571.44);
  assert.deepEqual(json.controlPlane, [{ mesh: 'linkerd', cpuMillicores: 0, memoryMiB: 0, monthlyCost: 0 }]);
  assert.equal(json.total.monthlyCost, 1150.88);

  const report = core.computeCost(fixture('linkerd'), settings());
  const search = report.workloads.find((x) => x.name === 'search');
  assert.deepEqual(search.proxy.limits, { cpuMillicores: 200, memoryBytes: undefined });
  const cart = report.workloads.find((x) => x.name === 'cart');
  assert.deepEqual(cart.proxy.limits, { cpuMillicores: undefined, memoryBytes: 128 * 1024 * 1024 });
  assert.equal(cart.proxyOrigin, 'annotations');
});

test('Linkerd: a limit alone becomes the request; cost.nodes sizes DaemonSets', () => {
  const yaml = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: ops }
spec:
  template:
    metadata:
      annotations:
        linkerd.io/inject: enabled
        config.linkerd.io/proxy-cpu-limit: 200m
`;
  const json = costJson(resourcesFromYaml(yaml), settings({ cost: { nodes: 5 } }));
  assert.equal(json.workloads[0].replicas, 5);
  assert.deepEqual(json.workloads[0].proxy, { cpuMillicores: 1000, memoryMiB: 0 });
  assert.equal(json.workloads[0].monthlyCost, 1825);
});

test('Consul: per-field pod annotations, empty defaults priced at 0, servers and injector once', () => {
  const json = costJson(fixture('consul'));
  const w = byName(json);
  // (182.50 + 63.88) × 3; the 512Mi limit is not priced
  assert.deepEqual(w.payments.proxy, { cpuMillicores: 300, memoryMiB: 768 });
  assert.equal(w.payments.monthlyCost, 739.14);
  assert.deepEqual(w.invoices.proxy, { cpuMillicores: 0, memoryMiB: 0 });
  assert.equal(w.invoices.monthlyCost, 0);
  // server 100m / 200Mi (182.50 + 49.90) + connect-injector 50m / 200Mi (91.25 + 49.90)
  assert.deepEqual(json.controlPlane, [{ mesh: 'consul', cpuMillicores: 150, memoryMiB: 400, monthlyCost: 373.55 }]);
  assert.equal(json.total.monthlyCost, 1112.69);
});

test('right-sizing: the brief\'s payments example, 256Mi / 100m → 64Mi / 25m', () => {
  const report = core.computeCost(fixture('consul'), settings());
  const payments = report.workloads.find((x) => x.name === 'payments');
  // 375 rps over 3 replicas = 125 rps per pod: 0.20 vCPU per 1000 rps → 25m; Envoy level 60 MB
  assert.deepEqual(payments.proxy.usage, { cpuMillicores: 25, memoryBytes: 60_000_000 });
  const advice = payments.rightSizing;
  assert.deepEqual(advice.resources, ['cpu', 'memory']);
  assert.deepEqual(advice.suggestedRequests, { cpuMillicores: 25, memoryBytes: 64 * 1024 * 1024 });
  assert.deepEqual(advice.annotations, {
    'consul.hashicorp.com/sidecar-proxy-cpu-request': '25m',
    'consul.hashicorp.com/sidecar-proxy-memory-request': '64Mi',
  });
  // per pod: 246.38 now, 45.63 + 15.97 = 61.60 after; × 3 replicas
  assert.equal(advice.monthlySaving, 55434);
  assert.deepEqual(advice.annotationsPath, ['spec', 'template', 'metadata', 'annotations']);
  assert.match(advice.message, /saves 554\.34 INR\/month over 3 replicas/);
  assert.equal(report.workloads.find((x) => x.name === 'invoices').rightSizing, undefined);
});

test('right-sizing for Istio writes the whole all-or-nothing set, keeping today\'s limits', () => {
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: pay
  annotations: { mumbai-mesh.io/expected-rps: "100" }
spec:
  replicas: 1
  template:
    metadata:
      labels: { sidecar.istio.io/inject: "true" }
`;
  const [w] = core.computeCost(resourcesFromYaml(yaml), settings()).workloads;
  // CPU: 0.20 × 100 = 20m; memory: no Services visible → 15 MB configuration estimate
  assert.deepEqual(w.proxy.usage, { cpuMillicores: 20, memoryBytes: 15_000_000 });
  assert.deepEqual(w.rightSizing.annotations, {
    'sidecar.istio.io/proxyCPU': '20m',
    'sidecar.istio.io/proxyMemory': '16Mi',
    'sidecar.istio.io/proxyCPULimit': '2',
    'sidecar.istio.io/proxyMemoryLimit': '1Gi',
  });
  assert.equal(w.rightSizing.annotationText.split('\n')[0], 'sidecar.istio.io/proxyCPU: "20m"');
  // no advice below the factor: requests of 30m / 16Mi are within 2× of 20m / 14.3MiB
  const tight = yaml.replace('labels: { sidecar.istio.io/inject: "true" }', 'labels: { sidecar.istio.io/inject: "true" }\n      annotations: { sidecar.istio.io/proxyCPU: 30m, sidecar.istio.io/proxyMemory: 16Mi }');
  assert.equal(core.computeCost(resourcesFromYaml(tight), settings()).workloads[0].rightSizing, undefined);
  // and none without an expected rate
  assert.equal(core.computeCost(resourcesFromYaml(yaml.replace('"100"', '"x"')), settings()).workloads[0].rightSizing, undefined);
});

test('usage above the request is what gets priced: max(request, usage estimate)', () => {
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: { name: hot, namespace: pay }
spec:
  replicas: 2
  template:
    metadata:
      labels: { sidecar.istio.io/inject: "true" }
`;
  // 4000 rps over 2 pods: 0.20 × 2000 = 400m per pod, above the 100m request
  const json = costJson(resourcesFromYaml(yaml), settings({ cost: { expectedRps: 4000 } }));
  assert.deepEqual(json.workloads[0].proxy, { cpuMillicores: 800, memoryMiB: 256 });
  // (730.00 + 31.94) × 2
  assert.equal(json.workloads[0].monthlyCost, 1523.88);
});

test('Istio ambient: no sidecar, waypoint 100m / 128Mi, istiod + ztunnel and istio-cni per node', () => {
  const json = costJson(fixture('ambient'));
  assert.deepEqual(json.workloads, [
    { file: 'ambient/ambient.yaml', kind: 'Deployment', namespace: 'orders', name: 'orders', mesh: 'istio-ambient', replicas: 2, proxy: { cpuMillicores: 0, memoryMiB: 0 }, monthlyCost: 0 },
    { file: 'ambient/ambient.yaml', kind: 'Gateway', namespace: 'orders', name: 'orders-waypoint', mesh: 'istio-ambient', replicas: 1, proxy: { cpuMillicores: 100, memoryMiB: 128 }, monthlyCost: 214.44 },
  ]);
  // istiod 1423.50 + ztunnel 3 × (365.00 + 127.75) + istio-cni 3 × (182.50 + 24.95)
  assert.deepEqual(json.controlPlane, [{ mesh: 'istio-ambient', cpuMillicores: 1400, memoryMiB: 3884, monthlyCost: 3524.1 }]);
  assert.equal(json.total.monthlyCost, 3738.54);
  const five = costJson(fixture('ambient'), settings({ cost: { nodes: 5 } }));
  assert.equal(five.controlPlane[0].monthlyCost, 1423.5 + 5 * 492.75 + 5 * 207.45);
});

test('ambient and sidecars together: istiod counted once, under istio', () => {
  const json = costJson(fixture('ambient', 'istio-payments'));
  assert.deepEqual(json.controlPlane.map((p) => [p.mesh, p.monthlyCost]), [['istio', 1423.5], ['istio-ambient', 1478.25 + 622.35]]);
});

test('HPA minReplicas replaces spec.replicas; istio.io/rev on the namespace injects', () => {
  const [w] = core.computeCost(fixture('hpa'), settings()).workloads;
  assert.equal(w.replicas, 4);
  assert.equal(w.replicasReason, 'HorizontalPodAutoscaler minReplicas 4');
  assert.equal(core.moneyTotal(w.money), 4 * 21444);
  assert.equal(w.meshReason, 'namespace web: label istio.io/rev=stable');
});

test('Jobs and CronJobs count only while running: duty 0 by default, a fraction when set', () => {
  const none = costJson(fixture('job'));
  assert.deepEqual(none.workloads.map((w) => [w.kind, w.replicas, w.monthlyCost]), [['Job', 0, 0], ['CronJob', 0, 0]]);
  const half = costJson(fixture('job'), settings({ cost: { jobDuty: 0.5 } }));
  // Job: parallelism 2 × 0.5 = 1 pod; CronJob: 1 × 0.5 → 214.44 / 2
  assert.deepEqual(half.workloads.map((w) => [w.kind, w.replicas, w.monthlyCost]), [['Job', 1, 214.44], ['CronJob', 0.5, 107.22]]);
});

test('bare Pods count once; owned Pods and system namespaces do not', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: { name: debug, namespace: pay, labels: { sidecar.istio.io/inject: "true" } }
---
apiVersion: v1
kind: Pod
metadata:
  name: api-7d9c
  namespace: pay
  labels: { sidecar.istio.io/inject: "true" }
  ownerReferences: [{ apiVersion: apps/v1, kind: ReplicaSet, name: api-7d9c, uid: x }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: dns, namespace: kube-system }
spec: { template: { metadata: { labels: { sidecar.istio.io/inject: "true" } } } }
`;
  const json = costJson(resourcesFromYaml(yaml), settings({ defaultMesh: 'istio' }));
  assert.deepEqual(json.workloads.map((w) => [w.kind, w.name, w.replicas, w.monthlyCost]), [['Pod', 'debug', 1, 214.44]]);
});

test('pricing profiles and GiB: 1Gi at gcp-mumbai is 0.30 × 730 = 219.00', () => {
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: { name: big, namespace: x }
spec:
  template:
    metadata:
      labels: { sidecar.istio.io/inject: "true" }
      annotations: { sidecar.istio.io/proxyCPU: "1", sidecar.istio.io/proxyMemory: 1Gi }
`;
  const r = resourcesFromYaml(yaml);
  const costOf = (profile) => costJson(r, settings({ cost: { profile } })).workloads[0].monthlyCost;
  assert.equal(costOf('aws-mumbai'), 1825 + 255.5);
  assert.equal(costOf('azure-india'), 1679 + 233.6);
  assert.equal(costOf('gcp-mumbai'), 1606 + 219);
});

test('config-size estimate: Services, ports and subsets visible; a Sidecar egress scope shrinks it', () => {
  const ws = core.buildCostWorkspace(fixture('istio-payments'));
  // api Service: 2 ports; its DestinationRule: 2 subsets × 2 ports → 6 clusters
  const open = core.istioConfigEstimate(ws, 'payments', { app: 'api' });
  assert.deepEqual([open.services, open.clusters, open.scopedBy], [1, 6, undefined]);
  assert.equal(open.memoryBytes, 15_109_375);
  const many = Array.from({ length: 40 }, (_, i) => `apiVersion: v1
kind: Service
metadata: { name: s${i}, namespace: other }
spec: { ports: [{ port: 80 }, { port: 443 }] }`).join('\n---\n');
  const sidecar = `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: { name: default, namespace: payments }
spec:
  egress:
    - hosts: ["./*", "istio-system/*"]`;
  const wide = core.istioConfigEstimate(core.buildCostWorkspace([...fixture('istio-payments'), ...resourcesFromYaml(many)]), 'payments', {});
  assert.equal(wide.clusters, 86);
  // 15 MB + (86 − 5) × 35/320 MB
  assert.equal(wide.memoryBytes, Math.ceil((15 + 81 * 35 / 320) * 1e6));
  const scoped = core.istioConfigEstimate(core.buildCostWorkspace([...fixture('istio-payments'), ...resourcesFromYaml(many), ...resourcesFromYaml(sidecar)]), 'payments', {});
  assert.deepEqual([scoped.clusters, scoped.scopedBy], [6, 'payments/default']);
  assert.ok(scoped.memoryBytes < wide.memoryBytes);
});

test('latency per hop has a source for every mesh', () => {
  assert.deepEqual(core.latencyPerHop('istio'), { mesh: 'istio', mode: 'sidecar', p90Ms: 0.228, p99Ms: 0.298, source: core.latencyPerHop('istio').source });
  assert.equal(core.latencyPerHop('istio-ambient').p99Ms, 0.2);
  assert.equal(core.latencyPerHop('linkerd').p50Ms, 6);
  for (const mesh of ['istio', 'istio-ambient', 'linkerd', 'consul', 'none']) assert.ok(core.latencyPerHop(mesh).source.length > 10);
});

test('comparison: the mesh in use reproduces today\'s numbers; every mesh is priced', () => {
  const resources = fixture('istio-payments');
  const today = costJson(resources);
  const { rows, workloadCount, basis } = core.compareMeshes(resources, settings());
  assert.equal(workloadCount, 3);
  assert.equal(basis, 'meshed');
  assert.deepEqual(rows.map((r) => r.mesh), ['istio', 'istio-ambient', 'linkerd', 'consul', 'none']);
  const istio = rows[0];
  assert.equal(core.moneyTotal(istio.total.money), Math.round(today.total.monthlyCost * 100));
  // ambient: no sidecars, istiod + 3 ztunnels + 3 istio-cni
  assert.equal(core.moneyTotal(rows[1].total.money), 352410);
  // Linkerd and Consul at chart defaults: no proxy requests; Consul control plane 373.55
  assert.equal(core.moneyTotal(rows[2].total.money), 0);
  assert.equal(core.moneyTotal(rows[3].total.money), 37355);
  assert.equal(core.moneyTotal(rows[4].total.money), 0);
  assert.match(rows[2].notes.join(' '), /3 of 3 workloads get proxies with no requests at linkerd's chart defaults/);
});

test('comparison of an unmeshed workspace covers every workload that could be meshed', () => {
  const { rows, basis, workloadCount } = core.compareMeshes(fixture('istio-payments/workloads.yaml'), settings());
  assert.equal(basis, 'all');
  assert.equal(workloadCount, 3, 'the pod that opted out of Istio is left out');
  assert.equal(rows[0].workloads.length, 3);
});
