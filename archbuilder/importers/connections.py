"""Connection inference: references between services, listeners to targets, security group rules, event
source mappings, subscriptions and API integrations; IAM policies are read in grant_connections.py."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.importers.grant_connections import GrantConnections
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


class ConnectionInference(GrantConnections):
    def _connect(
        self, source: str, target: str, port: int | None = None, preferred: ConnectionKind | None = None
    ) -> None:
        arch = self.arch
        if source == target or source not in arch.nodes or target not in arch.nodes:
            return
        if arch.nodes[source].kind != "service" or arch.nodes[target].kind != "service":
            return
        if preferred is None:
            # A bare reference says only that the two are connected: it waits until what says how (a listener,
            # a policy, a mapping) has been read, and connects them only if nothing did.
            self.unsaid.append((source, target, port))
            return
        self._connect_as(source, target, port, preferred)

    def _connect_as(
        self, source: str, target: str, port: int | None, preferred: ConnectionKind | None
    ) -> None:
        arch = self.arch
        accepted = arch.accepted_kinds(source, target)
        first = SOURCE_KIND.get(arch.nodes[source].type)  # type: ignore[union-attr]
        order = ([preferred] if preferred else []) + ([first] if first else []) + list(KIND_PREFERENCE)
        kinds = [k for k in order if k in accepted]
        if not kinds:
            return
        with contextlib.suppress(InvariantError):  # already connected with that kind
            arch.connect(source, target, kinds[0], port=port)

    def _connections(self) -> None:
        self.unsaid: list[tuple[str, str, int | None]] = []
        self.nfs_rules: list[tuple[str, str]] = []
        self._buckets_by_name = None
        self._parameters_by_name = None
        self._said_connections()
        connected = {(c.source_id, c.target_id) for c in self.arch.connections.values()}
        # A poller naming the queue it polls (its URL, to receive from) says nothing more than the polling.
        connected |= {
            (c.target_id, c.source_id)
            for c in self.arch.connections.values()
            if c.kind is ConnectionKind.POLL
        }
        for source, target, port in self.unsaid:
            if (source, target) not in connected:
                self._connect_as(source, target, port, None)
                connected.add((source, target))
        self._nfs_traffic()
        self._drop_reads_of_polled_sources()

    def _drop_reads_of_polled_sources(self) -> None:
        """A function polling a queue or stream is granted its reads by the polling itself; the policy saying
        so is not a second connection."""
        polls = {
            (c.target_id, c.source_id)
            for c in self.arch.connections.values()
            if c.kind is ConnectionKind.POLL
        }
        for connection in list(self.arch.connections.values()):
            if (
                connection.kind is ConnectionKind.READ
                and (connection.source_id, connection.target_id) in polls
            ):
                self.arch.disconnect(connection.id)

    def _nfs_traffic(self) -> None:
        """A rule letting a client in on NFS's port of a file system it reads or writes is the mount's own
        (exporters/cloudformation/file_mounts.py), not a traffic connection; other such rules are."""
        mounted = {
            (c.source_id, c.target_id) for c in self.arch.connections.values() if c.kind in MOUNT_KINDS
        }
        for source, target in self.nfs_rules:
            if (source, target) not in mounted:
                self._connect_as(source, target, NFS_PORT, ConnectionKind.TRAFFIC)

    def _said_connections(self) -> None:
        groups = self._security_group_users()
        for logical, node_id in self.nodes.items():
            if self.arch.nodes[node_id].kind == "service":
                self._reference_connections(logical, node_id)
        for logical in self.resources:
            handler = HELPER_CONNECTIONS.get(self._type(logical))
            if handler is not None:
                handler(self, logical, self._props(logical))
            elif self._type(logical) == "AWS::EC2::SecurityGroupIngress":
                if self._declared_rule(logical) is not None:
                    continue  # a service's declared rule (group_nodes.py), not a connection
                self._ingress(groups, self._ref_of(self._props(logical).get("GroupId")), self._props(logical))
            elif self._type(logical) == "AWS::EC2::SecurityGroup":
                for rule in self._props(logical).get("SecurityGroupIngress") or []:
                    if isinstance(rule, dict):
                        self._ingress(groups, logical, rule)

    def _declared_rule(self, name: str) -> tuple[str, dict[str, Any]] | None:
        """(the service, its declared rule) when an ingress resource is one (group_nodes.py)."""
        raise NotImplementedError

    def _security_group_users(self) -> dict[str, list[str]]:
        """Security group logical id -> the node ids using it (its owner, and services naming it)."""
        groups: dict[str, list[str]] = {}
        for group, owner in self.owners.items():
            if self._type(group) == "AWS::EC2::SecurityGroup" and owner in self.nodes:
                groups.setdefault(group, []).append(self.nodes[owner])
        for logical in self.resources:
            props = self._props(logical)
            # A service making a group of its own, which rules name by its attribute (a CloudHSM cluster's; read
            # from Terraform, `aws_cloudhsm_v2_cluster.x.security_group_id` is a Ref to the cluster).
            named = props.get("GroupId") if self._type(logical) == "AWS::EC2::SecurityGroupIngress" else None
            if isinstance(named, dict) and (
                "Fn::GetAtt" in named
                or (
                    "Ref" in named
                    and self._type(self._ref_of(named) or "") not in ("", "AWS::EC2::SecurityGroup")
                )
            ):
                maker = self._ref_of(named)
                if maker in self.nodes and maker not in groups:
                    groups[maker] = [self.nodes[maker]]
            for key in ("SecurityGroups", "SecurityGroupIds", "VpcSecurityGroupIds", "VPCSecurityGroups"):
                for ref in _refs(props.get(key)):
                    if logical in self.nodes:
                        groups.setdefault(ref, []).append(self.nodes[logical])
        return groups

    def _reference_connections(self, logical: str, node_id: str) -> None:
        """A service naming another is connected to it; some properties say what kind of connection that is
        (a distribution's log bucket, a bucket's event notifications, a rule's targets, a role's policies)."""
        props = self._props(logical)
        said: set[str] = set()
        for (resource_type, key), kind in SAID_BY.items():
            if self._type(logical) != resource_type:
                continue
            value = _at(props, key)
            said |= set(_refs(value))
            for ref in sorted(set(_refs(value))):
                if ref in self.nodes and kind is not None:
                    self._connect(node_id, self.nodes[ref], preferred=kind)
        # A certificate's validation options name the zone its names are in: containment of names, which the
        # export derives again, not a connection. Policies are read statement by statement below.
        said |= set(_refs(props.get("DomainValidationOptions"))) | set(_refs(props.get("Policies")))
        for ref in sorted(set(self._refs_in(logical)) - said):
            if ref in self.nodes and self.resources.get(ref, {}).get("Type") != "AWS::EC2::SecurityGroup":
                self._connect(node_id, self.nodes[ref])
        for companion in self._settings_companions(logical):
            self._companion_connections(node_id, self._props(companion))

    def _settings_companions(self, logical: str) -> list[str]:
        """The companions that carry a service's settings (the task definition, launch template it names)."""
        named = dict.fromkeys(self._refs_in(logical))
        return [companion for companion in named if self._type(companion) in SETTINGS_COMPANIONS]

    def _companion_connections(self, node_id: str, props: dict[str, Any]) -> None:
        """What a service's task definition or launch template names: its log group, the secrets it reads."""
        # Terraform's container definitions are ECS's own JSON, in camel case.
        logs = set(_refs(_keyed(props, "LogConfiguration") + _keyed(props, "logConfiguration")))
        secrets = set(_refs(_keyed(props, "Secrets") + _keyed(props, "secrets")))
        for refs_of, kind in ((logs, ConnectionKind.LOGS), (secrets, ConnectionKind.READ)):
            for ref in sorted(refs_of):
                if ref in self.nodes:
                    self._connect(node_id, self.nodes[ref], preferred=kind)
        for ref in sorted(set(_refs(props)) - logs - secrets):
            if ref in self.nodes and self._type(ref) != "AWS::EC2::SecurityGroup":
                self._connect(node_id, self.nodes[ref])

    def _event_source_mapping(self, logical: str, props: dict[str, Any]) -> None:
        source, function = self._ref_of(props.get("EventSourceArn")), self._ref_of(props.get("FunctionName"))
        if source in self.nodes and function in self.nodes:
            self._connect(self.nodes[source], self.nodes[function], preferred=ConnectionKind.POLL)

    def _record_set(self, logical: str, props: dict[str, Any]) -> None:
        zone = self._ref_of(props.get("HostedZoneId"))
        alias = props.get("AliasTarget")
        target = self._ref_of(alias.get("DNSName")) if isinstance(alias, dict) else None
        # An address record naming an Elastic IP (its Ref is the address) points the name at it.
        address = self._ref_of(props.get("ResourceRecords"))
        if target is None and address is not None and self._type(address) == "AWS::EC2::EIP":
            target = address
        if zone in self.nodes and target in self.nodes:
            self._connect(self.nodes[zone], self.nodes[target], preferred=ConnectionKind.DNS)

    def _certificates(self, logical: str, props: dict[str, Any]) -> None:
        listener = self._type(logical).endswith("Listener")
        holder = self._ref_of(props.get("LoadBalancerArn")) if listener else logical
        viewer = (props.get("DistributionConfig") or {}).get("ViewerCertificate")
        for ref in _refs(props.get("Certificates")) + _refs(viewer):
            if ref in self.nodes and holder in self.nodes:
                self._connect(self.nodes[ref], self.nodes[holder], preferred=ConnectionKind.ATTACH)
        if listener:
            self._listener(props)

    def _method(self, logical: str, props: dict[str, Any]) -> None:
        """A method invokes the function its integration's URI names. Any other resource the URI names (the queue
        of an SQS integration's path) is a bare reference: the policy of the role the integration assumes says
        what the API does with it."""
        api = self._ref_of(props.get("RestApiId"))
        integration = props.get("Integration")
        for ref in _refs(integration.get("Uri") if isinstance(integration, dict) else None):
            if api in self.nodes and ref in self.nodes:
                invoked = self._type(ref) == "AWS::Lambda::Function"
                self._connect(
                    self.nodes[api], self.nodes[ref], preferred=ConnectionKind.INVOKE if invoked else None
                )

    def _subscription(self, logical: str, props: dict[str, Any]) -> None:
        topic, endpoint = self._ref_of(props.get("TopicArn")), self._ref_of(props.get("Endpoint"))
        if topic in self.nodes and endpoint in self.nodes:
            self._connect(self.nodes[topic], self.nodes[endpoint], preferred=ConnectionKind.SUBSCRIBE)

    def _permission(self, logical: str, props: dict[str, Any]) -> None:
        """A permission letting a resource of the template call a function: that resource sends it events (a
        bucket, a topic, a rule) or invokes it (an API)."""
        function = self._ref_of(props.get("FunctionName"))
        for source in _refs(props.get("SourceArn")):
            if source in self.nodes and function in self.nodes:
                kind = ConnectionKind.INVOKE if "ApiGateway" in self._type(source) else ConnectionKind.EVENT
                self._connect(self.nodes[source], self.nodes[function], preferred=kind)

    def _web_acl_association(self, logical: str, props: dict[str, Any]) -> None:
        """A web ACL is attached to what its association names (a load balancer, an API's stage)."""
        acl = self._ref_of(props.get("WebACLArn"))
        for target in _refs(props.get("ResourceArn")):
            if acl in self.nodes and target in self.nodes:
                self._connect(self.nodes[acl], self.nodes[target], preferred=ConnectionKind.ATTACH)

    def _authorizer(self, logical: str, props: dict[str, Any]) -> None:
        """A REST API's Cognito authorizer attaches the user pools it names to the API."""
        api = self._ref_of(props.get("RestApiId"))
        if str(props.get("Type", "")).upper() != "COGNITO_USER_POOLS" or api not in self.nodes:
            return
        for pool in _refs(props.get("ProviderARNs")):
            if pool in self.nodes:
                self._connect(self.nodes[api], self.nodes[pool], preferred=ConnectionKind.ATTACH)

    def _volume_attachment(self, logical: str, props: dict[str, Any]) -> None:
        """A volume is attached to the instance its attachment names."""
        volume, instance = self._ref_of(props.get("VolumeId")), self._ref_of(props.get("InstanceId"))
        if volume in self.nodes and instance in self.nodes:
            self._connect(self.nodes[volume], self.nodes[instance], preferred=ConnectionKind.ATTACH)

    def _node_group(self, logical: str, props: dict[str, Any]) -> None:
        """An EKS cluster deploys to the node groups that name it."""
        cluster = self._ref_of(props.get("ClusterName"))
        if cluster in self.nodes and logical in self.nodes:
            self._connect(self.nodes[cluster], self.nodes[logical], preferred=ConnectionKind.DEPLOY)

    def _endpoint_group(self, logical: str, props: dict[str, Any]) -> None:
        """An accelerator sends traffic to the endpoints of its listener's endpoint group."""
        listener = self._ref_of(props.get("ListenerArn"))
        accelerator = self._ref_of(self._props(listener).get("AcceleratorArn")) if listener else None
        for endpoint in props.get("EndpointConfigurations") or []:
            target = self._ref_of(endpoint.get("EndpointId")) if isinstance(endpoint, dict) else None
            if accelerator in self.nodes and target in self.nodes:
                self._connect(self.nodes[accelerator], self.nodes[target], preferred=ConnectionKind.TRAFFIC)

    def _trace_group(self, logical: str, props: dict[str, Any]) -> None:
        """Functions tracing actively send their traces to the template's X-Ray group, when it has one only."""
        groups = [name for name in self.nodes if self._type(name) == "AWS::XRay::Group"]
        if groups != [logical]:
            return
        for name, node_id in self.nodes.items():
            tracing = self._props(name).get("TracingConfig")
            active = isinstance(tracing, dict) and tracing.get("Mode") == "Active"
            if self._type(name) == "AWS::Lambda::Function" and active:
                self._connect(node_id, self.nodes[logical], preferred=ConnectionKind.LOGS)

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

    def _target_group_members(self, group: str | None) -> list[str]:
        if group is None:
            return []
        members = [self.nodes[r] for r in _refs(self._props(group).get("Targets")) if r in self.nodes]
        members += [
            self.nodes[name]
            for name in self._referrers(group)
            if name in self.nodes and group in _refs(self._props(name).get("TargetGroupARNs"))
        ]
        return members

    def _ingress(self, groups: dict[str, list[str]], group: str | None, rule: dict[str, Any]) -> None:
        source = self._ref_of(rule.get("SourceSecurityGroupId"))
        if group is None or source is None:
            return
        if group in self.nodes and self._type(group) == "AWS::EC2::SecurityGroup":
            return  # a rule of a group drawn as a node is one of its ingress rules (group_nodes.py)
        port = rule.get("FromPort")
        port = (
            int(port)
            if isinstance(port, int | str) and str(port).isdigit() and 0 <= int(port) <= 65535
            else None
        )
        for src in groups.get(source, []):
            for dst in groups.get(group, []):
                if port == NFS_PORT and self.arch.nodes[dst].type == "efs_file_system":  # type: ignore[union-attr]
                    self.nfs_rules.append((src, dst))  # decided once the grants are read (_nfs_traffic)
                else:
                    self._connect(src, dst, port=port, preferred=ConnectionKind.TRAFFIC)


