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
 * The screen box of `length` characters from `at` in an editor line element: a DOM Range
 * over exactly those characters, across however many token spans the line is drawn with.
 * Runs in the page (installed there by installTextRangeBox).
 */
function textRangeBox(lineElement, at, length) {
  const range = document.createRange();
  const walker = document.createTreeWalker(lineElement, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const size = node.textContent.length;
    if (offset <= at && at < offset + size) range.setStart(node, at - offset);
    if (offset < at + length && at + length <= offset + size) range.setEnd(node, at + length - offset);
    offset += size;
  }
  return range.getBoundingClientRect();
}

/** Defines textRangeBox in the page, once; page.evaluate cannot take functions as arguments. */
async function installTextRangeBox(page) {
  await page.evaluate(`window.__mumbaiMeshTextRangeBox ??= ${textRangeBox.toString()}`);
}

/**
 * Every error squiggle in the active editor, with the line number shown in the gutter
 * beside it, and the screen box of both the squiggle and the source text it underlines.
 * `text` is looked up on the squiggle's line, at `column` (1-based) when given.
 */
export async function errorSquiggles(page, { text, column } = {}) {
  await installTextRangeBox(page);
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
          textBox = box(window.__mumbaiMeshTextRangeBox(viewLine, at, text.length));
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
      // the icon's classes: marker-icon, the severity, and `quickFix` once the editor knows
      // the marker has a code action (which may come a moment later)
      severity: [...(row.querySelector('.marker-icon')?.classList ?? [])].find((c) => ['error', 'warning', 'info', 'hint'].includes(c)),
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

// ---- additions for authoring.test.mjs and cost.test.mjs ----

/**
 * The lines the active editor has on screen, top to bottom, as { number, text }: the line
 * number from the gutter beside each line, the text with spaces normalised. Lines scrolled
 * out of view are not there, so callers that need a whole file give the page room for it.
 */
export async function editorLines(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor');
    if (!editor) return [];
    const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((el) => {
      const b = el.getBoundingClientRect();
      return { y: (b.top + b.bottom) / 2, number: Number(el.textContent.trim()) };
    });
    return [...editor.querySelectorAll('.view-lines .view-line')]
      .map((el) => ({ box: el.getBoundingClientRect(), text: el.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.box.top - b.box.top)
      .map(({ box, text }) => ({ number: numbers.find((n) => box.top <= n.y && n.y < box.bottom)?.number, text }));
  });
}

/** Squiggles of any severity in the active editor, as "severity@line" strings. */
export async function allSquiggles(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor');
    if (!editor) return [];
    const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')];
    return [...editor.querySelectorAll('.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint')].map((el) => {
      const b = el.getBoundingClientRect();
      const y = (b.top + b.bottom) / 2;
      const line = numbers.find((n) => { const r = n.getBoundingClientRect(); return r.top <= y && y < r.bottom; });
      return `${/squiggly-(\w+)/.exec(el.className)[1]}@${line?.textContent.trim() ?? '?'}`;
    });
  });
}

/**
 * The screen box of `text` in the active editor: its first occurrence on the first visible
 * line whose text (leading spaces dropped) starts with `lineStart`. Null when not on screen.
 */
export async function textBox(page, lineStart, text) {
  await installTextRangeBox(page);
  return page.evaluate(({ lineStart, text }) => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor');
    const line = [...(editor?.querySelectorAll('.view-lines .view-line') ?? [])]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .find((el) => el.textContent.replace(/\u00a0/g, ' ').trimStart().startsWith(lineStart));
    if (!line) return null;
    const at = line.textContent.replace(/\u00a0/g, ' ').indexOf(text);
    if (at < 0) return null;
    const r = window.__mumbaiMeshTextRangeBox(line, at, text.length);
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }, { lineStart, text });
}

/** The rows of the open suggest widget: { index, label, details, focused }. */
export async function suggestions(page) {
  return page.locator('.suggest-widget.visible .monaco-list-row').evaluateAll((rows) => rows.map((row) => ({
    index: Number(row.dataset.index),
    label: row.querySelector('.label-name')?.textContent ?? '',
    details: row.querySelector('.details-label')?.textContent ?? '',
    focused: row.classList.contains('focused'),
  })).sort((a, b) => a.index - b.index));
}

/**
 * In the focused editor, types `prefix`, opens suggestions with Control+Space, moves to the
 * first row labelled exactly `prefix` and accepts it with Enter. Returns that row.
 * `answered` (optional) resolves once the completion providers have answered the request
 * Control+Space made: the widget lists a fast provider's items first and the rest as they
 * come, so without it the rows may still change after they are read.
 */
