"use client";

import { xml } from "@codemirror/lang-xml";
import CodeMirror from "@uiw/react-codemirror";

const extensions = [xml()];

/** CodeMirror with XML highlighting; loaded only when the operator opens Edit. */
export default function XmlCodeEditor({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <div data-testid="xml-editor" className="overflow-hidden rounded border border-zinc-300 text-xs dark:border-zinc-700">
      <CodeMirror value={value} onChange={onChange} extensions={extensions} height="420px" aria-label="Network XML editor"
        basicSetup={{ foldGutter: false, autocompletion: false }} />
    </div>
  );
}
