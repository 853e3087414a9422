// The workbench's SQL editor: CodeMirror 6 (@codemirror/view, state, language,
// autocomplete, lang-sql from node_modules) with completion of the corpus's
// tables and columns, Ctrl/Cmd-Enter to run, a marked line for DuckDB errors, and
// CodeMirror's own history and default key bindings (@codemirror/commands).
import {autocompletion, closeBrackets, closeBracketsKeymap, type Completion} from "@codemirror/autocomplete";
import {defaultKeymap, history, historyKeymap, indentWithTab} from "@codemirror/commands";
import {PostgreSQL, sql, type SQLNamespace} from "@codemirror/lang-sql";
import {bracketMatching, defaultHighlightStyle, syntaxHighlighting} from "@codemirror/language";
import {Compartment, EditorSelection, EditorState, StateEffect, StateField} from "@codemirror/state";
import {Decoration, EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers, placeholder, type DecorationSet} from "@codemirror/view";

export interface SchemaColumn {
  name: string;
  type: string;
  description?: string;
}
export interface SchemaTable {
  name: string;
  description?: string;
  columns: SchemaColumn[];
}

/** lang-sql's completion namespace: table → columns, with types and descriptions. */
/** The data dictionary (src/data/sql-schema.json). */
export interface Dictionary {
  tables: {name: string; description: string; columns: {name: string; type: string; description: string; unit?: string}[]}[];
}

/** The completion schema from the data dictionary (before DuckDB has described the tables). */
export function dictionarySchema(dictionary: Dictionary): SchemaTable[] {
  return dictionary.tables.map((t) => ({
    name: t.name,
    description: t.description,
    columns: t.columns.map((c) => ({name: c.name, type: c.type, description: c.description + (c.unit ? ` (${c.unit})` : "")}))
  }));
}

export function completionSchema(tables: SchemaTable[]): SQLNamespace {
  const namespace: Record<string, SQLNamespace> = {};
  for (const table of tables) {
    const self: Completion = {label: table.name, type: "type", detail: "table", info: table.description};
    const children: Completion[] = table.columns.map((c) => ({
      label: c.name,
      type: "property",
      detail: c.type,
      info: c.description
    }));
    namespace[table.name] = {self, children};
  }
  return namespace;
}

const setErrorLine = StateEffect.define<number | null>();
const errorLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    if (tr.docChanged) value = Decoration.none;
    for (const effect of tr.effects) {
      if (!effect.is(setErrorLine)) continue;
      const n = effect.value;
      if (n == null || n < 1 || n > tr.state.doc.lines) value = Decoration.none;
      else value = Decoration.set([Decoration.line({class: "cm-bn-error-line"}).range(tr.state.doc.line(n).from)]);
    }
    return value;
  },
  provide: (f) => EditorView.decorations.from(f)
});

export interface SqlEditor {
  view: EditorView;
  element: HTMLElement;
  getValue(): string;
  setValue(text: string): void;
  /** marks a 1-based line (null clears) and moves the cursor there */
  markError(line: number | null, column?: number): void;
  insert(text: string): void;
  /** replaces the tables and columns offered by completion */
  setSchema(tables: SchemaTable[]): void;
}

export function sqlEditor({
  doc = "",
  tables = [] as SchemaTable[],
  onRun,
  onChange
}: {doc?: string; tables?: SchemaTable[]; onRun: () => void; onChange?: (text: string) => void}): SqlEditor {
  const element = document.createElement("div");
  element.className = "bn-sql-editor";
  const language = new Compartment();
  const languageFor = (t: SchemaTable[]) => sql({dialect: PostgreSQL, schema: completionSchema(t), upperCaseKeywords: true});
  const view = new EditorView({
    parent: element,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLine(),
        drawSelection(),
        bracketMatching(),
        closeBrackets(),
        EditorState.allowMultipleSelections.of(false),
        EditorView.lineWrapping,
        placeholder("SELECT … FROM line_items — Ctrl/Cmd-Enter to run"),
        keymap.of([
          {
            key: "Mod-Enter",
            preventDefault: true,
            run: () => {
              onRun();
              return true;
            }
          },
          {key: "Shift-Enter", preventDefault: true, run: () => (onRun(), true)}
        ]),
        language.of(languageFor(tables)),
        autocompletion({activateOnTyping: true, maxRenderedOptions: 200}),
        history(),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        syntaxHighlighting(defaultHighlightStyle, {fallback: true}),
        errorLineField,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange?.(update.state.doc.toString());
        }),
        EditorView.contentAttributes.of({"aria-label": "SQL query", spellcheck: "false", autocapitalize: "off"})
      ]
    })
  });
  return {
    view,
    element,
    getValue: () => view.state.doc.toString(),
    setValue(text) {
      view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text}, selection: EditorSelection.cursor(0)});
    },
    markError(line, column) {
      const effects = [setErrorLine.of(line)];
      if (line != null && line >= 1 && line <= view.state.doc.lines) {
        const l = view.state.doc.line(line);
        const pos = Math.min(l.to, l.from + Math.max(0, (column ?? 1) - 1));
        view.dispatch({effects, selection: EditorSelection.cursor(pos), scrollIntoView: true});
      } else view.dispatch({effects});
    },
    setSchema(next) {
      view.dispatch({effects: language.reconfigure(languageFor(next))});
    },
    insert(text) {
      view.dispatch(view.state.replaceSelection(text), {scrollIntoView: true});
      view.focus();
    }
  };
}
