"""The Terraform resource writer registry and the helpers writers share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from archbuilder.exporters.hcl_writer import Block
from archbuilder.exporters.terraform_convert import Converter_

Props = dict[str, Any]
RESOURCE_WRITERS: dict[str, Callable[[Converter_, str, Props], list[Block]]] = {}


def writes(
    cfn_type: str,
) -> Callable[[Callable[[Converter_, str, Props], Props]], Callable[[Converter_, str, Props], Props]]:
    def register(
        function: Callable[[Converter_, str, Props], Props],
    ) -> Callable[[Converter_, str, Props], Props]:
        def write(conv: Converter_, logical: str, props: Props) -> list[Block]:
            tf_type, name = conv.names[logical]
            return [Block("resource", (tf_type, name), function(conv, logical, props))]

        RESOURCE_WRITERS[cfn_type] = write
        return function

    return register


def _tags(conv: Converter_, props: Props) -> Props:
    tags = props.get("Tags")
    return {"tags": {t["Key"]: conv.expr(t["Value"]) for t in tags}} if tags else {}


def _e(conv: Converter_, props: Props, key: str, default: Any = None) -> Any:
    return conv.expr(props[key]) if key in props else default


def _keep(items: Props) -> Props:
    return {k: v for k, v in items.items() if v is not None}
