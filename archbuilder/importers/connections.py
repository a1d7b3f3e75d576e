"""Connection inference: references between services, listeners to targets, security group rules, event
source mappings, subscriptions, API integrations and IAM policies."""

from __future__ import annotations

import contextlib
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.importers.reader import TemplateReader
from archbuilder.importers.references import refs as _refs
from archbuilder.model import InvariantError

# What a reference from these sources means before anything else.
SOURCE_KIND = {
    "cloudfront_distribution": ConnectionKind.ORIGIN,
    "route53_zone": ConnectionKind.DNS,
    "acm_certificate": ConnectionKind.ATTACH,
    "waf_web_acl": ConnectionKind.ATTACH,
    "api_gateway_rest": ConnectionKind.INVOKE,
    "api_gateway_http": ConnectionKind.INVOKE,
}
KIND_PREFERENCE = (
    ConnectionKind.TRAFFIC,
    ConnectionKind.INVOKE,
    ConnectionKind.READ_WRITE,
    ConnectionKind.WRITE,
    ConnectionKind.READ,
    ConnectionKind.EVENT,
    ConnectionKind.SUBSCRIBE,
    ConnectionKind.ORIGIN,
    ConnectionKind.DNS,
    ConnectionKind.ATTACH,
    ConnectionKind.LOGS,
)


