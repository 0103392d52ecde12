"""Query results written out: a terminal table, CSV, TSV, SPARQL JSON and XML; graphs in RDF formats."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from xml.sax.saxutils import escape, quoteattr

from kg.store.engine import Cell, Result

# Media types of the SPARQL 1.1 Protocol, by the short names the command line uses.
SELECT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {"turtle": "text/turtle", "ntriples": "application/n-triples", "jsonld": "application/ld+json"}


def render(result: Result, fmt: str) -> str:
    """The result in a format: table, csv, tsv, json or xml (SELECT/ASK); turtle, ntriples or jsonld (graphs)."""
    if result.kind == "graph":
        rdf = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}.get(fmt, "turtle")
        text = result.graph.serialize(format=rdf)
        if rdf == "nt":
            text = "".join(sorted(line + "\n" for line in text.splitlines() if line.strip()))
        return text
    if result.kind == "ask":
        if fmt == "xml":
            return _xml_head(None) + f"  <boolean>{str(result.boolean).lower()}</boolean>\n</sparql>\n"
        if fmt == "json":
            return json.dumps(result.json(), ensure_ascii=False) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "json":
        return json.dumps(result.json(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "xml":
        return _xml(result)
    if fmt in ("csv", "tsv"):
        return _delimited(result, fmt)
    return _table(result)


def _csv_value(c: Cell | None) -> str:
    return "" if c is None else c.value


def _tsv_value(c: Cell | None) -> str:
    """SPARQL 1.1 TSV writes terms in Turtle syntax."""
    if c is None:
        return ""
    if c.type == "uri":
        return f"<{c.value}>"
    if c.type == "bnode":
        return f"_:{c.value}"
    text = '"' + c.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'
    if c.lang:
        return f"{text}@{c.lang}"
    if c.datatype:
        return f"{text}^^<{c.datatype}>"
    return text


def _delimited(result: Result, fmt: str) -> str:
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in result.vars)]
        lines += ["\t".join(_tsv_value(c) for c in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow([_csv_value(c) for c in row])
    return buf.getvalue()


def _xml_head(vars_: list[str] | None) -> str:
    head = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n  <head>'
    if vars_:
        head += "".join(f"<variable name={quoteattr(v)}/>" for v in vars_)
    return head + "</head>\n"


def _xml(result: Result) -> str:
    out = [_xml_head(result.vars), "  <results>\n"]
    for row in result.rows:
        out.append("    <result>")
        for var, c in zip(result.vars, row, strict=True):
            if c is None:
                continue
            if c.type == "uri":
                inner = f"<uri>{escape(c.value)}</uri>"
            elif c.type == "bnode":
                inner = f"<bnode>{escape(c.value)}</bnode>"
            else:
                attrs = f" xml:lang={quoteattr(c.lang)}" if c.lang else ""
                attrs += f" datatype={quoteattr(c.datatype)}" if c.datatype else ""
                inner = f"<literal{attrs}>{escape(c.value)}</literal>"
            out.append(f"<binding name={quoteattr(var)}>{inner}</binding>")
        out.append("</result>\n")
    out.append("  </results>\n</sparql>\n")
    return "".join(out)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(result: Result) -> str:
    """Columns padded by display width (a Chinese character takes two), for a terminal."""
    cells = [result.vars] + [[_csv_value(c) for c in row] for row in result.rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(result.vars))]
    lines = []
    for k, row in enumerate(cells):
        lines.append("  ".join(v + " " * (w - _width(v)) for v, w in zip(row, widths, strict=True)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"({len(result.rows)} rows)")
    return "\n".join(lines) + "\n"
