"""Writes a template as block YAML with the same bytes as `yaml.dump(..., Dumper=TemplateDumper)` (libyaml's
emitter behind PyYAML's Python representer), several times faster: the representer makes a node for each of a
large template's million values, and that was most of the export's time.

It writes what templates hold: mappings with text keys, lists, text, numbers, booleans, null and the short-form
intrinsics (`Tagged`). Anything else — a key that is not one line of text of at most 128 bytes, a value of
another type — raises `Unsupported`, and the caller dumps with PyYAML instead. Layout follows libyaml's block
emitter (src/emitter.c): a list under a key is not indented, a mapping or list in a list starts on the dash's
line, an empty one is written `{}` or `[]`, and a literal block that ends in a line break leaves the next line
unindented by a newline of its own.
"""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.cloudformation import yaml_scalars as scalars
from archbuilder.exporters.cloudformation.yaml_scalars import Unsupported

__all__ = ["SHORT_FORMS", "Tagged", "Unsupported", "emit", "short_form"]

SHORT_FORMS = {
    "Ref": "!Ref",
    "Fn::Sub": "!Sub",
    "Fn::GetAZs": "!GetAZs",
    "Fn::Select": "!Select",
    "Fn::Join": "!Join",
    "Fn::If": "!If",
    "Fn::Equals": "!Equals",
    "Fn::Not": "!Not",
    "Fn::And": "!And",
    "Fn::Or": "!Or",
    "Fn::FindInMap": "!FindInMap",
    "Fn::Base64": "!Base64",
    "Fn::Split": "!Split",
    "Fn::ImportValue": "!ImportValue",
    "Fn::Cidr": "!Cidr",
    "Condition": "!Condition",
}
_TOP_SECTIONS = ("Resources", "Outputs")


class Tagged:
    """A value written with a local tag (`!Ref Name`, `!Select` and a list)."""

    __slots__ = ("tag", "value")

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


def short_form(mapping: dict[Any, Any], *, in_resource_top: bool = False) -> tuple[str, Any] | None:
    """The tag and argument `mapping` is written with if it is an intrinsic function with a short form
    (`{"Ref": "Vpc"}` -> `!Ref Vpc`), or None if it is written as a mapping."""
    if len(mapping) != 1:
        return None
    ((key, inner),) = mapping.items()
    if key == "Fn::GetAtt":
        if isinstance(inner, list) and len(inner) == 2 and all(isinstance(i, str) for i in inner):
            return "!GetAtt", f"{inner[0]}.{inner[1]}"
        return None
    # "Condition" is also a plain key of resources and rules; only the intrinsic form is shortened. The Rain
    # tool's directives an imported template holds are written back with their tag (importers/cfn_yaml.py).
    rain = isinstance(key, str) and key.startswith("Rain::")
    if (key not in SHORT_FORMS and not rain) or (key == "Condition" and in_resource_top):
        return None
    # YAML cannot put a tag directly on a tagged node (!Base64 !Sub ...): the outer one stays long; so does
    # one whose argument is a number, boolean or null (`Ref: 0` reads back as written).
    if not isinstance(inner, str | list | dict) or (
        isinstance(inner, dict) and short_form(inner) is not None
    ):
        return None
    return (f"!{key}" if rain else SHORT_FORMS[key]), inner


