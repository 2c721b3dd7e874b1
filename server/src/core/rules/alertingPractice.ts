// What the user sees: an information note on an alerting rule that lacks what on-call
// needs to act on it: a `severity` label (routing), `summary` and `description`
// annotations (what and why), and a `runbook_url` (what to do — the runbooks the mesh
// team keeps for proxy restarts, certificate rotation failures, control-plane
// degradation, latency spikes and authorization problems). Recording rules are skipped.
import type { Finding } from '../finding';
import { list, record, text } from './plainValue';
import type { Rule } from './rule';

export const alertingPractice: Rule = {
  code: 'MM302',
  defaultSeverity: 'info',
  appliesTo: (r) => r.resource.kind === 'PrometheusRule' && r.group === 'monitoring.coreos.com',
  check({ resource, locator }) {
    const findings: Finding[] = [];
    list(record(resource.resource.value.spec)?.groups).forEach((group, g) => {
      list(record(group)?.rules).forEach((rule, r) => {
        const alert = text(record(rule)?.alert);
        if (!alert) return;
        const labels = record(record(rule)?.labels) ?? {};
        const annotations = record(record(rule)?.annotations) ?? {};
        const missing: string[] = [];
        if (!text(labels.severity)) missing.push('a `severity` label');
        for (const key of ['summary', 'description', 'runbook_url']) if (!text(annotations[key])) missing.push(`a \`${key}\` annotation`);
        if (missing.length === 0) return;
        const span = locator.value(['spec', 'groups', g, 'rules', r, 'alert']);
        if (!span) return;
        const list_ = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}` : missing[0];
        findings.push({ code: 'MM302', message: `Alert \`${alert}\` lacks ${list_}. On-call needs them to route the page and to know what to do.`, ...span });
      });
    });
    return findings;
  },
};
