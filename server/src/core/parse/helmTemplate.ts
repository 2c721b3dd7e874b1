// Helm chart templates: YAML with Go template actions. Such a file is analysed only where
// it is YAML: every action is blanked out (same length, so every offset stays right) —
// a line holding only actions (`{{- if … }}`, `{{ include … | nindent 4 }}`) becomes
// blank, an action inside a value becomes a placeholder — and then only findings that a
// template cannot change are kept (see TEMPLATE_SAFE_CODES in analyzeFile.ts).
import type { Finding } from '../finding';

// A Helm action: `{{ .Values… }}`, `{{- if … }}`, `{{ include … }}`, `{{ $x := … }}`.
// Prometheus alert templates such as `{{ $labels.pod }}` or `{{ $value | humanize }}` are
// plain strings to Kubernetes and must not turn a PrometheusRule file into a template.
const HELM_ACTION = /\{\{-?\s*(?:\.|(?:if|else|end|range|with|define|include|template|block|toYaml|tpl|default|quote|required|printf|lookup)\b|\$\w*\s*:?=)[\s\S]*?\}\}/;
const ANY_ACTION = /\{\{[\s\S]*?\}\}/g;

export function findTemplateAction(text: string): Finding | undefined {
  if (!text.includes('{{')) return undefined;
  const action = HELM_ACTION.exec(text);
  if (!action) return undefined;
  return {
    code: 'MM107',
    message: 'This file is a template (it holds {{ … }} actions, e.g. a Helm chart). It is checked only where it is plain YAML: unknown fields and duplicate keys are reported; templated values, syntax and cross-resource references are not.',
    start: action.index,
    end: action.index + action[0].length,
  };
}

/** The text with every action replaced by blanks or a placeholder of the same length. */
export function neutraliseTemplates(text: string): string {
  return text.replace(/^.*$/gm, (line) => {
    if (!line.includes('{{')) return line;
    const rest = line.replace(ANY_ACTION, '').trim();
    if (rest === '' || rest === '-') return line.replace(/[^\r]/g, ' ');
    return line.replace(ANY_ACTION, (action) => 'x'.repeat(action.length));
  });
}