class _Emitter:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.keys: dict[str, str] = {}  # key -> its text and the colon
        # Text -> how it is written after an indicator (untagged, tagged), where that is the same everywhere.
        self.values: dict[str, str] = {}
        self.tagged: dict[str, str] = {}
        self.literals: dict[tuple[str, int], str] = {}  # (text, indent) -> a literal block
        self.keep_final_breaks = (
            False  # the last literal block kept its final line breaks: the stream ends `...`
        )

    # ------------------------------------------------------------------ collections

    def mapping(self, mapping: dict[Any, Any], indent: int, first: str) -> bool:
        """Write `mapping`'s entries at `indent`, the first after `first`. True if it ends with a line break."""
        out, keys, values = self.out, self.keys, self.values
        newline, pad = "\n" + " " * indent, " " * indent
        broke = False
        for key, value in mapping.items():
            out.append(first)
            key_text = keys.get(key) if type(key) is str else None
            if key_text is None:
                key_text = self._key(key)
            out.append(key_text)
            column = indent + len(key_text)
            if type(value) is str:
                text = values.get(value)
                if text is not None and column + len(text) <= scalars.WIDTH:
                    out.append(text)
                    broke = False
                else:
                    broke = self.scalar(value, column, indent + scalars.INDENT, tag=None)
            else:
                top = key in _TOP_SECTIONS
                broke = self.node(value, column, indent, in_mapping=True, in_resource_top=top)
            first = pad if broke else newline
        return broke

    def sequence(self, items: list[Any], indent: int, first: str) -> bool:
        out = self.out
        newline, pad = "\n" + " " * indent, " " * indent
        broke = False
        for item in items:
            out.append(first)
            out.append("-")
            broke = self.node(item, indent + 1, indent, in_mapping=False)
            first = pad if broke else newline
        return broke

    def node(
        self, value: Any, column: int, indent: int, *, in_mapping: bool, in_resource_top: bool = False
    ) -> bool:
        """Write `value` after a key's colon (`in_mapping`) or a dash at `column`, in a collection at `indent`;
        an intrinsic function in its short form."""
        kind = type(value)
        tag = None
        if kind is dict and len(value) == 1:
            short = short_form(value, in_resource_top=in_resource_top)
            if short is not None:
                tag, value = short
                kind = type(value)
        elif kind is Tagged:
            tag, value = value.tag, value.value
            kind = type(value)
        if tag is not None:
            if not (tag[:1] == "!" and tag[1:].isalnum() and tag.isascii()):
                raise Unsupported(f"tag {tag!r}")
            self.out.append(" " + tag)
            column += 1 + len(tag)
        if kind is dict or kind is list:
            if not value:
                self.out.append(" {}" if kind is dict else " []")
                return False
            # A list under a key lines up with the key; anything else in a list starts on the dash's line
            # (unless a tag is written there) two columns in.
            inner = indent if kind is list and in_mapping else indent + scalars.INDENT
            first = "\n" + " " * inner if in_mapping or tag else " "
            if kind is dict:
                return self.mapping(value, inner, first)
            return self.sequence(value, inner, first)
        if kind is str:
            return self.scalar(value, column, indent + scalars.INDENT, tag=tag)
        if tag is not None:
            raise Unsupported(f"tag {tag!r} on {kind.__name__}")
        self.out.append(" " + _other_scalar(value))
        return False

    # ------------------------------------------------------------------ scalars

    def scalar(self, value: str, column: int, indent: int, *, tag: str | None) -> bool:
        """Write text at `column` (after an indicator or a tag); `indent` is where its folded lines start."""
        cache = self.values if tag is None else self.tagged
        text = cache.get(value)
        if text is not None and column + len(text) <= scalars.WIDTH:
            self.out.append(text)
            return False
        literal = self.literals.get((value, indent))
        if literal is not None:
            self.out.append(literal)
            self.keep_final_breaks = scalars.literal_keeps_final_breaks(value)
            return scalars.ends_with_break(value)
        analysis = scalars.analyse(value)
        chosen = scalars.style(value, analysis, tagged=tag is not None, key=False)
        text = scalars.write(value, chosen, column, indent, key=False)
        self.out.append(text)
        if chosen == scalars.LITERAL:
            self.literals[value, indent] = text
            self.keep_final_breaks = scalars.literal_keeps_final_breaks(value)
            return scalars.ends_with_break(value)
        if not analysis.multiline and "\n" not in text:
            cache[value] = text  # the same wherever it is short enough not to fold
        return False

    def _key(self, key: Any) -> str:
        if type(key) is not str:
            raise Unsupported(f"a key of type {type(key).__name__}")
        analysis = scalars.analyse(key)
        # libyaml writes a longer or multi-line key as a complex key (`? key`), which templates never need.
        if analysis.multiline or len(key.encode("utf-8", "surrogatepass")) > 128:
            raise Unsupported("a long or multi-line key")
        chosen = scalars.style(key, analysis, tagged=False, key=True)
        text = scalars.write(key, chosen, 0, 0, key=True) + ":"
        self.keys[key] = text
        return text


def _other_scalar(value: Any) -> str:
    """A number, boolean or null as SafeRepresenter writes it (never quoted: each reads back as itself)."""
    kind = type(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is float:
        if value != value:
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value).lower()
        return text.replace("e", ".0e", 1) if "." not in text and "e" in text else text
    if value is None:
        return "null"
    raise Unsupported(f"a value of type {kind.__name__}")


def emit(document: dict[str, Any]) -> str:
    """`document` (a mapping, values as above, intrinsic functions in their long or short form) as YAML."""
    if type(document) is not dict or not document or short_form(document) is not None:
        raise Unsupported("a document that is not a mapping of its own")
    emitter = _Emitter()
    broke = emitter.mapping(document, 0, "")
    if not broke:
        emitter.out.append("\n")
    if emitter.keep_final_breaks:
        emitter.out.append("...\n")
    return "".join(emitter.out)
