"""Every function the CloudFormation export writes code for, beyond the examples (test_deploy_defects.py): the
generated designs, the design holding every catalog service and the event-driven design. Each handler's file is
imported in a fresh interpreter (or Node.js) and called with a sample event of each trigger the template wires to
it, and must give the answer the trigger expects (lambda_events.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.model import Architecture
from tests.exporters.every_service import every_service
from tests.exporters.lambda_events import TRIGGERS, run_handler, triggers_of
from tests.exporters.secret_rotation_run import rotates_in_moto
from tests.exporters.test_cloudformation_events import event_driven
from tests.exporters.test_cloudformation_generated import SEEDS, generated

DESIGNS: dict[str, Callable[[], Architecture]] = {
    **{f"generated-{seed}": (lambda seed=seed: generated(seed)) for seed in SEEDS},  # type: ignore[misc]
    "every-service": every_service,
    "event-driven": event_driven,
}


def _functions(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        n: b["Properties"] for n, b in template["Resources"].items() if b["Type"] == "AWS::Lambda::Function"
    }


def with_functions() -> list[str]:
    return sorted(name for name, design in DESIGNS.items() if _functions(build_template(design())))


def test_the_designs_hold_functions_to_run() -> None:
    assert with_functions() == sorted(set(DESIGNS) - {"generated-5"})  # the one generated without a function


@pytest.mark.parametrize("name", with_functions())
def test_every_generated_handler_answers_each_of_its_triggers(name: str, tmp_path: Path) -> None:
    template = build_template(DESIGNS[name]())
    functions = {
        n: b["Properties"] for n, b in template["Resources"].items() if b["Type"] == "AWS::Lambda::Function"
    }
    assert functions, f"{name} has no function to run"
    ran = []
    for logical, props in functions.items():
        runtime, handler = props["Runtime"], props["Handler"]
        folder = tmp_path / logical
        folder.mkdir()
        # CloudFormation writes inline code to index.py / index.js, which the handler must name.
        (folder / ("index.py" if runtime.startswith("python") else "index.js")).write_text(
            props["Code"]["ZipFile"]
        )
        for trigger in triggers_of(template, logical):
            if trigger == "secretsmanager":
                # A secret's rotation function: run as Secrets Manager runs it, against moto (its four steps).
                rotation = rotates_in_moto(props["Code"]["ZipFile"], handler, 30)
                assert rotation.steps == ["createSecret", "setSecret", "testSecret", "finishSecret"], logical
                assert rotation.previous == rotation.first != rotation.current, logical
                ran.append((logical, trigger))
                continue
            event, answer = TRIGGERS[trigger]
            returned = run_handler(folder, runtime, handler, event)
            if answer is not None:
                assert returned == answer, f"{logical} on {trigger}"
            ran.append((logical, trigger))
    assert len(ran) >= len(functions)