export async function typeAndAcceptSuggestion(page, prefix, { answered, timeoutMs = 15_000 } = {}) {
  await page.keyboard.type(prefix);
  // a trigger character in the prefix (`-`) may have opened a list while typing: close it, so
  // that Control+Space asks the providers afresh (on an open list it toggles the details)
  const widget = page.locator('.suggest-widget.visible');
  if (await widget.count() > 0) {
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
  }
  await page.keyboard.press('Control+Space');
  if (answered) await answered();
  // the rows, once two reads 250 ms apart agree (the widget has drawn what it was given)
  let previous;
  const rows = await waitFor(`a suggestion labelled "${prefix}"`, async () => {
    const all = await suggestions(page);
    const same = JSON.stringify(all) === JSON.stringify(previous);
    previous = all;
    return same && all.some((r) => r.label === prefix) ? all : undefined;
  }, timeoutMs, 250).catch(async (e) => {
    throw new Error(`${e.message}; suggestions: ${JSON.stringify((await suggestions(page)).map((r) => r.label))}`);
  });
  const target = rows.find((r) => r.label === prefix);
  const focused = rows.find((r) => r.focused) ?? rows[0];
  for (let i = focused.index; i < target.index; i++) await page.keyboard.press('ArrowDown');
  for (let i = focused.index; i > target.index; i--) await page.keyboard.press('ArrowUp');
  const now = await waitFor(`the row "${prefix}" to be focused`, async () => (await suggestions(page)).find((r) => r.focused && r.label === prefix), 5_000);
  await page.keyboard.press('Enter');
  await page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
  return { ...now, rows };
}

/** Runs a command by its title from the Command Palette (F1, the title, Enter). */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor();
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The texts of the CodeLenses in the active editor, top to bottom. */
export async function codeLensTitles(page) {
  return page.locator('.editor-group-container.active .monaco-editor .codelens-decoration').evaluateAll((lenses) => lenses
    .map((el) => ({ top: el.getBoundingClientRect().top, text: el.textContent.replace(/\u00a0/g, ' ').trim() }))
    .sort((a, b) => a.top - b.top)
    .map((l) => l.text));
}

/** The status bar items, as { id, text }. */
export async function statusBarItems(page) {
  return page.locator('.statusbar-item').evaluateAll((items) => items.map((el) => ({ id: el.id, text: el.textContent.replace(/\u00a0/g, ' ').trim() })));
}

/**
 * The frame (of all the page's frames, webviews' nested ones included) whose document has
 * an element matching `selector`. Webview content sits two iframes deep, and a webview that
 * renders again may replace its inner frame: callers ask again rather than keep one.
 */
export async function frameWith(page, selector, what, timeoutMs = 30_000) {
  return waitFor(what ?? `a frame with ${selector}`, async () => {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      const count = await frame.locator(selector).count().catch(() => 0);
      if (count > 0) return frame;
    }
    return undefined;
  }, timeoutMs, 200);
}

/** The language client's trace logs ("Mumbai Mesh" output channel) under a run's user data. */
function traceLogFiles(userData) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('Mumbai Mesh.log')) files.push(p);
    }
  };
  walk(path.join(userData, 'logs'));
  return files;
}

/**
 * Our language client's trace (mumbaiMesh.trace.server = verbose): the params of every
 * message with that direction and method, e.g. ('Sending notification', 'textDocument/didChange').
 */
export function tracedMessages(userData, direction, method) {
  const files = traceLogFiles(userData);
  const header = `${direction} '${method}'`;
  const found = [];
  for (const file of files) {
    for (const entry of fs.readFileSync(file, 'utf8').split(/^\[Trace - /m)) {
      const firstLine = entry.slice(0, entry.indexOf('\n'));
      if (!firstLine.includes(header)) continue;
      const at = entry.indexOf('Params: ');
      if (at < 0) continue;
      try {
        found.push(JSON.parse(entry.slice(at + 'Params: '.length).trim()));
      } catch {
        // still being written: the next poll reads it whole
      }
    }
  }
  return found;
}

/**
 * What the client has sent the server of one document, in order: { version, texts } for its
 * didOpen (the whole text) and each didChange (the inserted texts).
 */
export function sentDocumentVersions(userData, uri) {
  const opened = tracedMessages(userData, 'Sending notification', 'textDocument/didOpen')
    .filter((p) => p.textDocument?.uri === uri)
    .map((p) => ({ version: p.textDocument.version, texts: [p.textDocument.text] }));
  const changed = tracedMessages(userData, 'Sending notification', 'textDocument/didChange')
    .filter((p) => p.textDocument?.uri === uri)
    .map((p) => ({ version: p.textDocument.version, texts: p.contentChanges.map((c) => c.text) }));
  return [...opened, ...changed].sort((a, b) => a.version - b.version);
}

/**
 * The requests of one method our language client has sent, from its trace, in order:
 * { id, params, answered, failed } (failed: an error or a cancellation came back).
 */
export function tracedRequests(userData, method) {
  const files = traceLogFiles(userData);
  const requests = new Map();
  const escaped = method.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const sent = new RegExp(`^[^\\n]*\\] Sending request '${escaped} - \\((\\d+)\\)'`);
  const received = new RegExp(`^[^\\n]*\\] Received response '${escaped} - \\((\\d+)\\)'[^\\n]*`);
  for (const file of files) {
    for (const entry of fs.readFileSync(file, 'utf8').split(/^\[Trace - /m)) {
      const out = sent.exec(entry);
      if (out) {
        const at = entry.indexOf('Params: ');
        let params;
        try { params = at < 0 ? undefined : JSON.parse(entry.slice(at + 'Params: '.length).trim()); } catch { continue; }
        requests.set(Number(out[1]), { id: Number(out[1]), params, answered: false, failed: false });
        continue;
      }
      const back = received.exec(entry);
      const request = back && requests.get(Number(back[1]));
      if (request) {
        request.answered = true;
        request.failed = back[0].includes('Request failed');
      }
    }
  }
  return [...requests.values()].sort((a, b) => a.id - b.id);
}
