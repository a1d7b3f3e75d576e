"""The deployment packages of Lambda functions that carry placeholder code: one zip per function, written beside
the .tf files and named by `filename` with `source_code_hash = filebase64sha256(...)`, so the Terraform export
needs no provider but aws (the archive provider is no longer asked for) and the same design gives the same bytes.

The zip holds the file the CloudFormation template writes inline (`index.py` or `index.js`), with the same code."""

from __future__ import annotations

import functools
import io
import zipfile
from typing import Any

from archbuilder.exporters.cloudformation.function_code import inline_filename
from archbuilder.model.naming import snake

# Zip entries carry a timestamp and permissions; fixed ones keep the export deterministic.
_ENTRY_DATE = (1980, 1, 1, 0, 0, 0)
_ENTRY_MODE = 0o644 << 16


def package_name(function_name: str) -> str:
    return f"{function_name}.zip"


@functools.lru_cache(maxsize=64)  # functions of one runtime carry the same placeholder code
def zip_bytes(filename: str, source: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        entry = zipfile.ZipInfo(filename, date_time=_ENTRY_DATE)
        entry.external_attr = _ENTRY_MODE
        entry.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(entry, source.encode("utf-8"))
    return buffer.getvalue()


def function_packages(template: dict[str, Any], names: dict[str, tuple[str, str]]) -> dict[str, bytes]:
    """File name -> zip of every function whose code the template carries inline; `names` are the converter's
    (logical id -> Terraform type and name)."""
    packages: dict[str, bytes] = {}
    for logical, body in template["Resources"].items():
        if body["Type"] != "AWS::Lambda::Function":
            continue
        props = body.get("Properties") or {}
        code = props.get("Code") or {}
        filename = inline_filename(str(props.get("Runtime", "")))
        if "ZipFile" in code and filename is not None:
            name = names[logical][1] if logical in names else snake(logical)
            packages[package_name(name)] = zip_bytes(filename, str(code["ZipFile"]))
    return packages
