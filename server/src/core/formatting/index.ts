// Format Document over the `yaml` Document API, per YAML document.
export { formatDocument, formatYamlDocument, type FormatOptions } from './formatDocument';
