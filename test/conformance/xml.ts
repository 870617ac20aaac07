/**
 * A small, strict XML 1.0 reader for the specs: checks well-formedness of what the CLI writes
 * (one root element, matching and properly nested tags, quoted unique attributes, only the five
 * predefined and numeric character references, no '<' or bare '&' in text or attribute values,
 * no characters XML 1.0 forbids) and returns the element tree. Written independently of the
 * JUnit writer: it knows XML, not the report. DOCTYPE, CDATA, comments and processing
 * instructions other than the XML declaration are rejected (the writer emits none).
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_.:]*/;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' };
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`'<' in character data at ${where}`);
  if (FORBIDDEN.test(raw)) throw new Error(`character not allowed in XML 1.0 at ${where}`);
  return raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare '&' at ${where}`);
    if (/^#[0-9]+$/.test(ref)) return String.fromCodePoint(Number(ref.slice(1)));
    if (/^#x[0-9a-fA-F]+$/.test(ref)) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    const v = ENTITIES[ref];
    if (v === undefined) throw new Error(`unknown entity &${ref}; at ${where}`);
    return v;
  });
}

/** Parses `doc`; throws with the position of the first well-formedness error. */
export function parseXml(doc: string): XmlElement {
  let i = 0;
  const decl = /^<\?xml\s+version="1\.[0-9]"(\s+encoding="[A-Za-z0-9._-]+")?\s*\?>/.exec(doc);
  if (decl !== null) i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const ws = (): void => {
    while (i < doc.length && /\s/.test(doc[i])) i++;
  };
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    const text = doc.slice(i, lt === -1 ? doc.length : lt);
    if (stack.length === 0) {
      if (text.trim() !== '') throw new Error(`text outside the root element at ${i}`);
    } else {
      stack[stack.length - 1].text += decode(text, i);
    }
    if (lt === -1) break;
    i = lt + 1;
    if (doc.startsWith('!', i) || doc.startsWith('?', i)) throw new Error(`unsupported markup at ${lt}`);
    if (doc[i] === '/') {
      i++;
      const m = NAME.exec(doc.slice(i));
      const open = stack.pop();
      if (m === null || open === undefined || m[0] !== open.name) {
        throw new Error(`closing tag ${m?.[0] ?? '?'} at ${lt} does not close ${open?.name ?? 'anything'}`);
      }
      i += m[0].length;
      ws();
      if (doc[i] !== '>') throw new Error(`'>' expected at ${i}`);
      i++;
      continue;
    }
    const m = NAME.exec(doc.slice(i));
    if (m === null) throw new Error(`element name expected at ${i}`);
    i += m[0].length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = i;
      ws();
      if (doc[i] === '>' || doc.startsWith('/>', i)) break;
      if (i === before) throw new Error(`space expected before an attribute at ${i}`);
      const a = NAME.exec(doc.slice(i));
      if (a === null) throw new Error(`attribute name expected at ${i}`);
      i += a[0].length;
      ws();
      if (doc[i] !== '=') throw new Error(`'=' expected at ${i}`);
      i++;
      ws();
      const q = doc[i];
      if (q !== '"' && q !== '\'') throw new Error(`quoted value expected at ${i}`);
      const end = doc.indexOf(q, i + 1);
      if (end === -1) throw new Error(`unterminated attribute value at ${i}`);
      if (a[0] in attrs) throw new Error(`attribute ${a[0]} repeated at ${i}`);
      attrs[a[0]] = decode(doc.slice(i + 1, end), i);
      i = end + 1;
    }
    const element: XmlElement = { name: m[0], attrs, children: [], text: '' };
    if (stack.length === 0) {
      if (root !== null) throw new Error(`second root element at ${lt}`);
      root = element;
    } else {
      stack[stack.length - 1].children.push(element);
    }
    if (doc.startsWith('/>', i)) {
      i += 2;
    } else {
      i++;
      stack.push(element);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed element ${stack[stack.length - 1].name}`);
  if (root === null) throw new Error('no root element');
  return root;
}

/** Every descendant element named `name`, in document order. */
export function elements(e: XmlElement, name: string): XmlElement[] {
  return e.children.flatMap((c) => [...(c.name === name ? [c] : []), ...elements(c, name)]);
}
