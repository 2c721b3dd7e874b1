// The status bar item with the workspace's monthly mesh overhead at the active price
// profile, e.g. `₹5,833/month · aws-mumbai`, and a per-mesh breakdown in its tooltip. The
// server computes and formats it (mumbaiMesh/costSummary); this file only shows it, asks
// again when the server says the cost changed, and lets a click switch the profile.
import { commands, ConfigurationTarget, Disposable, MarkdownString, StatusBarAlignment, window, workspace, type Event, type QuickPickItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COST_PROFILES, COST_SUMMARY_REQUEST, type CostProfileName, type CostSummary, type CostSummaryParams } from '../../server/src/protocol';

export const SELECT_COST_PROFILE_COMMAND = 'mumbaiMesh.selectCostProfile';

const PROFILE_DESCRIPTIONS: Readonly<Record<CostProfileName, string>> = {
  'aws-mumbai': 'AWS Mumbai (ap-south-1), INR',
  'azure-india': 'Azure Central India, INR',
  'gcp-mumbai': 'Google Cloud Mumbai (asia-south1), INR',
  custom: 'Your own prices from mumbaiMesh.cost.customPrices',
};

async function pickProfile(): Promise<void> {
  const config = workspace.getConfiguration('mumbaiMesh');
  const current = config.get<string>('cost.profile', 'aws-mumbai');
  const items: (QuickPickItem & { profile: CostProfileName })[] = COST_PROFILES.map((profile) => ({
    profile,
    label: profile,
    description: profile === current ? `${PROFILE_DESCRIPTIONS[profile]} (current)` : PROFILE_DESCRIPTIONS[profile],
    picked: profile === current,
  }));
  const picked = await window.showQuickPick(items, { title: 'Mumbai Mesh: price profile for proxy cost', placeHolder: `Current: ${current}` });
  if (!picked || picked.profile === current) return;
  // Workspace settings when a folder is open, so the choice travels with the project.
  const target = workspace.workspaceFolders?.length ? ConfigurationTarget.Workspace : ConfigurationTarget.Global;
  await config.update('cost.profile', picked.profile, target);
}

/** Shows the total; `costChanged` fires on the server's mumbaiMesh/costChanged notification. */
export function registerCostStatusBar(client: LanguageClient, costChanged: Event<void>): Disposable {
  const item = window.createStatusBarItem('mumbaiMesh.cost', StatusBarAlignment.Right, 100);
  item.name = 'Mumbai Mesh cost';
  item.command = SELECT_COST_PROFILE_COMMAND;
  let latest = 0;

  const refresh = async (): Promise<void> => {
    const mine = ++latest;
    try {
      const params: CostSummaryParams = { uri: workspace.workspaceFolders?.[0]?.uri.toString() };
      const summary = await client.sendRequest<CostSummary | null>(COST_SUMMARY_REQUEST, params);
      if (mine !== latest) return; // a newer answer is on its way
      // nothing meshed, nothing to show: YAML workspaces without a mesh get no ₹0 item
      if (!summary || summary.workloads === 0) {
        item.hide();
        return;
      }
      item.text = summary.label;
      item.tooltip = new MarkdownString(summary.tooltip);
      item.accessibilityInformation = { label: `Mesh overhead ${summary.label}` };
      item.show();
    } catch {
      // the server is restarting or shutting down; its next costChanged brings the total
    }
  };

  void refresh();
  return Disposable.from(item, costChanged(() => void refresh()), commands.registerCommand(SELECT_COST_PROFILE_COMMAND, pickProfile));
}