class ConnectionInference(TemplateReader):
    def _connect(
        self, source: str, target: str, port: int | None = None, preferred: ConnectionKind | None = None
    ) -> None:
        arch = self.arch
        if source == target or source not in arch.nodes or target not in arch.nodes:
            return
        if arch.nodes[source].kind != "service" or arch.nodes[target].kind != "service":
            return
        accepted = arch.accepted_kinds(source, target)
        first = SOURCE_KIND.get(arch.nodes[source].type)  # type: ignore[union-attr]
        order = ([preferred] if preferred else []) + ([first] if first else []) + list(KIND_PREFERENCE)
        kinds = [k for k in order if k in accepted]
        if not kinds:
            return
        with contextlib.suppress(InvariantError):  # already connected with that kind
            arch.connect(source, target, kinds[0], port=port)

    def _connections(self) -> None:
        groups: dict[str, list[str]] = {}  # security group logical id -> node ids using it
        for group, owner in self.owners.items():
            if self._type(group) == "AWS::EC2::SecurityGroup" and owner in self.nodes:
                groups.setdefault(group, []).append(self.nodes[owner])
        for logical in self.resources:
            props = self._props(logical)
            for key in ("SecurityGroups", "SecurityGroupIds", "VpcSecurityGroupIds", "VPCSecurityGroups"):
                for ref in _refs(props.get(key)):
                    if logical in self.nodes:
                        groups.setdefault(ref, []).append(self.nodes[logical])
        for logical, node_id in self.nodes.items():
            if self.arch.nodes[node_id].kind != "service":
                continue
            props = self._props(logical)
            logging = (
                props.get("DistributionConfig", {}).get("Logging")
                if isinstance(props.get("DistributionConfig"), dict)
                else None
            )
            for ref in sorted(set(_refs(logging))):
                if ref in self.nodes:
                    self._connect(node_id, self.nodes[ref], preferred=ConnectionKind.LOGS)
            # A certificate's validation options name the zone its names are in: containment of names, which
            # the export derives again, not a connection.
            derived = set(_refs(logging)) | set(_refs(props.get("DomainValidationOptions")))
            for ref in sorted(set(_refs(props)) - derived):
                if ref in self.nodes and self.resources.get(ref, {}).get("Type") != "AWS::EC2::SecurityGroup":
                    self._connect(node_id, self.nodes[ref])
        for logical in self.resources:
            kind, props = self._type(logical), self._props(logical)
            if kind == "AWS::Lambda::EventSourceMapping":
                source, function = (
                    self._ref_of(props.get("EventSourceArn")),
                    self._ref_of(props.get("FunctionName")),
                )
                if source in self.nodes and function in self.nodes:
                    self._connect(self.nodes[source], self.nodes[function], preferred=ConnectionKind.POLL)
            elif kind == "AWS::Route53::RecordSet":
                zone = self._ref_of(props.get("HostedZoneId"))
                alias = props.get("AliasTarget")
                target = self._ref_of(alias.get("DNSName")) if isinstance(alias, dict) else None
                if zone in self.nodes and target in self.nodes:
                    self._connect(self.nodes[zone], self.nodes[target], preferred=ConnectionKind.DNS)
            elif kind in ("AWS::ElasticLoadBalancingV2::Listener", "AWS::CloudFront::Distribution"):
                holder = self._ref_of(props.get("LoadBalancerArn")) if kind.endswith("Listener") else logical
                for ref in _refs(props.get("Certificates")) + _refs(
                    (props.get("DistributionConfig") or {}).get("ViewerCertificate")
                ):
                    if ref in self.nodes and holder in self.nodes:
                        self._connect(self.nodes[ref], self.nodes[holder], preferred=ConnectionKind.ATTACH)
                if kind.endswith("Listener"):
                    self._listener(props)
            elif kind == "AWS::ApiGateway::Method":
                api = self._ref_of(props.get("RestApiId"))
                integration = props.get("Integration")
                for ref in _refs(integration.get("Uri") if isinstance(integration, dict) else None):
                    if api in self.nodes and ref in self.nodes:
                        self._connect(self.nodes[api], self.nodes[ref], preferred=ConnectionKind.INVOKE)
            elif kind == "AWS::IAM::Policy":
                self._policy_connections(props)
            elif kind == "AWS::SNS::Subscription":
                topic, endpoint = self._ref_of(props.get("TopicArn")), self._ref_of(props.get("Endpoint"))
                if topic in self.nodes and endpoint in self.nodes:
                    self._connect(self.nodes[topic], self.nodes[endpoint], preferred=ConnectionKind.SUBSCRIBE)
            elif kind == "AWS::EC2::SecurityGroupIngress":
                self._ingress(groups, self._ref_of(props.get("GroupId")), props)
            elif kind == "AWS::EC2::SecurityGroup":
                for rule in props.get("SecurityGroupIngress") or []:
                    if isinstance(rule, dict):
                        self._ingress(groups, logical, rule)

    def _listener(self, props: dict[str, Any]) -> None:
        balancer = self._ref_of(props.get("LoadBalancerArn"))
        for action in props.get("DefaultActions") or []:
            group = self._ref_of(action.get("TargetGroupArn")) if isinstance(action, dict) else None
            port = self._props(group).get("Port") if group else None
            for target in self._target_group_members(group):
                if balancer in self.nodes:
                    self._connect(
                        self.nodes[balancer],
                        target,
                        port=port if isinstance(port, int) else None,
                        preferred=ConnectionKind.TRAFFIC,
                    )

    def _policy_connections(self, props: dict[str, Any]) -> None:
        """A policy granting a role's owner access to a resource in the template is a data connection."""
        document = props.get("PolicyDocument")
        statements = document.get("Statement") if isinstance(document, dict) else None
        for role in _refs(props.get("Roles")):
            owner = self.owners.get(role)
            if owner not in self.nodes:
                continue
            for statement in statements if isinstance(statements, list) else []:
                if not isinstance(statement, dict):
                    continue
                actions = statement.get("Action")
                actions = (
                    [actions]
                    if isinstance(actions, str)
                    else [a for a in actions or [] if isinstance(a, str)]
                )
                verbs = " ".join(a.split(":")[-1] for a in actions)
                writes = any(w in verbs for w in ("Put", "Send", "Publish", "Write", "Update", "Delete"))
                reads = any(r in verbs for r in ("Get", "Query", "Scan", "List", "Receive", "Describe"))
                kind = (
                    ConnectionKind.READ_WRITE
                    if reads and writes
                    else ConnectionKind.WRITE
                    if writes
                    else ConnectionKind.READ
                )
                for ref in sorted(set(_refs(statement.get("Resource")))):
                    if ref in self.nodes:
                        self._connect(self.nodes[owner], self.nodes[ref], preferred=kind)

    def _target_group_members(self, group: str | None) -> list[str]:
        if group is None:
            return []
        members = [self.nodes[r] for r in _refs(self._props(group).get("Targets")) if r in self.nodes]
        members += [
            self.nodes[name]
            for name in self.resources
            if name in self.nodes and group in _refs(self._props(name).get("TargetGroupARNs"))
        ]
        return members

    def _ingress(self, groups: dict[str, list[str]], group: str | None, rule: dict[str, Any]) -> None:
        source = self._ref_of(rule.get("SourceSecurityGroupId"))
        if group is None or source is None:
            return
        port = rule.get("FromPort")
        port = (
            int(port)
            if isinstance(port, int | str) and str(port).isdigit() and 0 <= int(port) <= 65535
            else None
        )
        for src in groups.get(source, []):
            for dst in groups.get(group, []):
                self._connect(src, dst, port=port, preferred=ConnectionKind.TRAFFIC)
