"""The comment atop a written-back main.tf (a design imported from Terraform, source_files.py): its lists (steps to do
by hand, values written in place of the design's, labels, types) follow the design's edits, line by line, as its
blocks do, so that an import of the files reads the design back; lines written by hand stay."""

from __future__ import annotations


def header(text: str) -> list[str]:
    """The comment lines atop a file, up to its first block, blank lines included."""
    lines = text.splitlines(keepends=True)
    end = next((i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")), len(lines))
    return lines[:end]


def header_updated(text: str, base: str, current: str) -> str:
    """`text` with the comment lines the export wrote for the design as imported (`base`) and no longer writes
    for the design as it is (`current`) taken out, and those it writes now added to their list (a list the file
    does not have yet goes at the end of the comment)."""
    written, before, after = header(text), header(base), header(current)
    gone = {line for line in before if line.startswith("#   ")} - set(after)
    new = [line for line in after if line.startswith("#   ") and line not in before]
    if not gone and not new:
        return text
    lines = [line for line in written if line not in gone]
    for line in new:
        heading = _heading_of(line, after)
        if heading in lines:
            end = lines.index(heading) + 1
            while end < len(lines) and lines[end].startswith("#   "):
                end += 1
            lines.insert(end, line)
        else:
            lines += [heading, line, "\n"] if not lines or lines[-1] == "\n" else ["\n", heading, line, "\n"]
    return "".join(lines) + text[len("".join(written)) :]


def _heading_of(line: str, lines: list[str]) -> str:
    """The heading of the list `line` is in: the last line before it that is not one of a list's lines."""
    index = lines.index(line)
    return next(lines[i] for i in range(index - 1, -1, -1) if not lines[i].startswith("#   "))