def _keyed(value: Any, key: str) -> list[Any]:
    """Every value under `key`, at any depth."""
    found: list[Any] = []
    if isinstance(value, dict):
        for name, item in value.items():
            found += [item] if name == key else _keyed(item, key)
    elif isinstance(value, list):
        for item in value:
            found += _keyed(item, key)
    return found


# The data connections a client mounts a file system for, and the port the mount reaches it on.
MOUNT_KINDS = {ConnectionKind.READ, ConnectionKind.WRITE, ConnectionKind.READ_WRITE}
NFS_PORT = 2049
# Companions that carry settings of the service they belong to.
SETTINGS_COMPANIONS = {
    "AWS::ECS::TaskDefinition",
    "Terraform::aws_ecs_task_definition",
    "AWS::EC2::LaunchTemplate",
}


def _at(value: Any, path: str) -> Any:
    """The value at a dotted path of nested mappings (None where it stops)."""
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


# Properties whose references say what kind of connection they are, by resource type (None: no connection).
SAID_BY: dict[tuple[str, str], ConnectionKind | None] = {
    ("AWS::CloudFront::Distribution", "DistributionConfig.Logging"): ConnectionKind.LOGS,
    ("AWS::CloudFront::Distribution", "logging_config"): ConnectionKind.LOGS,  # as Terraform says it
    ("AWS::S3::Bucket", "NotificationConfiguration"): ConnectionKind.EVENT,  # its event notifications
    ("AWS::Events::Rule", "Targets"): ConnectionKind.EVENT,
    ("AWS::Lambda::Function", "DeadLetterConfig"): ConnectionKind.WRITE,  # failed events go there
    ("AWS::CloudWatch::Alarm", "AlarmActions"): ConnectionKind.EVENT,
    ("AWS::CloudWatch::Alarm", "Dimensions"): None,  # what the alarm watches, not something it calls
    # Read action by action, object by object (flows.py): a cluster named beside a service is no connection.
    ("AWS::CodePipeline::Pipeline", "Stages"): None,
    ("AWS::DataPipeline::Pipeline", "PipelineObjects"): None,
    # Shield Advanced protects what it names; a node group's cluster deploys to it (read the other way round).
    ("AWS::Shield::Protection", "ResourceArn"): ConnectionKind.ATTACH,
    ("AWS::EKS::Nodegroup", "ClusterName"): None,
    ("AWS::Lambda::Function", "LoggingConfig"): ConnectionKind.LOGS,  # the group it logs to
    # A workgroup writes its query results to the bucket of its output location.
    (
        "AWS::Athena::WorkGroup",
        "WorkGroupConfiguration.ResultConfiguration.OutputLocation",
    ): ConnectionKind.WRITE,
}
# The connections each helper resource says, by its type.
HELPER_CONNECTIONS: dict[str, Callable[[ConnectionInference, str, dict[str, Any]], None]] = {
    "AWS::Lambda::EventSourceMapping": ConnectionInference._event_source_mapping,
    "AWS::Route53::RecordSet": ConnectionInference._record_set,
    "AWS::ElasticLoadBalancingV2::Listener": ConnectionInference._certificates,
    "AWS::CloudFront::Distribution": ConnectionInference._certificates,
    "AWS::ApiGateway::Method": ConnectionInference._method,
    "AWS::ApiGateway::Authorizer": ConnectionInference._authorizer,
    "AWS::IAM::Policy": ConnectionInference._policy,
    "AWS::IAM::Role": ConnectionInference._role_connections,
    "AWS::SNS::Subscription": ConnectionInference._subscription,
    "AWS::Lambda::Permission": ConnectionInference._permission,
    "AWS::WAFv2::WebACLAssociation": ConnectionInference._web_acl_association,
    "AWS::EKS::Nodegroup": ConnectionInference._node_group,
    "AWS::EC2::VolumeAttachment": ConnectionInference._volume_attachment,
    "AWS::GlobalAccelerator::EndpointGroup": ConnectionInference._endpoint_group,
    "AWS::XRay::Group": ConnectionInference._trace_group,
}
