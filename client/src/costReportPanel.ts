// "Mumbai Mesh: Show Cost Report" (mumbaiMesh.showCostReport, also run by the cost
// CodeLens with a workload id to focus): a webview showing the page the server renders
// (mumbaiMesh/costReport) under a strict CSP with a fresh nonce, re-rendered when the cost
// changes, and the export buttons' messages answered with a save dialog.
import { randomBytes } from 'node:crypto';
import { commands, Disposable, Uri, ViewColumn, window, workspace, type Event, type WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COST_REPORT_REQUEST, SHOW_COST_REPORT_COMMAND, type CostReportParams, type CostReportResult } from '../../server/src/protocol';

const VIEW_TYPE = 'mumbaiMesh.costReport';

interface ExportMessage {
  readonly type: 'export';
  readonly format: 'csv' | 'json';
}

function isExport(message: unknown): message is ExportMessage {
  const m = message as Partial<ExportMessage> | null;
  return typeof m === 'object' && m !== null && m.type === 'export' && (m.format === 'csv' || m.format === 'json');
}

function errorPage(nonce: string, cspSource: string, text: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}';">` +
    `<style nonce="${nonce}">body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 20px; }</style></head>` +
    `<body><p>${text}</p></body></html>`;
}

export function registerCostReportPanel(client: LanguageClient, costChanged: Event<void>): Disposable {
  let panel: WebviewPanel | undefined;
  let latest: CostReportResult | undefined;
  let focus: string | undefined;
  let stale = false;
  let renders = 0;

  const render = async (): Promise<void> => {
    const target = panel;
    if (!target) return;
    const mine = ++renders;
    stale = false;
    const nonce = randomBytes(18).toString('base64');
    const params: CostReportParams = { uri: workspace.workspaceFolders?.[0]?.uri.toString(), focusWorkload: focus, nonce, cspSource: target.webview.cspSource };
    let result: CostReportResult | null = null;
    try {
      result = await client.sendRequest<CostReportResult | null>(COST_REPORT_REQUEST, params);
    } catch {
      result = null;
    }
    if (panel !== target || mine !== renders) return; // closed, or a newer render started
    if (!result) {
      target.webview.html = errorPage(nonce, target.webview.cspSource, 'The cost report could not be built; the Mumbai Mesh output channel says why.');
      return;
    }
    latest = result;
    target.webview.html = result.html;
  };

  const exportReport = async (message: ExportMessage): Promise<void> => {
    const report = latest;
    if (!report) return;
    const folder = workspace.workspaceFolders?.[0]?.uri;
    const name = `mesh-cost-${report.profile}.${message.format}`;
    const uri = await window.showSaveDialog({
      defaultUri: folder ? Uri.joinPath(folder, name) : undefined,
      filters: message.format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      saveLabel: `Export ${message.format.toUpperCase()}`,
      title: 'Export mesh cost report',
    });
    if (!uri) return;
    await workspace.fs.writeFile(uri, Buffer.from(message.format === 'csv' ? report.csv : report.json, 'utf8'));
    void window.showInformationMessage(`Mesh cost report saved to ${workspace.asRelativePath(uri)}.`);
  };

  const show = async (workload?: unknown): Promise<void> => {
    focus = typeof workload === 'string' ? workload : undefined;
    if (panel) {
      panel.reveal(undefined, false);
    } else {
      const created = window.createWebviewPanel(VIEW_TYPE, 'Mesh Cost Report', { viewColumn: ViewColumn.Beside, preserveFocus: false }, { enableScripts: true, localResourceRoots: [] });
      panel = created;
      created.onDidDispose(() => {
        if (panel === created) panel = undefined;
        latest = undefined;
      });
      created.onDidChangeViewState(() => {
        if (created.visible && stale) void render();
      });
      created.webview.onDidReceiveMessage((message: unknown) => {
        if (isExport(message)) exportReport(message).catch((error: unknown) => void window.showErrorMessage(`Mumbai Mesh: export failed: ${String(error)}`));
      });
    }
    await render();
  };

  return Disposable.from(
    commands.registerCommand(SHOW_COST_REPORT_COMMAND, show),
    costChanged(() => {
      if (!panel) return;
      if (panel.visible) void render();
      else stale = true;
    }),
    new Disposable(() => panel?.dispose()),
  );
}
