"""The deployment packages of Lambda functions whose code the template carries inline (the placeholder code, or a
function imported with its code): zips written beside the .tf files, each function naming its own with `filename`
and `source_code_hash = filebase64sha256(...)`, so the Terraform export needs no provider but aws (the archive
provider is no longer asked for) and the same design gives the same bytes.

A package is named by its content (`function_code_<first 12 hex digits of its SHA-256>.zip`): functions with the
same code share one file, and a function whose code differs has its own. Placeholder code depends only on the
runtime and the handler, so the 2,000 functions of a large design are one or two packages, not 2,000 files to
create (a second of the export's system time). The zip holds the file the CloudFormation template writes inline
(`index.py` or `index.js`), with the same code."""

from __future__ import annotations

import functools
import hashlib
import io
import zipfile

from archbuilder.exporters.cloudformation.function_code import inline_filename

# Zip entries carry a timestamp and permissions; fixed ones keep the export deterministic.
_ENTRY_DATE = (1980, 1, 1, 0, 0, 0)
_ENTRY_MODE = 0o644 << 16
PACKAGE_PREFIX = "function_code_"
# The comment main.tf opens its functions' part with, where it has packages (files.py).
PACKAGES_NOTE = (
    "# Functions' code: each aws_lambda_function's `filename` names the zip beside these files that holds it.\n"
    "# A zip is named by its content (function_code_<SHA-256>.zip): functions with the same code share one, and\n"
    "# a function given code of its own needs a zip of its own, named in its `filename`.\n\n"
)


def zip_bytes(filename: str, source: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        entry = zipfile.ZipInfo(filename, date_time=_ENTRY_DATE)
        entry.external_attr = _ENTRY_MODE
        entry.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(entry, source.encode("utf-8"))
    return buffer.getvalue()


@functools.lru_cache(maxsize=64)  # functions of one runtime and handler carry the same placeholder code
def package(runtime: str, source: str) -> tuple[str, bytes] | None:
    """The file name and bytes of the package of a function with this runtime and inline code; None for a
    runtime CloudFormation writes no inline code for."""
    filename = inline_filename(runtime)
    if filename is None:
        return None
    content = zip_bytes(filename, source)
    return f"{PACKAGE_PREFIX}{hashlib.sha256(content).hexdigest()[:12]}.zip", content
