// What the tests do and read in the VS Code 1.100 workbench, by DOM selector. All of
// these are VS Code internals (checked on code-server 4.100.3): the negative control in
// editor.test.mjs notices when one no longer finds what it should.
import path from 'node:path';
import fs from 'node:fs';
import { waitFor } from './codeServerSession.mjs';

const NBSP = /\u00a0/g; // the editor renders spaces as U+00A0

export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench .explorer-folders-view').waitFor();
}

/** Opens `relative` (to the workspace) with Quick Open and waits until its editor shows `marker` text. */
export async function openFile(page, relative, marker) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(relative);
  // rows read "virtualservice.yaml bad": pick the one in the right folder, not just the first
  const folder = path.basename(path.dirname(relative));
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relative) }).filter({ hasText: folder }).first();
  await row.click();
  await waitFor(`the editor to show ${relative}`, async () => (await editorText(page)).includes(marker));
}

/** The visible text of the active editor, spaces normalised. */
export async function editorText(page) {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines');
  if ((await lines.count()) === 0) return '';
  return (await lines.first().innerText()).replace(NBSP, ' ');
}

/**
 * Every error squiggle in the active editor, with the line number shown in the gutter
 * beside it, and the screen box of both the squiggle and the source text it underlines.
 * `text` is looked up on the squiggle's line, at `column` (1-based) when given.
 */
export async function errorSquiggles(page, { text, column } = {}) {
  return page.evaluate(({ text, column }) => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor');
    if (!editor) return [];
    const box = (r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    const atHeight = (selector, y) => [...editor.querySelectorAll(selector)].find((el) => {
      const b = el.getBoundingClientRect();
      return b.top <= y && y < b.bottom;
    });
    return [...editor.querySelectorAll('.squiggly-error')].map((el) => {
      const squiggle = el.getBoundingClientRect();
      const y = (squiggle.top + squiggle.bottom) / 2;
      const lineNumber = Number(atHeight('.margin-view-overlays .line-numbers', y)?.textContent.trim());
      const viewLine = atHeight('.view-lines .view-line', y);
      const lineText = viewLine ? viewLine.textContent.replace(/\u00a0/g, ' ') : '';
      let textBox = null;
      if (viewLine && text) {
        const at = column ? column - 1 : lineText.indexOf(text);
        if (at >= 0 && lineText.slice(at, at + text.length) === text) {
          // a DOM Range over exactly those characters, across however many token spans
          const range = document.createRange();
          const walker = document.createTreeWalker(viewLine, NodeFilter.SHOW_TEXT);
          let offset = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = node.textContent.length;
            if (offset <= at && at < offset + length) range.setStart(node, at - offset);
            if (offset < at + text.length && at + text.length <= offset + length) range.setEnd(node, at + text.length - offset);
            offset += length;
          }
          textBox = box(range.getBoundingClientRect());
        }
      }
      return { lineNumber, lineText, squiggle: box(squiggle), textBox };
    });
  }, { text, column });
}

/** Opens the Problems panel and returns its marker rows (file rows left out). */
export async function problems(page) {
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor();
  return readProblems(page);
}

export async function readProblems(page) {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows
    .filter((row) => row.querySelector('.marker-message'))
    .map((row) => ({
      severity: row.querySelector('.marker-icon')?.className.replace('marker-icon', '').trim(),
      message: row.querySelector('.marker-message')?.textContent,
      source: row.querySelector('.marker-source')?.textContent,
      code: row.querySelector('.marker-code')?.textContent,
      href: row.querySelector('a.monaco-link')?.getAttribute('href'),
      position: row.querySelector('.marker-line')?.textContent,
    })));
}

/** The file rows of the Problems panel, as their text ("name folder"). */
export async function problemFiles(page) {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows
    .filter((row) => !row.querySelector('.marker-message'))
    .map((row) => row.textContent.replace(/\u00a0/g, ' ')));
}

/** Hovers the middle of `box` and returns the text of the hover that shows `expectedText`. */
export async function hoverAt(page, box, expectedText) {
  await page.mouse.move(1, 1);
  await page.mouse.move((box.left + box.right) / 2, (box.top + box.bottom) / 2, { steps: 5 });
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expectedText }).first();
  await hover.waitFor({ state: 'visible' });
  // it fades in: wait for its animations to end, so a screenshot shows it fully drawn
  await waitFor('the hover to finish fading in', () => hover.evaluate((el) =>
    el.getAnimations({ subtree: true }).every((a) => a.playState !== 'running') && getComputedStyle(el).opacity === '1'), 5_000);
  return (await hover.innerText()).replace(NBSP, ' ');
}

/**
 * Our language client's trace (mumbaiMesh.trace.server = verbose) in the extension host's
 * output log: the publishDiagnostics notifications received so far, as { uri, diagnostics }.
 */
export function publishedDiagnostics(userData) {
  const logsRoot = path.join(userData, 'logs');
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('Mumbai Mesh.log')) files.push(p);
    }
  };
  walk(logsRoot);
  const found = [];
  for (const file of files) {
    for (const entry of fs.readFileSync(file, 'utf8').split(/^\[Trace - /m)) {
      if (!entry.includes("notification 'textDocument/publishDiagnostics'")) continue;
      const json = entry.slice(entry.indexOf('Params: ') + 'Params: '.length).trim();
      try {
        found.push(JSON.parse(json));
      } catch {
        // the entry is still being written: the next poll reads it whole
      }
    }
  }
  return found;
}
