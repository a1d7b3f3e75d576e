"""A load balancer's listener settings, read from its Listener resources (ALB/NLB) or inline Listeners (CLB).

The model keeps one serving listener per balancer (`listener_port`, `listener_protocol`) and, for an ALB, whether
port 80 redirects to HTTPS. Without this the imported balancer kept the catalog default (HTTPS on 443), so an
HTTP-only template looked like an HTTPS listener missing its certificate.
"""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ServiceType, check_property_value
from archbuilder.importers.references import refs

LISTENER = "AWS::ElasticLoadBalancingV2::Listener"


def _actions(listener: dict[str, Any]) -> list[dict[str, Any]]:
    actions = listener.get("DefaultActions")
    return [a for a in actions if isinstance(a, dict)] if isinstance(actions, list) else []


def _forwards(listener: dict[str, Any]) -> bool:
    return any(
        a.get("Type") == "forward" or "TargetGroupArn" in a or "ForwardConfig" in a
        for a in _actions(listener)
    )


def _redirects_to_https(listener: dict[str, Any]) -> bool:
    for action in _actions(listener):
        config = action.get("RedirectConfig")
        if (
            action.get("Type") == "redirect"
            and isinstance(config, dict)
            and config.get("Protocol") == "HTTPS"
        ):
            return True
    return False


def _fitting(service: ServiceType, name: str, value: Any) -> dict[str, Any]:
    """{name: value} when it is a value of the property's kind; one outside the catalog's range or choices is kept
    as written (the import reports it), never replaced by the default."""
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    spec = service.property_spec(name)
    if (
        spec is None
        or isinstance(value, dict | list)
        or check_property_value(spec, value, bounds=False) is not None
    ):
        return {}
    return {name: value}


def listener_properties(
    resources: dict[str, dict[str, Any]], logical: str, service: ServiceType, naming: list[str]
) -> dict[str, Any]:
    """The balancer's listener settings; `naming` are the resources that name the balancer (its listeners among
    them), in template order."""
    if service.id == "clb":
        listeners = (resources[logical].get("Properties") or {}).get("Listeners")
        first = (
            listeners[0]
            if isinstance(listeners, list) and listeners and isinstance(listeners[0], dict)
            else {}
        )
        return {
            **_fitting(service, "listener_port", first.get("LoadBalancerPort")),
            **_fitting(service, "listener_protocol", first.get("Protocol")),
        }
    own = [
        props
        for body in (resources[name] for name in naming)
        if isinstance(body, dict) and body.get("Type") == LISTENER
        for props in [body.get("Properties")]
        if isinstance(props, dict) and refs(props.get("LoadBalancerArn"))[:1] == [logical]
    ]
    if not own:
        return {}
    # The listener that forwards to targets is the one the design shows; a redirect-only one is the HTTP door.
    serving = next((props for props in own if _forwards(props)), own[0])
    values = {
        **_fitting(service, "listener_port", serving.get("Port")),
        **_fitting(service, "listener_protocol", serving.get("Protocol")),
    }
    if service.property_spec("redirect_http_to_https") is not None:
        values["redirect_http_to_https"] = any(_redirects_to_https(props) for props in own)
    return values
