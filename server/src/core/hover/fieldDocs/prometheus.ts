// Our own words for the Prometheus Operator's PrometheusRule, used for mesh alerts.
import type { FieldDocTable } from './fieldDoc';

const RULE = 'PrometheusRule:spec.groups[].rules[]';

export const PROMETHEUS: FieldDocTable = {
  name: 'Prometheus Operator',
  groups: ['monitoring.coreos.com'],
  docs: {
    'PrometheusRule:': 'Alerting and recording rules that the Prometheus Operator loads into matching Prometheus servers (selected by this resource\'s labels).',
    'PrometheusRule:spec.groups': 'Rule groups; the rules of one group are evaluated in order, at the group\'s interval.',
    'PrometheusRule:spec.groups[].name': 'The group\'s name, unique within the resource.',
    'PrometheusRule:spec.groups[].interval': { text: 'How often the group\'s rules are evaluated.', default: 'the Prometheus server\'s evaluation interval' },
    'PrometheusRule:spec.groups[].rules': 'The alerting (`alert`) and recording (`record`) rules of the group.',
    [`${RULE}.alert`]: 'The name of the alert this rule fires. Use either `alert` or `record`.',
    [`${RULE}.record`]: 'The name of the time series this recording rule writes, e.g. `job:istio_requests:rate5m`.',
    [`${RULE}.expr`]: 'The PromQL expression. For an alert, every series it returns is a firing (or pending) alert; for a recording rule, its result is stored.',
    [`${RULE}.for`]: { text: 'How long the expression must keep returning results before the alert fires; filters out short blips.', default: 'fires at once' },
    [`${RULE}.keep_firing_for`]: 'Keep the alert firing this long after the condition clears, to avoid flapping.',
    [`${RULE}.labels`]: 'Labels added to the alert or recorded series, such as `severity: critical` for routing in Alertmanager.',
    [`${RULE}.annotations`]: 'Texts attached to the alert, such as `summary`, `description` and `runbook_url`; may use templates like `{{ $labels.destination_service }}`.',
  },
};
