"""The user data of instances a design gives none: a placeholder web server answering on the ports their load
balancers send to, with a page at each health check path, so the targets pass their health checks until the
application is deployed (without it the balancer marks every instance unhealthy and the group replaces them
forever). Amazon Linux 2023, the default image, has python3 and systemd."""

from __future__ import annotations

import posixpath
import shlex

DOCUMENT_ROOT = "/var/www/placeholder"
# The script's first lines; an importer reading them back knows the script is this placeholder, not the user's.
HEADER = "#!/bin/bash\n# Placeholder until the application is deployed: answers the load balancer's health checks.\n"


def health_file(path: str) -> str:
    """The file under the document root that answers a health check path ("/" and "/x/" answer with index.html)."""
    parts = [p for p in posixpath.normpath("/" + path.split("?")[0]).split("/") if p not in ("", ".", "..")]
    if not parts or path.split("?")[0].endswith("/"):
        parts.append("index.html")
    return "/".join(parts)


def placeholder_user_data(ports: list[int], health_paths: list[str]) -> str:
    files = sorted({"index.html", *(health_file(p) for p in health_paths)})
    lines = [
        *HEADER.splitlines(),
        "set -euo pipefail",
        f"root={DOCUMENT_ROOT}",
    ]
    for name in files:
        target = shlex.quote(name)
        lines.append(f'mkdir -p "$(dirname "$root"/{target})" && echo ok > "$root"/{target}')
    for port in sorted(set(ports)):
        unit = f"/etc/systemd/system/placeholder-web-{port}.service"
        lines += [
            f"cat > {unit} <<UNIT",
            "[Unit]",
            f"Description=Placeholder web server on port {port}",
            "After=network-online.target",
            "[Service]",
            f"ExecStart=/usr/bin/python3 -m http.server {port} --directory $root",
            "Restart=always",
            "[Install]",
            "WantedBy=multi-user.target",
            "UNIT",
        ]
    lines.append("systemctl daemon-reload")
    lines += [f"systemctl enable --now placeholder-web-{port}.service" for port in sorted(set(ports))]
    return "\n".join(lines) + "\n"
