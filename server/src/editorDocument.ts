// An open document as the editor last sent it, in place of vscode-languageserver-textdocument's
// TextDocument: the text is a PieceText, so an incremental change copies the few KB it
// touches instead of the whole file, and the analysis reads only the span to re-parse.
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { PieceText } from './core/parse/pieceText';

export class EditorDocument implements TextDocument {
  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    public source: PieceText,
  ) {}

  get lineCount(): number {
    return this.source.lineIndex.lineCount;
  }

  getText(range?: Range): string {
    if (!range) return String(this.source);
    return this.source.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    return this.source.lineIndex.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.source.lineIndex.offsetAt(position);
  }

  /** Applies the changes of one didChange notification, in order; a malformed change is skipped. */
  apply(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of Array.isArray(changes) ? changes : []) {
      if (typeof change?.text !== 'string') continue;
      if ('range' in change) {
        if (!isPosition(change.range?.start) || !isPosition(change.range?.end)) continue;
        const a = this.offsetAt(change.range.start);
        const b = this.offsetAt(change.range.end);
        this.source = this.source.edit(Math.min(a, b), Math.max(a, b), change.text);
      } else {
        this.source = PieceText.of(change.text);
      }
    }
    this.version = version;
  }
}

function isPosition(position: Position | undefined): position is Position {
  return Number.isInteger(position?.line) && Number.isInteger(position?.character);
}

export const EDITOR_DOCUMENTS: TextDocumentsConfiguration<EditorDocument> = {
  create: (uri, languageId, version, content) => new EditorDocument(uri, languageId, version, PieceText.of(content)),
  update(document, changes, version) {
    document.apply(changes, version);
    return document;
  },
};
