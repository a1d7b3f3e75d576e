"""Calls whose grant the callee's own module writes, as what the call needs besides the callee is the callee's to
know: activating a Data Pipeline pipeline (passing it its roles, big_data.py) and deploying a revision of a
CodeDeploy application to its deployment group (devtools.py). Each returns False where the export writes nothing the
grant could name (the warnings say why, unwritten_connections.py)."""

from __future__ import annotations

from collections.abc import Callable

from archbuilder.exporters.cloudformation.big_data import let_activate
from archbuilder.exporters.cloudformation.context import CfnContext
from archbuilder.exporters.cloudformation.devtools import let_deploy
from archbuilder.model import ServiceNode

CALL_GRANTS: dict[str, Callable[[CfnContext, ServiceNode, ServiceNode], bool]] = {
    "data_pipeline": let_activate,
    "codedeploy_app": let_deploy,
}
